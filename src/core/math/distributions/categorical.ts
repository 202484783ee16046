import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkBounded } from '../check';
import { checkSimplex } from './simplexCheck';

/**
 * categorical_lpmf(y | theta), y one outcome in 1..K or an array of outcomes (summed).
 * Flag bit 1 = theta constant. d/dtheta_k ADDED into gTheta: (count of k)/theta_k.
 */
export function categoricalLpmf(gTheta: Float64Array | null, flags: number, y: number | ArrayLike<number>, theta: ArrayLike<number>): number {
  const fn = 'categorical_lpmf';
  const K = theta.length;
  if (!checkSimplex(fn, 'Probabilities parameter', theta)) return NaN;
  const n = typeof y === 'number' ? 1 : y.length;
  for (let i = 0; i < n; i++) {
    const yi = typeof y === 'number' ? y : y[i];
    if (!(Number.isInteger(yi) && checkBounded(fn, 'Number of categories', yi, 1, K, `in the interval [1, ${K}]`))) return NaN;
  }
  if (!include(flags, 2)) return 0;
  let lp = 0;
  for (let i = 0; i < n; i++) {
    const k = (typeof y === 'number' ? y : y[i]) - 1;
    lp += Math.log(theta[k]);
    if (gTheta !== null) gTheta[k] += 1 / theta[k];
  }
  return lp;
}

/** categorical_rng(theta): an outcome in 1..K by inversion. */
export function categoricalRng(r: Rng, theta: ArrayLike<number>): number {
  if (!checkSimplex('categorical_rng', 'Probabilities parameter', theta)) return NaN;
  const u = r.uniform();
  let c = 0;
  for (let k = 0; k < theta.length; k++) {
    c += theta[k];
    if (u < c) return k + 1;
  }
  return theta.length;
}
