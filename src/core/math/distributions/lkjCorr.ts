import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkPositive } from '../check';
import { choleskyInto } from '../cholesky';
import { inverseFromCholesky } from '../triangularSolve';
import { logDetFromCholesky, isSymmetric } from './denseLinalg';
import { work } from './denseScratch';
import { lkjLogConstant, lkjLogConstantDeriv } from './lkjConstant';

/**
 * lkj_corr_lpdf(Omega | eta) = log c_K(eta)^{-1} + (eta - 1) log det Omega. Flag bits 0 Omega,
 * 1 eta. Partials ADDED: gOmega = (eta - 1) Omega^{-1} (symmetric, both triangles), gEta[0].
 */
export function lkjCorrLpdf(gOmega: Float64Array | null, gEta: Float64Array | null, flags: number, Omega: ArrayLike<number>, K: number, eta: number): number {
  const fn = 'lkj_corr_lpdf';
  if (!checkPositive(fn, 'Shape parameter', eta)) return NaN;
  if (Omega.length !== K * K) return setMathError(fn, 'Correlation matrix', Omega.length, `must be ${K}x${K}`, MATH_ERR_SIZE);
  for (let k = 0; k < K; k++) if (!(Math.abs(Omega[k * K + k] - 1) <= 1e-8)) return setMathError(fn, 'Correlation matrix', Omega[k * K + k], 'a correlation matrix (unit diagonal)');
  if (!isSymmetric(Omega, K)) return setMathError(fn, 'Correlation matrix', NaN, 'symmetric');
  const L = work(5, K * K);
  if (!choleskyInto(L, Omega, K, 'colMajor')) return setMathError(fn, 'Correlation matrix', NaN, 'positive definite');
  if (!include(flags, 3)) return 0;
  const ld = logDetFromCholesky(L, K);
  let lp = (eta - 1) * ld;
  if (include(flags, 2)) lp += lkjLogConstant(eta, K);
  if (gOmega !== null && eta !== 1) {
    const inv = work(6, K * K);
    inverseFromCholesky(inv, L, K, work(7, K), 'colMajor');
    for (let i = 0; i < K * K; i++) gOmega[i] += (eta - 1) * inv[i];
  }
  if (gEta !== null) gEta[0] += ld + lkjLogConstantDeriv(eta, K);
  return lp;
}
