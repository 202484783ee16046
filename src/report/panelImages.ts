// The heatmaps of variables marked as images (src/core/stan/imageMarks.ts): for each side (approximation,
// reference) the posterior mean image and a few draws, row-major R×C, on one colour scale per variable
// so the two sides compare. Elements are found by flattened name (theta[12], x_sim[3,12], m[2,5]), so the
// order draws are stored in does not matter.
import type { ImageMark } from '../core/stan/imageMarks';
import type { FitResult } from '../core/result/fitResult';
import type { ImageTile, PanelImage } from './panelState';

/** Draw tiles per side. */
export const IMAGE_DRAWS = 4;

interface Layout {
  /** Flattened names of each image (slot), pixel by pixel in row-major order. */
  slots: { label: string; names: string[] }[];
}

export function panelImages(marks: ImageMark[], approx: FitResult, ref: FitResult | null): PanelImage[] {
  const out: PanelImage[] = [];
  for (const mark of marks) {
    const layout = layoutOf(mark, approx) ?? (ref ? layoutOf(mark, ref) : null);
    if (!layout) continue;
    const a = tilesOf(layout, approx);
    const r = ref ? tilesOf(layout, ref) : null;
    let min = Infinity;
    let max = -Infinity;
    for (const t of [...(a ?? []), ...(r ?? [])]) {
      for (const v of t.pixels) {
        if (v === null || !Number.isFinite(v)) continue;
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    if (!a && !r) continue;
    const images = layout.slots.length;
    out.push({
      name: mark.variable,
      rows: mark.rows,
      cols: mark.cols,
      images,
      approximation: a,
      reference: r,
      min: Number.isFinite(min) ? min : 0,
      max: Number.isFinite(max) ? max : 1,
    });
  }
  return out;
}

function parseName(name: string): { variable: string; indices: number[] } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([\d,\s]+)\])?$/.exec(name);
  if (!m) return null;
  return { variable: m[1], indices: m[2] ? m[2].split(',').map((s) => Number(s.trim())) : [] };
}

// Which trailing indices make one image: one index of R×C (vector, array of vectors, array[N, 64] int),
// or two of R and C (matrix[R, C]).
function layoutOf(mark: ImageMark, fit: FitResult): Layout | null {
  const all = [...fit.names.parameters, ...fit.names.transformedParameters, ...fit.names.generatedQuantities];
  const mine = all.map((n) => ({ n, p: parseName(n) })).filter((x) => x.p && x.p.variable === mark.variable && x.p.indices.length > 0 && fit.draws[x.n]);
  if (mine.length === 0) return null;
  const pixels = mark.rows * mark.cols;
  const maxAt = (fromEnd: number) => Math.max(...mine.map((x) => x.p!.indices[x.p!.indices.length - fromEnd] ?? 0));
  let k: number;
  if (maxAt(1) === pixels) k = 1;
  else if (mine.every((x) => x.p!.indices.length >= 2) && maxAt(1) === mark.cols && maxAt(2) === mark.rows) k = 2;
  else return null;
  const slots = new Map<string, { label: string; names: string[] }>();
  for (const { n, p } of mine) {
    const prefix = p!.indices.slice(0, p!.indices.length - k);
    const key = prefix.join(',');
    let slot = slots.get(key);
    if (!slot) {
      slot = { label: prefix.length > 0 ? `${mark.variable}[${key}]` : mark.variable, names: new Array<string>(pixels).fill('') };
      slots.set(key, slot);
    }
    const idx = p!.indices.slice(-k);
    const pixel = k === 1 ? idx[0] - 1 : (idx[0] - 1) * mark.cols + (idx[1] - 1);
    if (pixel >= 0 && pixel < pixels) slot.names[pixel] = n;
  }
  const complete = [...slots.values()].filter((s) => s.names.every((n) => n !== ''));
  return complete.length > 0 ? { slots: complete } : null;
}

// The mean image (over draws, and over the images of an array), then IMAGE_DRAWS draws spread evenly
// over the run (and over the images of an array).
function tilesOf(layout: Layout, fit: FitResult): ImageTile[] | null {
  if (!layout.slots.every((s) => s.names.every((n) => fit.draws[n]))) return null;
  const pixels = layout.slots[0].names.length;
  const mean = new Array<number>(pixels).fill(0);
  for (const s of layout.slots) {
    s.names.forEach((n, p) => { mean[p] += meanOf(fit, n) / layout.slots.length; });
  }
  const draws = fit.draws[layout.slots[0].names[0]].length;
  const tiles: ImageTile[] = [{ label: layout.slots.length > 1 ? `mean of ${layout.slots.length} images` : 'posterior mean', kind: 'mean', pixels: mean.map(finite) }];
  if (draws === 0) return tiles;
  for (let t = 0; t < IMAGE_DRAWS; t++) {
    const slot = layout.slots[t % layout.slots.length];
    const d = Math.min(draws - 1, Math.floor(((t + 0.5) * draws) / IMAGE_DRAWS));
    tiles.push({
      label: `draw ${d + 1}${layout.slots.length > 1 ? ` · ${slot.label}` : ''}`,
      kind: 'draw',
      pixels: slot.names.map((n) => finite(fit.draws[n][d])),
    });
  }
  return tiles;
}

function meanOf(fit: FitResult, name: string): number {
  const s = fit.summary[name];
  if (s && Number.isFinite(s.mean)) return s.mean;
  const v = fit.draws[name];
  let sum = 0;
  let n = 0;
  for (const x of v) if (x !== null && Number.isFinite(x)) { sum += x; n++; }
  return n > 0 ? sum / n : NaN;
}

function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
