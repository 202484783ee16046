import { LOG_TWO } from '../special/constants';
import { lbeta } from '../special/combinatorics';
import { digamma } from '../special/digamma';

/**
 * log of the LKJ normalising constant for K x K correlation matrices (Lewandowski, Kurowicka &
 * Joe 2009): the density is det(Omega)^(eta-1) / c_K(eta) with
 * c_K = prod_{k=1}^{K-1} 2^{(2 eta - 2 + K - k)(K - k)} B(b_k, b_k)^{K-k}, b_k = eta + (K-k-1)/2.
 * Returns -log c_K; its eta-derivative is lkjLogConstantDeriv.
 */
export function lkjLogConstant(eta: number, K: number): number {
  let s = 0;
  for (let k = 1; k < K; k++) {
    const m = K - k;
    const b = eta + (m - 1) / 2;
    s += (2 * eta - 2 + m) * m * LOG_TWO + m * lbeta(b, b);
  }
  return -s;
}

export function lkjLogConstantDeriv(eta: number, K: number): number {
  let s = 0;
  for (let k = 1; k < K; k++) {
    const m = K - k;
    const b = eta + (m - 1) / 2;
    s += 2 * m * LOG_TWO + 2 * m * (digamma(b) - digamma(2 * b));
  }
  return -s;
}
