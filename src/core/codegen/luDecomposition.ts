// LU decomposition with partial pivoting (P A = L U) of a square column-major matrix of numbers, and
// the solves, determinants and inverse built on it. Used by the value forms of inverse, mdivide_left,
// mdivide_right, determinant and log_determinant, and by their gradient forms (the adjoints solve
// with the transpose, from the same factors).
import { StanError } from './stanError';

export interface LU {
  K: number;
  // L below the diagonal (unit diagonal implied) and U on and above it, column-major.
  lu: Float64Array;
  // Row k was swapped with row piv[k] at step k.
  piv: Int32Array;
  sign: number;
  singular: boolean;
}

export function luFactor(a: ArrayLike<number>, K: number): LU {
  const lu = Float64Array.from(a);
  const piv = new Int32Array(K);
  let sign = 1, singular = false;
  for (let k = 0; k < K; k++) {
    let p = k, best = Math.abs(lu[k * K + k]);
    for (let i = k + 1; i < K; i++) {
      const x = Math.abs(lu[k * K + i]);
      if (x > best) (best = x), (p = i);
    }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < K; j++) {
        const t = lu[j * K + k];
        lu[j * K + k] = lu[j * K + p];
        lu[j * K + p] = t;
      }
    }
    const pivot = lu[k * K + k];
    if (pivot === 0 || pivot !== pivot) {
      singular = true;
      continue;
    }
    for (let i = k + 1; i < K; i++) lu[k * K + i] /= pivot;
    for (let j = k + 1; j < K; j++) {
      const f = lu[j * K + k];
      if (f === 0) continue;
      for (let i = k + 1; i < K; i++) lu[j * K + i] -= lu[k * K + i] * f;
    }
  }
  return { K, lu, piv, sign, singular };
}

function requireRegular(fn: string, f: LU): void {
  if (f.singular) throw new StanError(`${fn}: the matrix is singular.`);
}

// One row swap of P on one column: b[i] <-> b[j].
function swap(b: Float64Array, i: number, j: number): void {
  if (i === j) return;
  const t = b[i];
  b[i] = b[j];
  b[j] = t;
}

// Solves A x = b (transpose: A' x = b) in place for each of the m columns of b (column-major K x m).
export function luSolveInPlace(fn: string, f: LU, b: Float64Array, m: number, transpose = false): void {
  requireRegular(fn, f);
  const { K, lu, piv } = f;
  for (let c = 0; c < m; c++) {
    const o = c * K;
    if (!transpose) {
      for (let k = 0; k < K; k++) swap(b, o + k, o + piv[k]);
      for (let k = 0; k < K; k++) {
        const x = b[o + k];
        if (x !== 0) for (let i = k + 1; i < K; i++) b[o + i] -= lu[k * K + i] * x;
      }
      for (let k = K - 1; k >= 0; k--) {
        const x = (b[o + k] /= lu[k * K + k]);
        if (x !== 0) for (let i = 0; i < k; i++) b[o + i] -= lu[k * K + i] * x;
      }
    } else {
      // A' = U' L' P: solve U' y = b, then L' z = y, then x = P' z.
      for (let i = 0; i < K; i++) {
        let s = b[o + i];
        for (let k = 0; k < i; k++) s -= lu[i * K + k] * b[o + k];
        b[o + i] = s / lu[i * K + i];
      }
      for (let i = K - 1; i >= 0; i--) {
        let s = b[o + i];
        for (let k = i + 1; k < K; k++) s -= lu[i * K + k] * b[o + k];
        b[o + i] = s;
      }
      for (let k = K - 1; k >= 0; k--) swap(b, o + k, o + piv[k]);
    }
  }
}

export function luInverse(fn: string, f: LU): Float64Array {
  const K = f.K;
  const inv = new Float64Array(K * K);
  for (let i = 0; i < K; i++) inv[i * K + i] = 1;
  luSolveInPlace(fn, f, inv, K);
  return inv;
}

export function luDeterminant(f: LU): number {
  let d = f.sign;
  for (let k = 0; k < f.K; k++) d *= f.lu[k * f.K + k];
  return d;
}

export function luLogAbsDeterminant(f: LU): number {
  let s = 0;
  for (let k = 0; k < f.K; k++) s += Math.log(Math.abs(f.lu[k * f.K + k]));
  return s;
}
