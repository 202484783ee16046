import { include, varies } from '../flags';
import { LOG_TWO } from '../special/constants';
import { inverseFromCholesky } from '../triangularSolve';
import { logDetFromCholesky } from './denseLinalg';
import { work } from './denseScratch';
import { checkAndFactorWishart, lmgamma, lmgammaDeriv, traceProduct } from './wishartCommon';
import type { WishartGrads } from './wishart';

/**
 * inv_wishart_lpdf(W | nu, S) = nu/2 log|S| - nu K/2 log 2 - lmgamma_K(nu/2) - (nu+K+1)/2 log|W| - tr(S W^{-1})/2.
 * Flag bits 0 W, 1 nu, 2 S.
 */
export function invWishartLpdf(g: WishartGrads | null, flags: number, W: ArrayLike<number>, nu: number, S: ArrayLike<number>, K: number): number {
  const fn = 'inv_wishart_lpdf';
  if (checkAndFactorWishart(fn, W, nu, S, K) !== 0) return NaN;
  const LW = work(8, K * K);
  const LS = work(9, K * K);
  if (!include(flags, 7)) return 0;
  const Winv = work(10, K * K);
  inverseFromCholesky(Winv, LW, K, work(12, K), 'colMajor');
  const ldW = logDetFromCholesky(LW, K);
  const ldS = logDetFromCholesky(LS, K);
  let lp = 0;
  if (include(flags, 2)) lp -= 0.5 * nu * K * LOG_TWO + lmgamma(K, 0.5 * nu);
  if (include(flags, 6)) lp += 0.5 * nu * ldS;
  if (include(flags, 3)) lp -= 0.5 * (nu + K + 1) * ldW;
  if (include(flags, 5)) lp -= 0.5 * traceProduct(S, Winv, K);
  if (g !== null) {
    if (g.nu !== null && varies(flags, 1)) g.nu[0] += 0.5 * ldS - 0.5 * K * LOG_TWO - 0.5 * lmgammaDeriv(K, 0.5 * nu) - 0.5 * ldW;
    if (g.S !== null) {
      const Sinv = work(11, K * K);
      inverseFromCholesky(Sinv, LS, K, work(12, K), 'colMajor');
      for (let i = 0; i < K * K; i++) g.S[i] += 0.5 * nu * Sinv[i] - 0.5 * Winv[i];
    }
    if (g.W !== null) {
      // d/dW = -(nu+K+1)/2 W^{-1} + W^{-1} S W^{-1} / 2
      for (let j = 0; j < K; j++)
        for (let i = 0; i < K; i++) {
          let s = 0;
          for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) s += Winv[a * K + i] * S[b * K + a] * Winv[j * K + b];
          g.W[j * K + i] += -0.5 * (nu + K + 1) * Winv[j * K + i] + 0.5 * s;
        }
    }
  }
  return lp;
}
