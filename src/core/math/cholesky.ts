/**
 * Cholesky factorisation A = L Lᵀ of a dense symmetric positive-definite n × n matrix, in plain
 * numbers (the one implementation; gradient code has its own over ScalarOps). Both storage orders
 * are served because the Stan-facing code keeps matrices column-major and the samplers row-major.
 */

/** 'rowMajor': element (i, j) at i*n + j; 'colMajor': at j*n + i (Stan's order). */
export type MatrixOrder = 'rowMajor' | 'colMajor';

/**
 * Writes the lower Cholesky factor of A into L (same order as A) and zeroes L's strict upper
 * triangle. Only A's lower triangle (i >= j) is read, each element once and before L's element at
 * the same place is written, so L may be A (in-place factorisation). Allocates nothing.
 * Returns false at the first pivot that is not > minPivot (NaN included); L is then partly
 * written. The pivot is the diagonal before its square root: A_jj - sum_{k<j} L_jk².
 */
export function choleskyInto(L: Float64Array, A: ArrayLike<number>, n: number, order: MatrixOrder = 'rowMajor', minPivot = 0): boolean {
  // (i, j) lives at i*r + j*c.
  const r = order === 'rowMajor' ? n : 1;
  const c = order === 'rowMajor' ? 1 : n;
  for (let j = 0; j < n; j++) {
    const jRow = j * r;
    let d = A[jRow + j * c];
    for (let k = 0; k < j; k++) d -= L[jRow + k * c] * L[jRow + k * c];
    if (!(d > minPivot)) return false;
    const ljj = Math.sqrt(d);
    L[jRow + j * c] = ljj;
    for (let i = j + 1; i < n; i++) {
      const iRow = i * r;
      let s = A[iRow + j * c];
      for (let k = 0; k < j; k++) s -= L[iRow + k * c] * L[jRow + k * c];
      L[iRow + j * c] = s / ljj;
    }
    for (let i = 0; i < j; i++) L[i * r + j * c] = 0;
  }
  return true;
}
