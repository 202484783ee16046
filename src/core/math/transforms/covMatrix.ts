// cov_matrix[K]: Sigma = L L' with L lower triangular, read row by row, diagonal = exp of a free
// coordinate; K(K+1)/2 coordinates. log|J| of the map to Sigma's lower triangle:
// K log 2 + sum_k (K - k + 1) log L[k,k] (k from 1), as Stan.
import { choleskyInto } from '../cholesky';
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';

// Sigma = L L' into x (both triangles), L lower triangular; both column-major. Used by corr_matrix too.
export function multiplyLowerSelfTranspose(ops: ScalarOps, L: ArrayLike<number>, K: number, x: Writable): void {
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      let s = ops.mul(L[i], L[j]);
      for (let k = 1; k <= j; k++) s = ops.add(s, ops.mul(L[k * K + i], L[k * K + j]));
      x[j * K + i] = s;
      x[i * K + j] = s;
    }
  }
}

export function covMatrixConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable): number {
  const L: number[] = new Array(K * K).fill(ops.c(0));
  let lj = ops.c(K * Math.LN2);
  let pos = off;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < i; j++) L[j * K + i] = y[pos++];
    lj = ops.add(lj, ops.mulc(y[pos], K - i + 1));
    L[i * K + i] = ops.exp(y[pos++]);
  }
  multiplyLowerSelfTranspose(ops, L, K, x);
  return lj;
}

// Cholesky factor (lower, column-major) of a symmetric positive-definite matrix; all NaN if not SPD.
export function choleskyLower(S: ArrayLike<number>, K: number): Float64Array {
  const L = new Float64Array(K * K);
  if (!choleskyInto(L, S, K, 'colMajor')) L.fill(NaN);
  return L;
}

export function covMatrixUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number): void {
  const L = choleskyLower(x, K);
  let pos = off;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < i; j++) y[pos++] = L[j * K + i];
    y[pos++] = Math.log(L[i * K + i]);
  }
}
