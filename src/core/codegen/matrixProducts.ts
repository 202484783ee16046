// Stan's matrix functions made of products and sums: crossprod, tcrossprod, quad_form(_sym),
// trace_quad_form, columns/rows_dot_product and _dot_self, diag_post_multiply, trace. Written once over
// ScalarOps (numbers in value code; tape nodes in gradient code, data arguments lifted), every sum of
// products one `dot` step. Vectors arrive as one-column matrices and row vectors as one-row matrices
// (the code generator knows which is which; the storage does not).
import type { ScalarOps } from '../math/transforms/scalarOps';
import { sumOps } from '../math/transforms/scalarOps';
import { Mat } from './mat';
import { StanError } from './stanError';
import { store, type Vec } from './storage';

const colOf = (m: Mat, j: number): ArrayLike<number> => m.data.subarray(j * m.rows, (j + 1) * m.rows);
function rowOf(m: Mat, i: number): number[] {
  const out: number[] = new Array(m.cols);
  for (let j = 0; j < m.cols; j++) out[j] = m.data[j * m.rows + i];
  return out;
}

// a' b for matrices a (n x p) and b (n x q): p x q.
function innerProducts(ops: ScalarOps, a: Mat, b: Mat): Mat {
  const out: number[] = new Array(a.cols * b.cols);
  for (let j = 0; j < b.cols; j++) for (let i = 0; i < a.cols; i++) out[j * a.cols + i] = ops.dot(colOf(a, i), colOf(b, j));
  return new Mat(a.cols, b.cols, store(ops, out));
}

// a b for a (n x p), b (p x q).
function product(ops: ScalarOps, a: Mat, b: Mat): Mat {
  const rows = Array.from({ length: a.rows }, (_, i) => rowOf(a, i));
  const out: number[] = new Array(a.rows * b.cols);
  for (let j = 0; j < b.cols; j++) for (let i = 0; i < a.rows; i++) out[j * a.rows + i] = ops.dot(rows[i], colOf(b, j));
  return new Mat(a.rows, b.cols, store(ops, out));
}

function transpose(m: Mat): Mat {
  const out = m.data instanceof Int32Array ? new Int32Array(m.data.length) : new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out[i * m.cols + j] = m.data[j * m.rows + i];
  return new Mat(m.cols, m.rows, out);
}

function squareMatrix(fn: string, A: Mat): number {
  if (A.rows !== A.cols) throw new StanError(`${fn}: expecting a square matrix, got ${A.rows} x ${A.cols}.`);
  return A.rows;
}

const SYMMETRY_TOLERANCE = 1e-8;

export function checkSymmetric(fn: string, ops: ScalarOps, A: Mat): Mat {
  squareMatrix(fn, A);
  const K = A.rows;
  for (let j = 0; j < K; j++)
    for (let i = j + 1; i < K; i++) {
      const a = ops.val1(A.data[j * K + i]), b = ops.val1(A.data[i * K + j]);
      if (!(Math.abs(a - b) <= SYMMETRY_TOLERANCE)) throw new StanError(`${fn}: the matrix is not symmetric (element [${i + 1},${j + 1}] is ${a}, element [${j + 1},${i + 1}] is ${b}).`);
    }
  return A;
}

export function crossprodOps(ops: ScalarOps, A: Mat): Mat {
  return innerProducts(ops, A, A);
}

export function tcrossprodOps(ops: ScalarOps, A: Mat): Mat {
  const t = transpose(A);
  return innerProducts(ops, t, t);
}

// quad_form(A, B) = B' A B; a scalar when B is a vector (`vector`). quad_form_sym checks that A is
// symmetric and returns an exactly symmetric result, as Stan does.
export function quadFormOps(ops: ScalarOps, A: Mat, B: Mat, vector: boolean, sym: boolean): Mat | number {
  const fn = sym ? 'quad_form_sym' : 'quad_form';
  const K = squareMatrix(fn, A);
  if (B.rows !== K) throw new StanError(`${fn}: size mismatch (a ${K} x ${K} matrix and ${B.rows} rows).`);
  if (sym) checkSymmetric(fn, ops, A);
  const r = innerProducts(ops, B, product(ops, A, B));
  if (vector) return r.data[0];
  if (sym) {
    const n = r.rows;
    for (let j = 0; j < n; j++)
      for (let i = j + 1; i < n; i++) {
        const s = ops.mulc(ops.add(r.data[j * n + i], r.data[i * n + j]), 0.5);
        r.data[j * n + i] = s;
        r.data[i * n + j] = s;
      }
  }
  return r;
}

// trace(B' A B) = sum over columns b of B of b' (A b).
export function traceQuadFormOps(ops: ScalarOps, A: Mat, B: Mat): number {
  const K = squareMatrix('trace_quad_form', A);
  if (B.rows !== K) throw new StanError(`trace_quad_form: size mismatch (a ${K} x ${K} matrix and ${B.rows} rows).`);
  const AB = product(ops, A, B);
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k < B.data.length; k++) xs.push(B.data[k]), ys.push(AB.data[k]);
  return ops.dot(xs, ys);
}

function sameShape(fn: string, a: Mat, b: Mat): void {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new StanError(`${fn}: size mismatch (${a.rows} x ${a.cols} and ${b.rows} x ${b.cols}).`);
}

export function columnsDotProductOps(ops: ScalarOps, a: Mat, b: Mat): Vec {
  sameShape('columns_dot_product', a, b);
  return store(ops, Array.from({ length: a.cols }, (_, j) => ops.dot(colOf(a, j), colOf(b, j))));
}

export function rowsDotProductOps(ops: ScalarOps, a: Mat, b: Mat): Vec {
  sameShape('rows_dot_product', a, b);
  return store(ops, Array.from({ length: a.rows }, (_, i) => ops.dot(rowOf(a, i), rowOf(b, i))));
}

export const columnsDotSelfOps = (ops: ScalarOps, a: Mat): Vec => columnsDotProductOps(ops, a, a);
export const rowsDotSelfOps = (ops: ScalarOps, a: Mat): Vec => rowsDotProductOps(ops, a, a);

// diag_post_multiply(M, v) = M diag(v).
export function diagPostMultiplyOps(ops: ScalarOps, m: Mat, v: ArrayLike<number>): Mat {
  if (v.length !== m.cols) throw new StanError(`diag_post_multiply: size mismatch (${m.cols} columns and ${v.length} elements).`);
  const out: number[] = new Array(m.data.length);
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) out[j * m.rows + i] = ops.mul(m.data[j * m.rows + i], v[j]);
  return new Mat(m.rows, m.cols, store(ops, out));
}

export function traceOps(ops: ScalarOps, m: Mat): number {
  const K = Math.min(m.rows, m.cols);
  const d: number[] = [];
  for (let i = 0; i < K; i++) d.push(m.data[i * m.rows + i]);
  return sumOps(ops, d);
}

// multiply_lower_tri_self_transpose(L) = T T' with T the lower trapezoid of L (m x n): m x m.
export function multiplyLowerTriSelfTransposeOps(ops: ScalarOps, L: Mat): Mat {
  const m = L.rows, n = L.cols;
  const out: number[] = new Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      const k = Math.min(j + 1, n);
      const xs: number[] = [], ys: number[] = [];
      for (let c = 0; c < k; c++) xs.push(L.data[c * m + i]), ys.push(L.data[c * m + j]);
      const s = k === 0 ? ops.c(0) : ops.dot(xs, ys);
      out[j * m + i] = s;
      out[i * m + j] = s;
    }
  return new Mat(m, m, store(ops, out));
}
