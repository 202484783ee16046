import type { Rng } from '../../infer/rng';
import { setMathError } from '../mathError';
import { choleskyInto } from '../cholesky';
import { isSymmetric } from './denseLinalg';
import { work } from './denseScratch';

/** multi_normal_cholesky_rng(mu, L) into out (K): mu + L z with z standard normal. */
export function multiNormalCholeskyRng(out: Float64Array, r: Rng, mu: ArrayLike<number> | number, L: ArrayLike<number>, K: number): boolean {
  const z = work(13, K);
  for (let i = 0; i < K; i++) z[i] = r.normal();
  for (let i = 0; i < K; i++) {
    let s = typeof mu === 'number' ? mu : mu[i];
    for (let j = 0; j <= i; j++) s += L[j * K + i] * z[j];
    out[i] = s;
  }
  return true;
}

/** multi_normal_rng(mu, Sigma) into out (K). */
export function multiNormalRng(out: Float64Array, r: Rng, mu: ArrayLike<number> | number, Sigma: ArrayLike<number>, K: number): boolean {
  const L = work(14, K * K);
  if (!isSymmetric(Sigma, K) || !choleskyInto(L, Sigma, K, 'colMajor')) {
    setMathError('multi_normal_rng', 'Covariance matrix', NaN, 'symmetric positive definite');
    return false;
  }
  return multiNormalCholeskyRng(out, r, mu, L, K);
}

/** multi_student_t_rng(nu, mu, Sigma) into out (K): mu + L z / sqrt(chi2_nu / nu). */
export function multiStudentTRng(out: Float64Array, r: Rng, nu: number, mu: ArrayLike<number> | number, Sigma: ArrayLike<number>, K: number): boolean {
  if (!(nu > 0)) {
    setMathError('multi_student_t_rng', 'Degrees of freedom parameter', nu, 'positive');
    return false;
  }
  if (!multiNormalRng(out, r, 0, Sigma, K)) return false;
  const w = Math.sqrt((2 * r.gamma(0.5 * nu)) / nu);
  for (let i = 0; i < K; i++) out[i] = (typeof mu === 'number' ? mu : mu[i]) + out[i] / w;
  return true;
}

/** wishart_rng(nu, S) into out (K x K) by Bartlett's decomposition: W = L A A' L' with A lower triangular. */
export function wishartRng(out: Float64Array, r: Rng, nu: number, S: ArrayLike<number>, K: number): boolean {
  const L = work(14, K * K);
  if (!(nu > K - 1) || !isSymmetric(S, K) || !choleskyInto(L, S, K, 'colMajor')) {
    setMathError('wishart_rng', 'Scale parameter', nu, `symmetric positive definite with nu > ${K - 1}`);
    return false;
  }
  const A = work(15, K * K);
  for (let j = 0; j < K; j++)
    for (let i = 0; i < K; i++) A[j * K + i] = i === j ? Math.sqrt(2 * r.gamma(0.5 * (nu - i))) : i > j ? r.normal() : 0;
  const B = work(16, K * K); // B = L A (lower triangular)
  for (let j = 0; j < K; j++)
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let k = j; k <= i; k++) s += L[k * K + i] * A[j * K + k];
      B[j * K + i] = s;
    }
  for (let j = 0; j < K; j++)
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += B[k * K + i] * B[k * K + j];
      out[j * K + i] = s;
    }
  return true;
}
