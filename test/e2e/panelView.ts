// The diagnostics panel as the UI tests read it: the webview's document (the inner frame of the
// iframe.webview VS Code puts in the editor) of a model's panel, and what that document shows.
import type { Frame, Page } from 'playwright-core';

export interface PanelWarningView {
  kind: string;
  parameter: string | null;
  severity: string;
  text: string;
}

export interface PanelView {
  /** The model's file name, as the panel's header shows it. */
  model: string;
  /** The heading: "VI (mean-field) vs NUTS". */
  title: string;
  rendered: string;
  status: string;
  stale: boolean;
  elboPoints: number;
  densities: number;
  withReference: number;
  forestCanvases: number;
  warnings: PanelWarningView[];
  /** Variables drawn as images, with the number of tiles of each. */
  images: { name: string; tiles: number }[];
  /** The summary table's rows as shown (at most a page of them), sd ratio as printed. */
  rows: { name: string; sdRatio: number | null }[];
}

// The page's own script: the project compiles without the DOM library, so it is a string.
const readPanel = `(() => {
  const warnings = [...document.querySelectorAll('li.warning')].map((li) => ({
    kind: li.dataset.kind ?? '',
    parameter: li.dataset.parameter ? li.dataset.parameter : null,
    severity: ['error', 'warning', 'info'].find((s) => li.classList.contains(s)) ?? '',
    text: (li.textContent ?? '').trim(),
  }));
  const rows = [...document.querySelectorAll('table.summary tbody tr')].map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim());
    const ratio = Number(cells[6]);
    return { name: cells[1] ?? '', sdRatio: cells[6] && Number.isFinite(ratio) ? ratio : null };
  });
  return {
    model: (document.querySelector('header .model')?.textContent ?? '').trim(),
    title: (document.querySelector('header h1')?.textContent ?? '').trim(),
    rendered: document.body.dataset.rendered ?? '',
    status: document.querySelector('#status')?.textContent ?? '',
    stale: !!document.querySelector('#stale'),
    elboPoints: Number(document.querySelector('#elbo .elbo')?.dataset.points ?? 0),
    densities: document.querySelectorAll('.density').length,
    withReference: document.querySelectorAll('.density[data-has-reference="true"]').length,
    forestCanvases: document.querySelectorAll('#forest canvas').length,
    warnings,
    images: [...document.querySelectorAll('.image-var')].map((v) => ({ name: v.dataset.name ?? '', tiles: v.querySelectorAll('canvas.heatmap').length })),
    rows,
  };
})()`;

/** The document of the panel of `model` (a file name such as "ar1.stan"), or of any panel. */
export async function panelFrame(page: Page, model?: string): Promise<Frame | null> {
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    const header = await f.$('#app header .model').catch(() => null);
    const app = header ?? (await f.$('#app').catch(() => null));
    if (!app) continue;
    if (!model) return f;
    const shown = header ? ((await header.textContent().catch(() => '')) ?? '').trim() : '';
    if (shown === model) return f;
  }
  return null;
}

export async function panelView(page: Page, model?: string): Promise<PanelView | null> {
  const f = await panelFrame(page, model);
  if (!f) return null;
  return (f.evaluate(readPanel) as Promise<PanelView>).catch(() => null);
}

/** The sd ratios the table shows for a name, or for every element of a variable. */
export function shownSdRatios(v: PanelView, name: string): number[] {
  return v.rows.filter((r) => r.name === name || r.name.startsWith(`${name}[`)).flatMap((r) => (r.sdRatio === null ? [] : [r.sdRatio]));
}
