import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { LOG_PI } from '../special/constants';
import { choleskyInto } from '../cholesky';
import { isSymmetric } from './denseLinalg';
import { work } from './denseScratch';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';

/** log of the multivariate gamma function Gamma_K(x) = pi^{K(K-1)/4} prod_j Gamma(x + (1-j)/2). */
export function lmgamma(K: number, x: number): number {
  let s = (K * (K - 1) * LOG_PI) / 4;
  for (let j = 1; j <= K; j++) s += lgamma(x + (1 - j) / 2);
  return s;
}

/** d/dx lmgamma(K, x). */
export function lmgammaDeriv(K: number, x: number): number {
  let s = 0;
  for (let j = 1; j <= K; j++) s += digamma(x + (1 - j) / 2);
  return s;
}

/** tr(A B) for column-major K x K matrices. */
export function traceProduct(A: ArrayLike<number>, B: ArrayLike<number>, K: number): number {
  let s = 0;
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) s += A[j * K + i] * B[i * K + j];
  return s;
}

/**
 * The argument checks wishart and inv_wishart share; on success the Cholesky factors of W and S are in
 * scratch slots 8 and 9 (`work(8, K*K)`, `work(9, K*K)`) and the result is 0, otherwise NaN with the error
 * slot filled.
 */
export function checkAndFactorWishart(fn: string, W: ArrayLike<number>, nu: number, S: ArrayLike<number>, K: number): number {
  if (!(nu > K - 1)) return setMathError(fn, 'Degrees of freedom parameter', nu, `greater than ${K - 1}`);
  if (W.length !== K * K || S.length !== K * K) return setMathError(fn, 'Random variable', W.length, `and the scale must be ${K}x${K}`, MATH_ERR_SIZE);
  if (!isSymmetric(W, K)) return setMathError(fn, 'random variable', NaN, 'symmetric');
  if (!isSymmetric(S, K)) return setMathError(fn, 'scale parameter', NaN, 'symmetric');
  if (!choleskyInto(work(8, K * K), W, K, 'colMajor')) return setMathError(fn, 'random variable', NaN, 'positive definite');
  if (!choleskyInto(work(9, K * K), S, K, 'colMajor')) return setMathError(fn, 'scale parameter', NaN, 'positive definite');
  return 0;
}
