import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkNonnegativeInt } from '../check';
import { lgamma } from '../special/lgamma';
import { checkSimplex } from './simplexCheck';

/**
 * multinomial_lpmf(y | theta), y K counts; flag bit 1 = theta constant. The multinomial
 * coefficient is dropped under PROPTO. d/dtheta_k = y_k/theta_k ADDED into gTheta.
 */
export function multinomialLpmf(gTheta: Float64Array | null, flags: number, y: ArrayLike<number>, theta: ArrayLike<number>): number {
  const fn = 'multinomial_lpmf';
  const K = theta.length;
  if (y.length !== K) return setMathError(fn, 'Size of number of trials variable', y.length, `must match the probabilities (${K})`, MATH_ERR_SIZE);
  for (let k = 0; k < K; k++) if (!checkNonnegativeInt(fn, 'Number of trials variable', y[k])) return NaN;
  if (!checkSimplex(fn, 'Probabilities parameter', theta)) return NaN;
  if (!include(flags, 2)) return 0;
  let lp = 0;
  if (include(flags, 0)) {
    let n = 0;
    for (let k = 0; k < K; k++) {
      n += y[k];
      lp -= lgamma(y[k] + 1);
    }
    lp += lgamma(n + 1);
  }
  for (let k = 0; k < K; k++) {
    if (y[k] > 0) lp += y[k] * Math.log(theta[k]);
    if (gTheta !== null && y[k] > 0) gTheta[k] += y[k] / theta[k];
  }
  return lp;
}

/** multinomial_rng(theta, N) into out (K counts) by sequential conditional binomials. */
export function multinomialRng(out: Float64Array, r: Rng, theta: ArrayLike<number>, N: number): boolean {
  if (!checkSimplex('multinomial_rng', 'Probabilities parameter', theta) || !checkNonnegativeInt('multinomial_rng', 'number of trials variables', N)) return false;
  let left = N;
  let mass = 1;
  for (let k = 0; k < theta.length; k++) {
    const p = mass > 0 ? Math.min(1, theta[k] / mass) : 0;
    out[k] = k === theta.length - 1 ? left : r.binomial(left, p);
    left -= out[k];
    mass -= theta[k];
  }
  return true;
}
