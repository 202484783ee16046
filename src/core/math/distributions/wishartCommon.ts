import { LOG_PI } from '../special/constants';
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
