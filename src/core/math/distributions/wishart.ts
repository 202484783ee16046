import { include, varies } from '../flags';
import { LOG_TWO } from '../special/constants';
import { inverseFromCholesky } from '../triangularSolve';
import { logDetFromCholesky } from './denseLinalg';
import { work } from './denseScratch';
import { checkAndFactorWishart, lmgamma, lmgammaDeriv, traceProduct } from './wishartCommon';

/** Partials of wishart / inv_wishart, ADDED (symmetric matrices get both triangles). */
export interface WishartGrads {
  W: Float64Array | null;
  nu: Float64Array | null;
  S: Float64Array | null;
}

/**
 * wishart_lpdf(W | nu, S) = (nu-K-1)/2 log|W| - tr(S^{-1} W)/2 - nu K/2 log 2 - nu/2 log|S| - lmgamma_K(nu/2).
 * Flag bits 0 W, 1 nu, 2 S.
 */
export function wishartLpdf(g: WishartGrads | null, flags: number, W: ArrayLike<number>, nu: number, S: ArrayLike<number>, K: number): number {
  const fn = 'wishart_lpdf';
  if (checkAndFactorWishart(fn, W, nu, S, K) !== 0) return NaN;
  const LW = work(8, K * K);
  const LS = work(9, K * K);
  if (!include(flags, 7)) return 0;
  const Sinv = work(10, K * K);
  inverseFromCholesky(Sinv, LS, K, work(12, K), 'colMajor');
  const ldW = logDetFromCholesky(LW, K);
  const ldS = logDetFromCholesky(LS, K);
  let lp = 0;
  if (include(flags, 2)) lp -= 0.5 * nu * K * LOG_TWO + lmgamma(K, 0.5 * nu);
  if (include(flags, 6)) lp -= 0.5 * nu * ldS;
  if (include(flags, 5)) lp -= 0.5 * traceProduct(Sinv, W, K);
  if (include(flags, 3)) lp += 0.5 * (nu - K - 1) * ldW;
  if (g !== null) {
    if (g.nu !== null && varies(flags, 1)) g.nu[0] += 0.5 * ldW - 0.5 * K * LOG_TWO - 0.5 * ldS - 0.5 * lmgammaDeriv(K, 0.5 * nu);
    if (g.W !== null) {
      const Winv = work(11, K * K);
      inverseFromCholesky(Winv, LW, K, work(12, K), 'colMajor');
      for (let i = 0; i < K * K; i++) g.W[i] += 0.5 * (nu - K - 1) * Winv[i] - 0.5 * Sinv[i];
    }
    if (g.S !== null) {
      // d/dS = -nu/2 S^{-1} + S^{-1} W S^{-1} / 2
      for (let j = 0; j < K; j++)
        for (let i = 0; i < K; i++) {
          let s = 0;
          for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) s += Sinv[a * K + i] * W[b * K + a] * Sinv[j * K + b];
          g.S[j * K + i] += -0.5 * nu * Sinv[j * K + i] + 0.5 * s;
        }
    }
  }
  return lp;
}
