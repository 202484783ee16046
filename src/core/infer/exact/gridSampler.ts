// Inverse-CDF sampling from a density tabulated on a grid over t ∈ (−1, 1) (see axisMap.ts): the CDF
// is the cumulative trapezoid sum, and a uniform draw is inverted by linear interpolation.
import type { Rng } from '../rng';

export interface GridTable {
  t: Float64Array;
  cdf: Float64Array; // unnormalised, cdf[0] = 0
  total: number;
}

// Grid of n interior points plus the two end points, where the mapped density vanishes.
export function tGrid(n: number): Float64Array {
  const t = new Float64Array(n + 2);
  for (let i = 0; i < n + 2; i++) t[i] = -1 + (2 * i) / (n + 1);
  return t;
}

export function gridTable(t: Float64Array, density: (t: number) => number): GridTable {
  const f = Array.from(t, (x, i) => (i === 0 || i === t.length - 1 ? 0 : Math.max(0, density(x) || 0)));
  const cdf = new Float64Array(t.length);
  for (let i = 1; i < t.length; i++) cdf[i] = cdf[i - 1] + 0.5 * (f[i] + f[i - 1]) * (t[i] - t[i - 1]);
  return { t, cdf, total: cdf[t.length - 1] };
}

// Returns t, and the index of the cell it fell in (t[i] <= t < t[i+1]) with the fraction along it.
export function sampleGrid(g: GridTable, rng: Rng): { t: number; cell: number; frac: number } {
  const u = rng.uniform() * g.total;
  let lo = 0;
  let hi = g.cdf.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (g.cdf[mid] <= u) lo = mid;
    else hi = mid;
  }
  const span = g.cdf[hi] - g.cdf[lo];
  const frac = span > 0 ? (u - g.cdf[lo]) / span : 0.5;
  return { t: g.t[lo] + frac * (g.t[hi] - g.t[lo]), cell: lo, frac };
}
