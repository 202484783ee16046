// Construction, reshaping and slicing functions that only move elements, so one form serves value code
// (numbers) and gradient code (tape node indices): the output keeps the input's storage (Float64Array
// for numbers, Int32Array for nodes). Where new constant elements appear (the zeros of diag_matrix),
// the caller passes the constant to use (0, or a constant node).
import { Mat } from './mat';
import { StanError } from './stanError';
import { elements } from './valueOps';
import { like, type Vec } from './storage';

function range(fn: string, what: string, i: number, n: number, size: number): void {
  if (!(i >= 1) || !(n >= 0) || i - 1 + n > size) throw new StanError(`${fn}: ${what} ${i} with size ${n} is out of range (1 to ${size}).`);
}

// to_matrix(v, m, n[, col_major]): the elements of v (vector, row vector, matrix or array), column-major
// unless col_major is 0.
export function toMatrixShaped(x: unknown, m: number, n: number, colMajor: number, nodes: boolean): Mat {
  const xs = x instanceof Mat ? x.data : x instanceof Float64Array || x instanceof Int32Array ? x : elements(x);
  if (xs.length !== m * n) throw new StanError(`to_matrix: ${xs.length} elements cannot fill a ${m} x ${n} matrix.`);
  const out = nodes ? new Int32Array(m * n) : new Float64Array(m * n);
  if (colMajor) out.set(xs);
  else for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = xs[i * n + j];
  return new Mat(m, n, out);
}

// to_matrix(x) of a matrix, a vector (one column), a row vector (one row), a 2-D array or an array
// of row vectors (rows). `row`: x is a row vector.
export function toMatrix(x: unknown, row: boolean, node: boolean): Mat {
  if (x instanceof Mat) return new Mat(x.rows, x.cols, x.data.slice());
  if (x instanceof Float64Array || x instanceof Int32Array) return row ? new Mat(1, x.length, x.slice()) : new Mat(x.length, 1, x.slice());
  const rows = x as ArrayLike<ArrayLike<number>>;
  const R = rows.length, C = R ? rows[0].length : 0;
  const out = node ? new Int32Array(R * C) : new Float64Array(R * C);
  for (let i = 0; i < R; i++) {
    if (rows[i].length !== C) throw new StanError('to_matrix: the rows have different sizes.');
    for (let j = 0; j < C; j++) out[j * R + i] = rows[i][j];
  }
  return new Mat(R, C, out);
}

// to_array_2d(M): the rows of M as arrays.
export function toArray2d(m: Mat): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => m.data[j * m.rows + i]));
}

// append_row of matrices (row vectors passed as 1-row matrices).
export function appendRowMat(a: Mat, b: Mat, node: boolean): Mat {
  if (a.cols !== b.cols) throw new StanError(`append_row: column counts differ (${a.cols} and ${b.cols}).`);
  const R = a.rows + b.rows, C = a.cols;
  const out = node ? new Int32Array(R * C) : new Float64Array(R * C);
  for (let j = 0; j < C; j++) {
    for (let i = 0; i < a.rows; i++) out[j * R + i] = a.data[j * a.rows + i];
    for (let i = 0; i < b.rows; i++) out[j * R + a.rows + i] = b.data[j * b.rows + i];
  }
  return new Mat(R, C, out);
}

export function block(m: Mat, i: number, j: number, nr: number, nc: number): Mat {
  range('block', 'row', i, nr, m.rows);
  range('block', 'column', j, nc, m.cols);
  const out = like(m, nr * nc);
  for (let c = 0; c < nc; c++) for (let r = 0; r < nr; r++) out[c * nr + r] = m.data[(j - 1 + c) * m.rows + i - 1 + r];
  return new Mat(nr, nc, out);
}

export function subCol(m: Mat, i: number, j: number, n: number): Vec {
  range('sub_col', 'row', i, n, m.rows);
  range('sub_col', 'column', j, 1, m.cols);
  return m.data.slice((j - 1) * m.rows + i - 1, (j - 1) * m.rows + i - 1 + n);
}

export function subRow(m: Mat, i: number, j: number, n: number): Vec {
  range('sub_row', 'row', i, 1, m.rows);
  range('sub_row', 'column', j, n, m.cols);
  const out = like(m, n);
  for (let c = 0; c < n; c++) out[c] = m.data[(j - 1 + c) * m.rows + i - 1];
  return out;
}

export function diagonal(m: Mat): Vec {
  const K = Math.min(m.rows, m.cols);
  const out = like(m, K);
  for (let i = 0; i < K; i++) out[i] = m.data[i * m.rows + i];
  return out;
}

// diag_matrix(v): v on the diagonal, `zero` elsewhere.
export function diagMatrix(v: Vec, zero = 0): Mat {
  const K = v.length;
  const out = like(v, K * K).fill(zero);
  for (let i = 0; i < K; i++) out[i * K + i] = v[i];
  return new Mat(K, K, out);
}

export function dims(x: unknown): number[] {
  if (typeof x === 'number') return [];
  if (x instanceof Mat) return [x.rows, x.cols];
  if (x instanceof Float64Array || x instanceof Int32Array) return [x.length];
  const a = x as unknown[];
  return [a.length, ...(a.length ? dims(a[0]) : [])];
}

// Constant containers (their arguments are integers, so they are always data).
function filled(fn: string, n: number, v: number): Float64Array {
  if (!(n >= 0)) throw new StanError(`${fn}: size ${n} must be non-negative.`);
  return new Float64Array(n).fill(v);
}
export const zerosVector = (n: number) => filled('zeros_vector', n, 0);
export const onesVector = (n: number) => filled('ones_vector', n, 1);
export const zerosArray = (n: number) => Array.from(filled('zeros_array', n, 0));
export const onesArray = (n: number) => Array.from(filled('ones_array', n, 1));
export const uniformSimplex = (n: number) => filled('uniform_simplex', n, 1 / n);
export function oneHotVector(n: number, k: number): Float64Array {
  if (!(n >= 1) || !(k >= 1 && k <= n)) throw new StanError(`one_hot: index ${k} out of range for size ${n}.`);
  const out = new Float64Array(n);
  out[k - 1] = 1;
  return out;
}
export const oneHotArray = (n: number, k: number) => Array.from(oneHotVector(n, k));
