// Pairs plot of two names: the approximation's and the reference's clouds (thinned joint draws).
import type { PairsData } from '../src/report/panelState';
import { Chart } from './chartSetup';
import { el } from './dom';
import { withAlpha, type Theme } from './theme';

export function pairsChart(pairs: PairsData, theme: Theme, labels: { approximation: string; reference: string | null }): { root: HTMLElement; charts: Chart[] } {
  const [a0, b0] = pairs.defaultPair ?? [pairs.names[0], pairs.names[1]];
  const selA = select(pairs.names, a0, 'x axis');
  const selB = select(pairs.names, b0, 'y axis');
  const canvas = el('canvas', { 'aria-label': 'pairs plot' });
  const cloud = (draws: Record<string, number[]> | null, a: string, b: string) => {
    const xs = draws?.[a];
    const ys = draws?.[b];
    if (!xs || !ys) return [];
    const out: { x: number; y: number }[] = [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) out.push({ x: xs[i], y: ys[i] });
    return out;
  };
  const chart = new Chart(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    // Parsed (not parsing: false): Chart.js assumes unparsed data is sorted by x.
    options: { scales: { x: { type: 'linear', title: { display: true } }, y: { type: 'linear', title: { display: true } } } },
  });
  const draw = () => {
    const a = selA.value;
    const b = selB.value;
    const datasets = [];
    if (pairs.reference) datasets.push({ label: labels.reference ?? 'reference', data: cloud(pairs.reference, a, b), pointRadius: 1.5, backgroundColor: withAlpha(theme.reference, 0.45), borderWidth: 0 });
    datasets.push({ label: labels.approximation, data: cloud(pairs.approximation, a, b), pointRadius: 1.5, backgroundColor: withAlpha(theme.approximation, 0.45), borderWidth: 0 });
    chart.data.datasets = datasets;
    const scales = chart.options.scales as Record<string, { title: { text: string } }>;
    scales.x.title.text = a;
    scales.y.title.text = b;
    chart.update('none');
  };
  selA.addEventListener('change', draw);
  selB.addEventListener('change', draw);
  draw();
  const controls = el('div', { class: 'controls' }, 'x ', selA, '  y ', selB, el('span', { class: 'muted' }, `  default: ${pairs.reason}`));
  return { root: el('div', { class: 'pairs' }, controls, el('div', { class: 'chart-box square' }, canvas)), charts: [chart] };
}

function select(names: string[], value: string, label: string): HTMLSelectElement {
  const s = el('select', { 'aria-label': label });
  for (const n of names) s.append(el('option', { value: n }, n));
  s.value = value;
  return s;
}
