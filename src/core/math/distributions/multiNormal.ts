import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkFinite } from '../check';
import { LOG_SQRT_2PI } from '../special/constants';
import { choleskyInto } from '../cholesky';
import { solveLower, solveLowerTransposed, inverseFromCholesky } from '../triangularSolve';
import { logDetFromCholesky, isSymmetric } from './denseLinalg';
import { work } from './denseScratch';
import type { MvnGrads } from './multiNormalCholesky';

/**
 * multi_normal_lpdf(y | mu, Sigma) for one K-vector y; flags bits 0 y, 1 mu, 2 Sigma.
 * d/dSigma = (Sigma^{-1} r r' Sigma^{-1} - Sigma^{-1}) / 2 written to both (i,j) and (j,i), as
 * Stan does for a symmetric argument.
 */
export function multiNormalLpdf(g: MvnGrads | null, flags: number, y: ArrayLike<number>, mu: ArrayLike<number> | number, Sigma: ArrayLike<number>, K: number): number {
  const fn = 'multi_normal_lpdf';
  if (y.length !== K || (typeof mu !== 'number' && mu.length !== K) || Sigma.length !== K * K) return setMathError(fn, 'Size of random variable', y.length, `must match the location and the ${K}x${K} covariance matrix`, MATH_ERR_SIZE);
  for (let i = 0; i < K; i++) {
    if (!checkFinite(fn, 'Random variable', y[i])) return NaN;
    if (!checkFinite(fn, 'Location parameter', typeof mu === 'number' ? mu : mu[i])) return NaN;
  }
  if (!isSymmetric(Sigma, K)) return setMathError(fn, 'Covariance matrix', NaN, 'symmetric');
  const L = work(2, K * K);
  if (!choleskyInto(L, Sigma, K, 'colMajor')) return setMathError(fn, 'Covariance matrix', NaN, 'positive definite');
  if (!include(flags, 7)) return 0;
  const z = work(0, K);
  for (let i = 0; i < K; i++) z[i] = y[i] - (typeof mu === 'number' ? mu : mu[i]);
  solveLower(z, L, z, K, 'colMajor');
  let lp = 0;
  if (include(flags, 0)) lp -= K * LOG_SQRT_2PI;
  if (include(flags, 4)) lp -= 0.5 * logDetFromCholesky(L, K);
  let q = 0;
  for (let i = 0; i < K; i++) q += z[i] * z[i];
  lp -= 0.5 * q;
  if (g !== null) {
    const w = work(1, K); // Sigma^{-1} r
    solveLowerTransposed(w, L, z, K, 'colMajor');
    if (g.y !== null) for (let i = 0; i < K; i++) g.y[i] -= w[i];
    if (g.mu !== null) for (let i = 0; i < K; i++) g.mu[i] += w[i];
    if (g.S !== null) {
      const inv = work(3, K * K);
      inverseFromCholesky(inv, L, K, work(4, K), 'colMajor');
      for (let j = 0; j < K; j++) for (let i = 0; i < K; i++) g.S[j * K + i] += 0.5 * (w[i] * w[j] - inv[j * K + i]);
    }
  }
  return lp;
}
