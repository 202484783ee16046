/**
 * Forward and back substitution with a dense lower-triangular n × n factor L (typically from
 * choleskyInto), in plain numbers and either storage order. Only L's lower triangle is read, so a
 * factor whose upper triangle holds anything else serves. Nothing allocates.
 */
import type { MatrixOrder } from './cholesky';

/** Solves L x = b into x; x may be b. */
export function solveLower(x: Float64Array, L: ArrayLike<number>, b: ArrayLike<number>, n: number, order: MatrixOrder = 'rowMajor'): void {
  // (i, j) lives at i*r + j*c; row i of L is walked with step c.
  const r = order === 'rowMajor' ? n : 1;
  const c = order === 'rowMajor' ? 1 : n;
  for (let i = 0; i < n; i++) {
    let s = b[i];
    let p = i * r;
    for (let j = 0; j < i; j++, p += c) s -= L[p] * x[j];
    x[i] = s / L[p];
  }
}

/** Solves Lᵀ x = b into x; x may be b. Row i of Lᵀ is column i of L, walked with step r. */
export function solveLowerTransposed(x: Float64Array, L: ArrayLike<number>, b: ArrayLike<number>, n: number, order: MatrixOrder = 'rowMajor'): void {
  const r = order === 'rowMajor' ? n : 1;
  const c = order === 'rowMajor' ? 1 : n;
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    const diag = i * r + i * c;
    let p = diag + r;
    for (let j = i + 1; j < n; j++, p += r) s -= L[p] * x[j];
    x[i] = s / L[diag];
  }
}

/**
 * inv = (L Lᵀ)⁻¹, both triangles, in the same order as L: column j is L⁻ᵀ L⁻¹ e_j. col is an
 * n-vector scratch. The result is symmetric only to rounding; column j is the solve for e_j.
 */
export function inverseFromCholesky(inv: Float64Array, L: ArrayLike<number>, n: number, col: Float64Array, order: MatrixOrder = 'rowMajor'): void {
  const r = order === 'rowMajor' ? n : 1;
  const c = order === 'rowMajor' ? 1 : n;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) col[i] = i === j ? 1 : 0;
    solveLower(col, L, col, n, order);
    solveLowerTransposed(col, L, col, n, order);
    for (let i = 0; i < n; i++) inv[i * r + j * c] = col[i];
  }
}
