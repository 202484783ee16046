// Draws for quadrature posteriors: inverse-CDF sampling from the first coordinate's marginal tabulated
// on a grid, then (2-D) from the conditional of the second coordinate tabulated at the neighbouring grid
// point (chosen with the interpolation weights).
import type { Rng } from '../rng';
import { type AxisMap, jacT, mapT } from './axisMap';
import { type GridTable, gridTable, sampleGrid, tGrid } from './gridSampler';
import type { QuadratureTarget } from './quadratureTarget';

export interface QuadratureSampler {
  draw(n: number, rng: Rng): Record<string, Float64Array>;
}

export function quadratureSampler(
  target: QuadratureTarget,
  logp: (x: Float64Array) => number,
  lp0: number,
  axes: AxisMap[],
  conditional: (inner: number, outerValue: number) => AxisMap,
): QuadratureSampler {
  const d = axes.length;
  let outerTable: GridTable | null = null;
  let inner: { ax: AxisMap; table: GridTable }[] = [];
  const theta = new Float64Array(d);
  const build = () => {
    if (d === 1) {
      outerTable = gridTable(tGrid(4095), (t) => {
        theta[0] = mapT(axes[0], t);
        return Math.exp(logp(theta) - lp0) * jacT(axes[0], t);
      });
      return;
    }
    const to = tGrid(511);
    const ti = tGrid(255);
    inner = Array.from(to, (t, i) => {
      const x = i === 0 || i === to.length - 1 ? axes[0].c : mapT(axes[0], t);
      const ax = conditional(1, x);
      const table = gridTable(ti, (u) => {
        theta[0] = x;
        theta[1] = mapT(ax, u);
        return Math.exp(logp(theta) - lp0) * jacT(ax, u);
      });
      return { ax, table };
    });
    outerTable = gridTable(to, (t) => {
      const i = Math.round(((t + 1) * (to.length - 1)) / 2);
      return inner[i].table.total * jacT(axes[0], t);
    });
  };
  return {
    draw(n, rng) {
      if (!outerTable) build();
      const names = target.outputNames;
      const cols = names.map(() => new Float64Array(n));
      const out = new Float64Array(names.length);
      const x = new Float64Array(d);
      for (let s = 0; s < n; s++) {
        const o = sampleGrid(outerTable!, rng);
        x[0] = mapT(axes[0], o.t);
        if (d === 2) {
          const pick = inner[rng.uniform() < o.frac ? o.cell + 1 : o.cell];
          x[1] = mapT(pick.ax, sampleGrid(pick.table, rng).t);
        }
        target.constrain(x, out);
        for (let k = 0; k < names.length; k++) cols[k][s] = out[k];
      }
      return Object.fromEntries(names.map((nm, k) => [nm, cols[k]]));
    },
  };
}
