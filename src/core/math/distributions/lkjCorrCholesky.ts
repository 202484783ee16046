import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkPositive } from '../check';
import { lkjLogConstant, lkjLogConstantDeriv } from './lkjConstant';

/**
 * lkj_corr_cholesky_lpdf(L | eta) = log c_K(eta)^{-1} + sum_{k=2}^K (K - k + 2 eta - 2) log L_kk
 * (L column-major K x K). Flag bits 0 L, 1 eta. Partials ADDED into gL (diagonal only) and gEta[0].
 */
export function lkjCorrCholeskyLpdf(gL: Float64Array | null, gEta: Float64Array | null, flags: number, L: ArrayLike<number>, K: number, eta: number): number {
  const fn = 'lkj_corr_cholesky_lpdf';
  if (!checkPositive(fn, 'Shape parameter', eta)) return NaN;
  if (L.length !== K * K) return setMathError(fn, 'Random variable', L.length, `must be a ${K}x${K} Cholesky factor`, MATH_ERR_SIZE);
  for (let k = 0; k < K; k++) if (!(L[k * K + k] > 0)) return setMathError(fn, 'Random variable', L[k * K + k], 'a Cholesky factor of a correlation matrix (positive diagonal)');
  if (!include(flags, 3)) return 0;
  let lp = 0;
  if (include(flags, 2)) lp += lkjLogConstant(eta, K);
  let sumLog = 0;
  for (let k = 1; k < K; k++) {
    const l = Math.log(L[k * K + k]);
    const coef = K - (k + 1) + 2 * eta - 2;
    lp += coef * l;
    sumLog += l;
    if (gL !== null) gL[k * K + k] += coef / L[k * K + k];
  }
  if (gEta !== null) gEta[0] += 2 * sumLog + lkjLogConstantDeriv(eta, K);
  return lp;
}

/**
 * lkj_corr_cholesky_rng(K, eta) into out (K x K column-major) by the onion/C-vine construction:
 * partial correlations z ~ 2 Beta(b, b) - 1 with b = eta + (K - 2 - i)/2 for the i-th column's entries.
 */
export function lkjCorrCholeskyRng(out: Float64Array, r: Rng, K: number, eta: number): boolean {
  if (!checkPositive('lkj_corr_cholesky_rng', 'Shape parameter', eta)) return false;
  out.fill(0, 0, K * K);
  out[0] = 1;
  for (let i = 1; i < K; i++) {
    let left = 1; // 1 - sum of squares so far in row i
    for (let j = 0; j < i; j++) {
      const b = eta + (K - 2 - j) / 2;
      const z = 2 * r.beta(b, b) - 1;
      const v = z * Math.sqrt(left);
      out[j * K + i] = v;
      left -= v * v;
    }
    out[i * K + i] = Math.sqrt(Math.max(left, 0));
  }
  return true;
}
