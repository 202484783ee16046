// Heatmaps of the variables marked as images: per variable, a row of tiles for each side (the mean,
// then a few draws) drawn on canvases with one colour scale, from the editor background (low) to the
// theme's foreground (high), and a colour bar with its limits. Pixels the host sent as null stay empty.
import type { ImageTile, PanelImage } from '../src/report/panelState';
import { el, fmt } from './dom';

type Rgb = [number, number, number];

const cellTarget = 72; // px per tile side, at most

export function imageHeatmaps(images: PanelImage[], labels: { approximation: string; reference: string | null }): HTMLElement {
  const scale = colourScale();
  const root = el('div', { class: 'image-vars' });
  for (const img of images) {
    const cell = Math.max(2, Math.floor(cellTarget / Math.max(img.rows, img.cols)));
    const block = el('div', { class: 'image-var', 'data-name': img.name },
      el('h3', {}, `${img.name} `, el('span', { class: 'muted' }, `${img.rows}×${img.cols}${img.images > 1 ? `, ${img.images} images per draw` : ''}`)));
    const sides: [string, ImageTile[] | null][] = [[labels.approximation, img.approximation], [labels.reference ?? 'Reference', img.reference]];
    for (const [label, tiles] of sides) {
      if (!tiles) continue;
      const row = el('div', { class: 'image-row' });
      for (const t of tiles) row.append(tileFigure(t, img, cell, scale));
      block.append(el('div', { class: 'image-side' }, label), row);
    }
    block.append(colourBar(img.min, img.max, scale));
    root.append(block);
  }
  return root;
}

function tileFigure(t: ImageTile, img: PanelImage, cell: number, scale: (u: number) => Rgb): HTMLElement {
  const canvas = document.createElement('canvas');
  canvas.width = img.cols * cell;
  canvas.height = img.rows * cell;
  canvas.className = `heatmap ${t.kind}`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${img.name}: ${t.label}`);
  const ctx = canvas.getContext('2d');
  const span = img.max - img.min || 1;
  if (ctx) {
    for (let r = 0; r < img.rows; r++) {
      for (let c = 0; c < img.cols; c++) {
        const v = t.pixels[r * img.cols + c];
        if (v === null || v === undefined) continue;
        const [R, G, B] = scale(Math.min(1, Math.max(0, (v - img.min) / span)));
        ctx.fillStyle = `rgb(${R}, ${G}, ${B})`;
        ctx.fillRect(c * cell, r * cell, cell, cell);
      }
    }
  }
  canvas.title = t.label;
  return el('figure', { class: 'tile' }, canvas, el('figcaption', { class: 'muted' }, t.label));
}

function colourBar(min: number, max: number, scale: (u: number) => Rgb): HTMLElement {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 10;
  canvas.className = 'colour-bar';
  const ctx = canvas.getContext('2d');
  if (ctx) {
    for (let x = 0; x < canvas.width; x++) {
      const [R, G, B] = scale(x / (canvas.width - 1));
      ctx.fillStyle = `rgb(${R}, ${G}, ${B})`;
      ctx.fillRect(x, 0, 1, canvas.height);
    }
  }
  return el('div', { class: 'image-scale muted' }, fmt(min), ' ', canvas, ' ', fmt(max));
}

// Low values blend into the background, high ones stand out in the foreground colour, through the
// theme's blue: readable in light, dark and high-contrast themes alike.
function colourScale(): (u: number) => Rgb {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: Rgb) => parseColour(style.getPropertyValue(name).trim()) ?? fallback;
  const low = read('--vscode-editor-background', [255, 255, 255]);
  const mid = read('--vscode-charts-blue', [55, 148, 255]);
  const high = read('--vscode-editor-foreground', read('--vscode-foreground', [51, 51, 51]));
  const mix = (a: Rgb, b: Rgb, u: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * u)) as Rgb;
  return (u) => (u < 0.5 ? mix(low, mid, u * 2) : mix(mid, high, (u - 0.5) * 2));
}

function parseColour(text: string): Rgb | null {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(text);
  if (hex) {
    const h = hex[1];
    if (h.length === 3 || h.length === 4) return [0, 1, 2].map((i) => parseInt(h[i] + h[i], 16)) as Rgb;
    if (h.length === 6 || h.length === 8) return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
    return null;
  }
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(text);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}
