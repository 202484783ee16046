import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkFinite } from '../check';
import { LOG_SQRT_2PI } from '../special/constants';
import { solveLower, solveLowerTransposed } from '../triangularSolve';
import { work } from './denseScratch';

/** Partials of the multivariate normal kernels, ADDED into caller-owned arrays (null when not wanted). */
export interface MvnGrads {
  y: Float64Array | null; // K
  mu: Float64Array | null; // K
  /** K*K column-major: the Cholesky factor L (multi_normal_cholesky) or Sigma (multi_normal, symmetric). */
  S: Float64Array | null;
}

/**
 * multi_normal_cholesky_lpdf(y | mu, L) for one K-vector y; flags bits 0 y, 1 mu, 2 L.
 * With r = y - mu, z = L^{-1} r, w = L^{-T} z: lp = -K/2 log 2pi - sum log L_ii - z'z/2,
 * d/dy = -w, d/dmu = w, d/dL_ij = w_i z_j - [i = j]/L_ii (lower triangle).
 */
export function multiNormalCholeskyLpdf(g: MvnGrads | null, flags: number, y: ArrayLike<number>, mu: ArrayLike<number> | number, L: ArrayLike<number>, K: number): number {
  const fn = 'multi_normal_cholesky_lpdf';
  if (y.length !== K || (typeof mu !== 'number' && mu.length !== K) || L.length !== K * K) return setMathError(fn, 'Size of random variable', y.length, `must match the location (${typeof mu === 'number' ? 1 : mu.length}) and the ${K}x${K} Cholesky factor`, MATH_ERR_SIZE);
  for (let i = 0; i < K; i++) {
    if (!checkFinite(fn, 'Random variable', y[i])) return NaN;
    if (!checkFinite(fn, 'Location parameter', typeof mu === 'number' ? mu : mu[i])) return NaN;
  }
  if (!include(flags, 7)) return 0;
  const z = work(0, K);
  for (let i = 0; i < K; i++) z[i] = y[i] - (typeof mu === 'number' ? mu : mu[i]);
  solveLower(z, L, z, K, 'colMajor');
  let lp = 0;
  if (include(flags, 0)) lp -= K * LOG_SQRT_2PI;
  if (include(flags, 4)) for (let i = 0; i < K; i++) lp -= Math.log(L[i * K + i]);
  let q = 0;
  for (let i = 0; i < K; i++) q += z[i] * z[i];
  lp -= 0.5 * q;
  if (g !== null) {
    const w = work(1, K);
    solveLowerTransposed(w, L, z, K, 'colMajor');
    if (g.y !== null) for (let i = 0; i < K; i++) g.y[i] -= w[i];
    if (g.mu !== null) for (let i = 0; i < K; i++) g.mu[i] += w[i];
    if (g.S !== null)
      for (let j = 0; j < K; j++) {
        g.S[j * K + j] -= 1 / L[j * K + j];
        for (let i = j; i < K; i++) g.S[j * K + i] += w[i] * z[j];
      }
  }
  return lp;
}
