// Marginal densities per name: the approximation's curve over the reference's (both computed host-side).
import type { DensityCurve } from '../src/report/panelState';
import { Chart } from './chartSetup';
import { el } from './dom';
import { withAlpha, type Theme } from './theme';

const shownAtOnce = 12;

export function densityCharts(curves: DensityCurve[], theme: Theme, labels: { approximation: string; reference: string | null }): { root: HTMLElement; charts: Chart[] } {
  const grid = el('div', { class: 'density-grid' });
  const filter = el('input', { type: 'search', placeholder: 'Filter by name', class: 'filter', 'aria-label': 'Filter densities by name' });
  const more = el('p', { class: 'muted' });
  const charts: Chart[] = [];
  const draw = () => {
    for (const c of charts.splice(0)) c.destroy();
    grid.replaceChildren();
    const q = filter.value.trim().toLowerCase();
    const matching = curves.filter((c) => c.name.toLowerCase().includes(q));
    for (const curve of matching.slice(0, shownAtOnce)) {
      const canvas = el('canvas', { 'aria-label': `density of ${curve.name}` });
      const box = el('div', { class: `density ${curve.severity ?? ''}`, 'data-name': curve.name, 'data-has-reference': String(curve.reference !== null) },
        el('div', { class: 'density-title' }, curve.name), el('div', { class: 'chart-box' }, canvas));
      grid.append(box);
      const datasets = [];
      if (curve.reference) {
        datasets.push({
          label: curve.referenceKind === 'exact' ? `${labels.reference ?? 'reference'} (exact)` : labels.reference ?? 'reference',
          data: curve.x.map((x, i) => ({ x, y: curve.reference![i] })),
          borderColor: theme.reference, backgroundColor: withAlpha(theme.reference, 0.15), fill: true, borderWidth: 1.5, pointRadius: 0,
        });
      }
      if (curve.approximation) {
        datasets.push({
          label: labels.approximation,
          data: curve.x.map((x, i) => ({ x, y: curve.approximation![i] })),
          borderColor: theme.approximation, backgroundColor: withAlpha(theme.approximation, 0.15), fill: true, borderWidth: 1.5, pointRadius: 0,
        });
      }
      charts.push(new Chart(canvas, {
        type: 'line',
        data: { datasets },
        options: {
          parsing: false,
          scales: { x: { type: 'linear', ticks: { maxTicksLimit: 5 } }, y: { display: false, beginAtZero: true } },
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
        },
      }));
    }
    more.textContent = matching.length > shownAtOnce ? `Showing ${shownAtOnce} of ${matching.length}; filter by name to see others.` : '';
  };
  filter.addEventListener('input', draw);
  const legend = el('p', { class: 'legend' },
    el('span', { class: 'swatch', style: `background:${theme.approximation}` }), ` ${labels.approximation}  `,
    labels.reference ? el('span', { class: 'swatch', style: `background:${theme.reference}` }) : null, labels.reference ? ` ${labels.reference}` : '');
  draw();
  return { root: el('div', {}, legend, filter, grid, more), charts };
}
