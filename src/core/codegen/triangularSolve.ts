// Triangular solves and the thin QR decomposition for generated code. The solves are written over
// ScalarOps (numbers in value code, tape nodes in gradient code, data arguments lifted); they read only
// the lower triangle of L, as Stan does. qr_thin_Q/qr_thin_R take data (numbers) only.
import { numberOps, type ScalarOps } from '../math/transforms/scalarOps';
import { Mat } from './mat';
import { StanError } from './stanError';
import { store, type Vec } from './storage';

function square(fn: string, L: Mat): number {
  if (!(L instanceof Mat) || L.rows !== L.cols) throw new StanError(`${fn}: expecting a square matrix.`);
  return L.rows;
}

// mdivide_left_tri_low(L, b): L \ b by forward substitution; b a vector or a matrix.
export function mdivideLeftTriLowOps(ops: ScalarOps, L: Mat, b: Vec | Mat): Vec | Mat {
  const K = square('mdivide_left_tri_low', L);
  const rows = b instanceof Mat ? b.rows : b.length;
  if (rows !== K) throw new StanError(`mdivide_left_tri_low: size mismatch (${K} and ${rows} rows).`);
  const cols = b instanceof Mat ? b.cols : 1;
  const bd = b instanceof Mat ? b.data : b;
  const x: number[] = new Array(K * cols);
  for (let c = 0; c < cols; c++) {
    const o = c * K;
    for (let i = 0; i < K; i++) {
      let s = bd[o + i];
      for (let j = 0; j < i; j++) s = ops.sub(s, ops.mul(L.data[j * K + i], x[o + j]));
      x[o + i] = ops.div(s, L.data[i * K + i]);
    }
  }
  return b instanceof Mat ? new Mat(K, cols, store(ops, x)) : store(ops, x);
}

// mdivide_right_tri_low(B, L): B / L = B L^-1, row by row (x L = b is L' x' = b', back substitution).
export function mdivideRightTriLowOps(ops: ScalarOps, B: Vec | Mat, L: Mat): Vec | Mat {
  const K = square('mdivide_right_tri_low', L);
  const m = B instanceof Mat ? B.rows : 1;
  const n = B instanceof Mat ? B.cols : B.length;
  if (n !== K) throw new StanError(`mdivide_right_tri_low: size mismatch (${n} columns and ${K}).`);
  const bd = B instanceof Mat ? B.data : B;
  const x: number[] = new Array(m * K);
  for (let r = 0; r < m; r++) {
    for (let i = K - 1; i >= 0; i--) {
      let s = bd[i * m + r];
      for (let j = i + 1; j < K; j++) s = ops.sub(s, ops.mul(L.data[i * K + j], x[j * m + r]));
      x[i * m + r] = ops.div(s, L.data[i * K + i]);
    }
  }
  return B instanceof Mat ? new Mat(m, K, store(ops, x)) : store(ops, x);
}

export const mdivideLeftTriLow = (L: Mat, b: Vec | Mat) => mdivideLeftTriLowOps(numberOps, L, b);
export const mdivideRightTriLow = (B: Vec | Mat, L: Mat) => mdivideRightTriLowOps(numberOps, B, L);

// Thin QR of an N x K matrix (N >= K here: Q is N x K, R is K x K upper triangular with R[i,i] >= 0, the
// sign convention of Stan's qr_thin_Q/qr_thin_R). Gram-Schmidt applied twice per column, which keeps Q
// orthonormal to rounding for well-conditioned X.
function qrThin(X: Mat): { Q: Float64Array; R: Float64Array; N: number; K: number } {
  if (!(X instanceof Mat)) throw new StanError('qr_thin: expecting a matrix.');
  const N = X.rows, K = Math.min(X.rows, X.cols), C = X.cols;
  const Q = new Float64Array(N * K);
  const R = new Float64Array(K * C);
  for (let j = 0; j < C; j++) {
    const v = Float64Array.from(X.data.subarray(j * N, (j + 1) * N));
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < Math.min(j, K); k++) {
        let d = 0;
        for (let i = 0; i < N; i++) d += Q[k * N + i] * v[i];
        R[j * K + k] += d;
        for (let i = 0; i < N; i++) v[i] -= d * Q[k * N + i];
      }
    }
    if (j >= K) continue;
    let nrm = 0;
    for (let i = 0; i < N; i++) nrm += v[i] * v[i];
    nrm = Math.sqrt(nrm);
    R[j * K + j] = nrm;
    for (let i = 0; i < N; i++) Q[j * N + i] = nrm > 0 ? v[i] / nrm : 0;
  }
  return { Q, R, N, K };
}

export function qrThinQ(X: Mat): Mat {
  const { Q, N, K } = qrThin(X);
  return new Mat(N, K, Q);
}

export function qrThinR(X: Mat): Mat {
  const { R, K } = qrThin(X);
  return new Mat(K, X.cols, R);
}
