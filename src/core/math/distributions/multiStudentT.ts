import { include, varies } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkFinite, checkPositive } from '../check';
import { LOG_PI } from '../special/constants';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { choleskyInto } from '../cholesky';
import { solveLower, solveLowerTransposed, inverseFromCholesky } from '../triangularSolve';
import { logDetFromCholesky, isSymmetric } from './denseLinalg';
import { work } from './denseScratch';
import type { MvnGrads } from './multiNormalCholesky';

/**
 * multi_student_t_lpdf(y | nu, mu, Sigma) for one K-vector; flag bits 0 y, 1 nu, 2 mu, 3 Sigma.
 * Partials ADDED into g (S = Sigma, symmetric) and gNu[0].
 */
export function multiStudentTLpdf(g: MvnGrads | null, gNu: Float64Array | null, flags: number, y: ArrayLike<number>, nu: number, mu: ArrayLike<number> | number, Sigma: ArrayLike<number>, K: number): number {
  const fn = 'multi_student_t_lpdf';
  if (!checkPositive(fn, 'Degrees of freedom parameter', nu)) return NaN;
  if (y.length !== K || (typeof mu !== 'number' && mu.length !== K) || Sigma.length !== K * K) return setMathError(fn, 'Size of random variable', y.length, `must match the location and the ${K}x${K} scale matrix`, MATH_ERR_SIZE);
  for (let i = 0; i < K; i++) {
    if (!checkFinite(fn, 'Random variable', y[i])) return NaN;
    if (!checkFinite(fn, 'Location parameter', typeof mu === 'number' ? mu : mu[i])) return NaN;
  }
  if (!isSymmetric(Sigma, K)) return setMathError(fn, 'Scale parameter', NaN, 'symmetric');
  const L = work(2, K * K);
  if (!choleskyInto(L, Sigma, K, 'colMajor')) return setMathError(fn, 'Scale parameter', NaN, 'positive definite');
  if (!include(flags, 15)) return 0;
  const z = work(0, K);
  for (let i = 0; i < K; i++) z[i] = y[i] - (typeof mu === 'number' ? mu : mu[i]);
  solveLower(z, L, z, K, 'colMajor');
  let q = 0;
  for (let i = 0; i < K; i++) q += z[i] * z[i];
  const h = 0.5 * (nu + K);
  const l1 = Math.log1p(q / nu);
  let lp = -h * l1;
  if (include(flags, 0)) lp -= 0.5 * K * LOG_PI;
  if (include(flags, 2)) lp += lgamma(h) - lgamma(0.5 * nu) - 0.5 * K * Math.log(nu);
  if (include(flags, 8)) lp -= 0.5 * logDetFromCholesky(L, K);
  if (gNu !== null && varies(flags, 1)) gNu[0] += 0.5 * (digamma(h) - digamma(0.5 * nu)) - (0.5 * K) / nu - 0.5 * l1 + (h * q) / (nu * (nu + q));
  if (g !== null) {
    const w = work(1, K); // Sigma^{-1} r
    solveLowerTransposed(w, L, z, K, 'colMajor');
    const dq = -h / (nu + q); // d lp / d q; dq/dy = 2w
    if (g.y !== null) for (let i = 0; i < K; i++) g.y[i] += 2 * dq * w[i];
    if (g.mu !== null) for (let i = 0; i < K; i++) g.mu[i] -= 2 * dq * w[i];
    if (g.S !== null) {
      const inv = work(3, K * K);
      inverseFromCholesky(inv, L, K, work(4, K), 'colMajor');
      for (let j = 0; j < K; j++) for (let i = 0; i < K; i++) g.S[j * K + i] += -0.5 * inv[j * K + i] - dq * w[i] * w[j];
    }
  }
  return lp;
}
