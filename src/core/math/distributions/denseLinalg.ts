/**
 * Small dense linear algebra on column-major K x K Float64Arrays (element (i, j) at j*K + i),
 * for the multivariate densities. Nothing allocates. The factorisation itself is choleskyInto
 * (../cholesky.ts) with order 'colMajor'.
 */

/** Solves L z = r (L lower triangular) into z; z may alias r. */
export function forwardSolve(z: Float64Array, L: ArrayLike<number>, r: ArrayLike<number>, K: number): void {
  for (let i = 0; i < K; i++) {
    let s = r[i];
    for (let j = 0; j < i; j++) s -= L[j * K + i] * z[j];
    z[i] = s / L[i * K + i];
  }
}

/** Solves L^T w = z (L lower triangular) into w; w may alias z. */
export function backSolveT(w: Float64Array, L: ArrayLike<number>, z: ArrayLike<number>, K: number): void {
  for (let i = K - 1; i >= 0; i--) {
    let s = z[i];
    for (let j = i + 1; j < K; j++) s -= L[i * K + j] * w[j];
    w[i] = s / L[i * K + i];
  }
}

/** inv = (L L^T)^{-1} from the Cholesky factor, full symmetric, using col as a K-vector scratch. */
export function inverseFromCholesky(inv: Float64Array, L: ArrayLike<number>, K: number, col: Float64Array): void {
  for (let j = 0; j < K; j++) {
    for (let i = 0; i < K; i++) col[i] = i === j ? 1 : 0;
    forwardSolve(col, L, col, K);
    backSolveT(col, L, col, K);
    for (let i = 0; i < K; i++) inv[j * K + i] = col[i];
  }
}

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
