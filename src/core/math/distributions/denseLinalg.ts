/**
 * Small dense linear algebra on column-major K x K Float64Arrays (element (i, j) at j*K + i),
 * for the multivariate densities. Nothing allocates. The factorisation is choleskyInto
 * (../cholesky.ts) and the solves and inverse are in ../triangularSolve.ts, all with order 'colMajor'.
 */

/** log det(L L^T) = 2 sum log L_ii. */
export function logDetFromCholesky(L: ArrayLike<number>, K: number): number {
  let s = 0;
  for (let i = 0; i < K; i++) s += Math.log(L[i * K + i]);
  return 2 * s;
}

/** Whether S is symmetric to Stan's tolerance (1e-8 relative). */
export function isSymmetric(S: ArrayLike<number>, K: number): boolean {
  for (let j = 0; j < K; j++)
    for (let i = j + 1; i < K; i++) {
      const a = S[j * K + i], b = S[i * K + j];
      if (!(Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(a), Math.abs(b)))) return false;
    }
  return true;
}
