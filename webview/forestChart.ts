// Forest chart: one row per name, sd ratio (log scale) and standardized mean error, thresholds marked.
import type { ForestRow, PanelState } from '../src/report/panelState';
import { Chart } from './chartSetup';
import { el } from './dom';
import type { Theme } from './theme';

const maxRows = 40;
const niceRatios = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 0.8, 1, 1.25, 2, 4, 5, 10, 20, 50, 100];

export function forestCharts(rows: ForestRow[], thresholds: PanelState['thresholds'], theme: Theme): { root: HTMLElement; charts: Chart[] } {
  // The worst rows when there are many: sorted by distance from agreement, computed values only.
  const shown = rows.length > maxRows
    ? [...rows].sort((a, b) => badness(b, thresholds) - badness(a, thresholds)).slice(0, maxRows)
    : rows;
  const names = shown.map((r) => r.name);
  const height = Math.max(120, 22 * shown.length + 60);
  const colorOf = (r: ForestRow) => (r.severity === 'error' ? theme.error : r.severity === 'warning' ? theme.warning : theme.reference);
  const make = (title: string, value: (r: ForestRow) => number | null, lines: number[], log: boolean) => {
    const canvas = el('canvas', { 'aria-label': title });
    const box = el('div', { class: 'chart-box', style: `height:${height}px` }, canvas);
    const points = shown.map((r, i) => ({ x: value(r), y: i })).filter((p): p is { x: number; y: number } => p.x !== null && (!log || p.x > 0));
    const threshold = lines.map((x) => ({
      type: 'line' as const, label: `threshold ${x}`, data: [{ x, y: -0.5 }, { x, y: shown.length - 0.5 }],
      borderColor: theme.muted, borderDash: [4, 4], borderWidth: 1, pointRadius: 0,
    }));
    const chart = new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: title, data: points, pointRadius: 4, pointBackgroundColor: shown.filter((r) => { const v = value(r); return v !== null && (!log || v > 0); }).map(colorOf), borderColor: theme.foreground },
          ...threshold,
        ] as never,
      },
      options: {
        // Parsed (not parsing: false): Chart.js assumes unparsed data is sorted by x.
        scales: {
          x: {
            type: log ? 'logarithmic' : 'linear', title: { display: true, text: title },
            // A log axis gets a few round ratios instead of Chart.js's crowded minor ticks.
            ...(log ? { afterBuildTicks: (axis: { min: number; max: number; ticks: { value: number }[] }) => {
              axis.ticks = niceRatios.filter((v) => v >= axis.min && v <= axis.max).map((value) => ({ value }));
            }, ticks: { callback: (v: number | string) => String(v) } } : {}),
          },
          y: { type: 'linear', reverse: true, min: -0.5, max: shown.length - 0.5, ticks: { autoSkip: false, callback: (v) => names[Number(v)] ?? '' },
            afterBuildTicks: (axis) => { axis.ticks = names.map((_, i) => ({ value: i })); } },
        },
        plugins: { legend: { display: false } },
      },
    });
    return { box, chart };
  };
  const sd = make('sd ratio (approximation / reference)', (r) => r.sdRatio, [thresholds.sdRatioLow, 1, thresholds.sdRatioHigh], true);
  const me = make('standardized mean error', (r) => r.standardizedMeanError, [-thresholds.meanError, 0, thresholds.meanError], false);
  const note = rows.length > maxRows ? el('p', { class: 'muted' }, `The ${maxRows} names furthest from agreement of ${rows.length}.`) : null;
  return { root: el('div', {}, el('div', { class: 'forest' }, sd.box, me.box), note), charts: [sd.chart, me.chart] };
}

function badness(r: ForestRow, t: PanelState['thresholds']): number {
  const sd = r.sdRatio !== null && r.sdRatio > 0 ? Math.abs(Math.log(r.sdRatio)) / Math.log(1 / t.sdRatioLow) : 0;
  const me = r.standardizedMeanError !== null ? Math.abs(r.standardizedMeanError) / t.meanError : 0;
  return Math.max(sd, me);
}
