// The ELBO trace with a ±2 MCSE band, appended to live while the fit streams progress.
import type { ElboPoint } from '../src/core/result/fitResult';
import { Chart } from './chartSetup';
import { el } from './dom';
import { withAlpha, type Theme } from './theme';

export class ElboChart {
  readonly chart: Chart<'line', { x: number; y: number }[]>;
  private readonly verdict: HTMLElement;
  readonly root: HTMLElement;
  private count = 0;

  constructor(theme: Theme) {
    const canvas = el('canvas', { 'aria-label': 'ELBO trace' });
    this.verdict = el('p', { class: 'verdict' });
    this.root = el('div', { class: 'elbo' }, el('div', { class: 'chart-box tall' }, canvas), this.verdict);
    const band = withAlpha(theme.approximation, 0.2);
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          { label: 'ELBO + 2 MCSE', data: [], borderWidth: 0, pointRadius: 0, backgroundColor: band, fill: false },
          { label: 'ELBO − 2 MCSE', data: [], borderWidth: 0, pointRadius: 0, backgroundColor: band, fill: '-1' },
          { label: 'ELBO', data: [], borderColor: theme.approximation, backgroundColor: theme.approximation, borderWidth: 1.5, pointRadius: 0 },
        ],
      },
      options: {
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'iteration' } },
          y: { type: 'linear', title: { display: true, text: 'ELBO' } },
        },
        plugins: { legend: { labels: { filter: (item) => item.text === 'ELBO' } } },
      },
    });
    this.root.dataset.points = '0';
  }

  reset(): void {
    for (const d of this.chart.data.datasets) d.data = [];
    this.count = 0;
    this.setVerdict('');
    this.chart.update('none');
    this.root.dataset.points = '0';
  }

  append(points: readonly ElboPoint[]): void {
    const [hi, lo, mid] = this.chart.data.datasets;
    for (const p of points) {
      if (!Number.isFinite(p.elbo)) continue;
      const m = Number.isFinite(p.mcse) ? 2 * p.mcse : 0;
      mid.data.push({ x: p.iteration, y: p.elbo });
      hi.data.push({ x: p.iteration, y: p.elbo + m });
      lo.data.push({ x: p.iteration, y: p.elbo - m });
      this.count++;
    }
    this.chart.update('none');
    this.root.dataset.points = String(this.count);
  }

  setVerdict(text: string, ok: boolean | null = null): void {
    this.verdict.textContent = text;
    this.verdict.className = `verdict ${ok === true ? 'ok' : ok === false ? 'bad' : ''}`;
  }

  get points(): number {
    return this.count;
  }
}
