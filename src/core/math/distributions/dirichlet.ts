import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkPositiveFinite } from '../check';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { checkSimplex } from './simplexCheck';

/**
 * dirichlet_lpdf(theta | alpha); flags bits 0 theta, 1 alpha. Partials ADDED into gTheta, gAlpha
 * (null when not wanted): d/dtheta_k = (alpha_k - 1)/theta_k, d/dalpha_k = psi(sum alpha) - psi(alpha_k) + log theta_k.
 */
export function dirichletLpdf(gTheta: Float64Array | null, gAlpha: Float64Array | null, flags: number, theta: ArrayLike<number>, alpha: ArrayLike<number>): number {
  const fn = 'dirichlet_lpdf';
  const K = theta.length;
  if (alpha.length !== K) return setMathError(fn, 'prior sample sizes', alpha.length, `must have ${K} elements (the size of the probabilities)`, MATH_ERR_SIZE);
  for (let k = 0; k < K; k++) if (!checkPositiveFinite(fn, 'prior sample sizes', alpha[k])) return NaN;
  if (!checkSimplex(fn, 'probabilities', theta)) return NaN;
  if (!include(flags, 3)) return 0;
  let lp = 0;
  let sa = 0;
  for (let k = 0; k < K; k++) sa += alpha[k];
  if (include(flags, 2)) {
    lp += lgamma(sa);
    for (let k = 0; k < K; k++) lp -= lgamma(alpha[k]);
  }
  for (let k = 0; k < K; k++) lp += (alpha[k] - 1) * Math.log(theta[k]);
  if (gTheta !== null) for (let k = 0; k < K; k++) gTheta[k] += (alpha[k] - 1) / theta[k];
  if (gAlpha !== null) {
    const ds = digamma(sa);
    for (let k = 0; k < K; k++) gAlpha[k] += ds - digamma(alpha[k]) + Math.log(theta[k]);
  }
  return lp;
}

/** dirichlet_rng(alpha) into out (length K); returns false (error slot set) on invalid alpha. */
export function dirichletRng(out: Float64Array, r: Rng, alpha: ArrayLike<number>): boolean {
  let s = 0;
  for (let k = 0; k < alpha.length; k++) {
    if (!checkPositiveFinite('dirichlet_rng', 'prior sample sizes', alpha[k])) return false;
    out[k] = r.gamma(alpha[k]);
    s += out[k];
  }
  for (let k = 0; k < alpha.length; k++) out[k] /= s;
  return true;
}
