// The diagnostics panel app. Runs in the VS Code webview (state from the host after the ready handshake,
// ELBO streamed from fit/progress) and in the exported HTML report (state embedded in the page).
// It draws what it is given: every statistic comes computed from the host.
import type { HostToWebview } from '../src/protocol';
import type { PanelState, PanelToWebview, PanelWarning, RenderedSummary, WebviewToPanel } from '../src/report/panelState';
import { applyTheme, type Chart } from './chartSetup';
import { densityCharts } from './densityCharts';
import { el, section } from './dom';
import { ElboChart } from './elboChart';
import { forestCharts } from './forestChart';
import { imageHeatmaps } from './imageHeatmaps';
import { khatBadge } from './khatBadge';
import { pairsChart } from './pairsChart';
import { summaryTable } from './summaryTable';
import { readTheme } from './theme';
import { warningsList } from './warningsList';

interface VsCodeApi {
  postMessage(message: WebviewToPanel | { type: 'fit/cancel'; id: string }): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi | null = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
const app = document.getElementById('app') ?? document.body.appendChild(el('div', { id: 'app' }));

let state: PanelState | null = null;
let charts: Chart[] = [];
let elbo: ElboChart | null = null;
let statusLine: HTMLElement | null = null;

function render(s: PanelState): void {
  state = s;
  for (const c of charts.splice(0)) c.destroy();
  const theme = readTheme();
  applyTheme(theme);
  const labels = { approximation: s.approximationLabel, reference: s.referenceLabel };

  statusLine = el('span', { class: `status ${s.status}`, id: 'status' }, s.statusText);
  const header = el('header', {},
    el('h1', {}, s.title),
    el('div', { class: 'meta' }, khatBadge(s.khat), ' ', statusLine, s.stale ? el('span', { class: 'badge muted', id: 'stale' }, 'stale: the model, data or settings changed') : null),
    el('p', { class: 'muted model', title: s.model }, decodeURIComponent(s.model.split('/').pop() ?? s.model)));
  for (const n of s.notes) header.append(el('p', { class: 'note' }, n));

  const blocks: HTMLElement[] = [header];
  const w = section('warnings', `Warnings (${s.warnings.length})`);
  w.body.append(warningsList(s.warnings, api ? reveal : null));
  blocks.push(w.root);

  const e = section('elbo', 'ELBO trace');
  elbo = new ElboChart(theme);
  charts.push(elbo.chart as unknown as Chart);
  elbo.append(s.elbo);
  if (s.stopReason) elbo.setVerdict(`Stopped: ${s.stopReason}`, s.converged);
  else if (s.elbo.length === 0 && s.status !== 'running') elbo.setVerdict('No ELBO trace for this method.');
  e.body.append(elbo.root);
  blocks.push(e.root);

  const d = section('densities', 'Marginal densities');
  if (s.densities.length > 0) {
    const dc = densityCharts(s.densities, theme, labels);
    charts.push(...dc.charts);
    d.body.append(dc.root);
  } else d.body.append(el('p', { class: 'muted' }, 'Densities appear when the fit finishes.'));
  blocks.push(d.root);

  if (s.forest.length > 0) {
    const f = section('forest', 'Approximation against the reference');
    const fc = forestCharts(s.forest, s.thresholds, theme);
    charts.push(...fc.charts);
    f.body.append(fc.root);
    blocks.push(f.root);
  }

  if (s.images && s.images.length > 0) {
    const im = section('images', 'Images');
    im.body.append(imageHeatmaps(s.images, labels));
    blocks.push(im.root);
  }

  if (s.pairs) {
    const p = section('pairs', 'Pairs');
    const pc = pairsChart(s.pairs, theme, labels);
    charts.push(...pc.charts);
    p.body.append(pc.root);
    blocks.push(p.root);
  }

  if (s.table.length > 0) {
    const t = section('summary', 'Summary');
    t.body.append(summaryTable(s.table));
    blocks.push(t.root);
  }
  app.replaceChildren(...blocks);
  api?.setState(s);
  const summary: RenderedSummary = {
    charts: blocks.map((b) => b.id).filter((id) => id),
    densities: s.densities.length,
    warnings: s.warnings.length,
    elboPoints: elbo.points,
    stale: s.stale,
  };
  document.body.dataset.rendered = summary.charts.join(' ');
  api?.postMessage({ type: 'panel/rendered', summary });
}

function reveal(w: PanelWarning): void {
  api?.postMessage({ type: 'panel/revealRange', range: w.range, parameter: w.parameter });
}

function emptyState(title: string): PanelState {
  return {
    version: 1, title, model: '', status: 'running', statusText: 'Starting…', approximationLabel: '', referenceLabel: null, elbo: [],
    stopReason: null, converged: null, khat: null, thresholds: { sdRatioLow: 0.8, sdRatioHigh: 1.25, meanError: 0.25 }, densities: [],
    forest: [], pairs: null, table: [], warnings: [], notes: [], stale: false, generatedAt: '',
  };
}

function setStatus(status: PanelState['status'], text: string): void {
  if (!statusLine) return;
  statusLine.className = `status ${status}`;
  statusLine.textContent = text;
}

function onMessage(m: PanelToWebview | HostToWebview): void {
  switch (m.type) {
    case 'panel/state':
      render(m.state);
      break;
    case 'panel/elbo':
      elbo?.append(m.points);
      break;
    case 'panel/status':
      setStatus(m.status, m.statusText);
      break;
    case 'run/started': {
      const s = emptyState(`${m.kind === 'fit' ? 'Fitting' : m.kind === 'reference' ? 'Reference for' : 'Comparing'} ${m.modelPath.split(/[\\/]/).pop()}`);
      s.model = m.modelPath;
      render(s);
      break;
    }
    case 'fit/progress':
      if (m.elbo && m.elbo.length > 0) elbo?.append(m.elbo);
      setStatus('running', m.message ?? `${m.stage}: ${m.phase}${m.maxIterations > 0 ? ` ${m.iteration}/${m.maxIterations}` : ''}`);
      break;
    case 'fit/error':
      setStatus('error', m.errors.map((e) => e.message).join('; '));
      break;
    case 'fit/cancelled':
      setStatus('cancelled', 'Cancelled.');
      break;
    case 'fit/result':
      // The host follows with panel/state, computed from the result.
      break;
  }
}

window.addEventListener('message', (event: MessageEvent) => onMessage(event.data as PanelToWebview | HostToWebview));
// A theme switch changes the CSS variables: redraw in the new colours.
new MutationObserver(() => { if (state) render(state); }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const embedded = document.getElementById('vigil-state');
if (embedded?.textContent) {
  render(JSON.parse(embedded.textContent) as PanelState);
} else {
  const previous = api?.getState() as PanelState | undefined;
  if (previous && previous.version === 1) render(previous);
  api?.postMessage({ type: 'panel/ready' });
}

