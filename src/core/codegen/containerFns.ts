// Stan's container functions for generated code. Value forms work on numbers; functions that only move
// elements (head, segment, rep_vector, to_vector, ...) work on tape nodes alike (the `node` flag picks
// Int32Array storage); `...Ops` forms compute over ScalarOps (numbers or the tape).
import type { ScalarOps } from '../math/transforms/scalarOps';
import { numberOps } from '../math/transforms/scalarOps';
import { Mat } from './mat';
import { StanError } from './stanError';
import { elements } from './valueOps';
import { like, store, storeOf, type Vec } from './storage';

export const sum = (x: unknown): number => elements(x).reduce((a, b) => a + b, 0);
export const prod = (x: unknown): number => elements(x).reduce((a, b) => a * b, 1);
export const numElements = (x: unknown): number => elements(x).length;
export const size = (x: unknown): number => (typeof x === 'number' ? 1 : x instanceof Mat ? x.data.length : (x as ArrayLike<unknown>).length);
export const rows = (x: unknown): number => (x instanceof Mat ? x.rows : (x as ArrayLike<unknown>).length);
export const cols = (x: unknown): number => (x instanceof Mat ? x.cols : (x as ArrayLike<unknown>).length);

function nonEmpty(fn: string, xs: number[]): number[] {
  if (xs.length === 0) throw new StanError(`${fn}: the argument has size 0.`);
  return xs;
}

export function mean(x: unknown): number {
  const xs = nonEmpty('mean', elements(x));
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
export function variance(x: unknown): number {
  const xs = elements(x);
  if (xs.length < 2) throw new StanError('variance: the argument needs at least 2 elements.');
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1);
}
export const sd = (x: unknown): number => Math.sqrt(variance(x));
export const max = (x: unknown): number => elements(x).reduce((a, b) => Math.max(a, b), -Infinity);
export const min = (x: unknown): number => elements(x).reduce((a, b) => Math.min(a, b), Infinity);
export function dotSelf(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}
export function logSumExp(x: unknown): number {
  const xs = elements(x);
  const m = xs.reduce((a, b) => Math.max(a, b), -Infinity);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(xs.reduce((a, b) => a + Math.exp(b - m), 0));
}
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new StanError(`squared_distance: size mismatch (${a.length} and ${b.length}).`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}
export const distance = (a: ArrayLike<number>, b: ArrayLike<number>): number => Math.sqrt(squaredDistance(a, b));

export function repVector(x: number, n: number, node = false): Vec {
  return (node ? new Int32Array(n) : new Float64Array(n)).fill(x);
}
export function repArray(x: unknown, ...sizes: number[]): unknown {
  const make = (k: number): unknown => (k === sizes.length ? copyValue(x) : Array.from({ length: sizes[k] }, () => make(k + 1)));
  return make(0);
}
function copyValue(x: unknown): unknown {
  if (x instanceof Float64Array || x instanceof Int32Array) return x.slice();
  if (x instanceof Mat) return new Mat(x.rows, x.cols, x.data.slice());
  if (Array.isArray(x)) return x.map(copyValue);
  return x;
}
// rep_matrix(x, r, c); rep_matrix(vector v, n): n copies of v as columns; rep_matrix(row_vector, n): rows.
// (Node storage is kept when x holds tape nodes; a vector and a row vector share storage, so a
// row vector is told apart by c being absent and the caller's intent: columns for vectors.)
export function repMatrix(x: number | Vec, r: number, c?: number): Mat {
  if (typeof x === 'number') return new Mat(r, c!, new Float64Array(r * c!).fill(x));
  const K = x.length;
  const d = x instanceof Int32Array ? new Int32Array(K * r) : new Float64Array(K * r);
  for (let j = 0; j < r; j++) d.set(x, j * K);
  return new Mat(K, r, d);
}
export function appendCol(a: Mat | Vec, b: Mat | Vec, node = false): Mat {
  const A = a instanceof Mat ? a : new Mat(a.length, 1, a);
  const B = b instanceof Mat ? b : new Mat(b.length, 1, b);
  if (A.rows !== B.rows) throw new StanError(`append_col: row counts differ (${A.rows} and ${B.rows}).`);
  const d = node ? new Int32Array(A.data.length + B.data.length) : new Float64Array(A.data.length + B.data.length);
  d.set(A.data);
  d.set(B.data, A.data.length);
  return new Mat(A.rows, A.cols + B.cols, d);
}
const order = (v: ArrayLike<number>, dir: number): number[] =>
  Array.from({ length: v.length }, (_, i) => i).sort((i, j) => dir * (v[i] - v[j]) || i - j);
export const sortIndicesAsc = (v: ArrayLike<number>): number[] => order(v, 1).map((i) => i + 1);
export const sortIndicesDesc = (v: ArrayLike<number>): number[] => order(v, -1).map((i) => i + 1);
export function rank(v: ArrayLike<number>, s: number): number {
  let r = 0;
  for (let i = 0; i < v.length; i++) if (v[i] < v[s - 1]) r++;
  return r;
}
export function toVector(x: unknown, node = false): Vec {
  const xs = x instanceof Mat ? x.data : elements(x);
  return node ? Int32Array.from(xs) : Float64Array.from(xs);
}
export const toArray1d = (x: unknown): number[] => elements(x);
export function head(v: Vec | unknown[], n: number): Vec | unknown[] {
  if (n < 0 || n > v.length) throw new StanError(`head: size ${n} out of range for a container of size ${v.length}.`);
  return v.slice(0, n);
}
export function tail(v: Vec | unknown[], n: number): Vec | unknown[] {
  if (n < 0 || n > v.length) throw new StanError(`tail: size ${n} out of range for a container of size ${v.length}.`);
  return v.slice(v.length - n);
}
export function segment(v: Vec | unknown[], i: number, n: number): Vec | unknown[] {
  if (i < 1 || n < 0 || i - 1 + n > v.length) throw new StanError(`segment: (${i}, ${n}) out of range for a container of size ${v.length}.`);
  return v.slice(i - 1, i - 1 + n);
}
export function append(a: Vec, b: Vec, node = false): Vec {
  const out = node ? new Int32Array(a.length + b.length) : new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
export function col(m: Mat, j: number): Vec {
  if (j < 1 || j > m.cols) throw new StanError(`col: index ${j} out of range (1 to ${m.cols}).`);
  return m.data.slice((j - 1) * m.rows, j * m.rows);
}
export function row(m: Mat, i: number): Vec {
  if (i < 1 || i > m.rows) throw new StanError(`row: index ${i} out of range (1 to ${m.rows}).`);
  const out = like(m, m.cols);
  for (let j = 0; j < m.cols; j++) out[j] = m.data[j * m.rows + i - 1];
  return out;
}
export function identityMatrix(K: number): Mat {
  if (!(K >= 0)) throw new StanError(`identity_matrix: size ${K} must be non-negative.`);
  const d = new Float64Array(K * K);
  for (let i = 0; i < K; i++) d[i * K + i] = 1;
  return new Mat(K, K, d);
}
export function linspaced(n: number, lo: number, hi: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (n === 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}
export const linspacedArray = (n: number, lo: number, hi: number): number[] => Array.from(linspaced(n, lo, hi));
// sort_asc / sort_desc of numbers (typed array or array), or of nodes ordered by their values `key`.
export function sorted<T extends Vec | number[]>(v: T, dir: number, key: ArrayLike<number> = v): T {
  const idx = order(key, dir);
  const out = (Array.isArray(v) ? new Array(v.length) : like(v, v.length)) as T;
  for (let i = 0; i < idx.length; i++) out[i] = v[idx[i]];
  return out;
}
export const reverse = (v: Vec | unknown[]): Vec | unknown[] => v.slice().reverse();
// ----- over ScalarOps (value code passes numberOps; gradient code the tape, with lifted arguments) -----
export function softmaxOps(ops: ScalarOps, v: ArrayLike<number>): Vec {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) m = Math.max(m, ops.val1(v[i]));
  const e = Array.from(v, (x) => ops.exp(ops.addc(x, -m)));
  let s = ops.c(0);
  for (const x of e) s = ops.add(s, x);
  return store(ops, e.map((x) => ops.div(x, s)));
}
export function logSoftmaxOps(ops: ScalarOps, v: ArrayLike<number>): Vec {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) m = Math.max(m, ops.val1(v[i]));
  let s = ops.c(0);
  for (let i = 0; i < v.length; i++) s = ops.add(s, ops.exp(ops.addc(v[i], -m)));
  const lse = ops.addc(ops.log(s), m);
  return store(ops, Array.from(v, (x) => ops.sub(x, lse)));
}
export function cumulativeSumOps(ops: ScalarOps, v: ArrayLike<number>): Vec {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) out.push(i === 0 ? v[0] : ops.add(out[i - 1], v[i]));
  return store(ops, out);
}
export function diagPreMultiplyOps(ops: ScalarOps, v: ArrayLike<number>, m: Mat): Mat {
  if (v.length !== m.rows) throw new StanError('diag_pre_multiply: size mismatch.');
  const out = storeOf(ops, m.data.length);
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) out[j * m.rows + i] = ops.mul(v[i], m.data[j * m.rows + i]);
  return new Mat(m.rows, m.cols, out);
}
export const softmax = (v: Float64Array): Vec => softmaxOps(numberOps, v);
export const logSoftmax = (v: Float64Array): Vec => logSoftmaxOps(numberOps, v);
export const cumulativeSum = (v: Float64Array): Vec => cumulativeSumOps(numberOps, v);
export const diagPreMultiply = (v: Float64Array, m: Mat): Mat => diagPreMultiplyOps(numberOps, v, m);

// quad_form_diag(M, v) = diag(v) M diag(v).
export function quadFormDiagOps(ops: ScalarOps, m: Mat, v: ArrayLike<number>): Mat {
  if (m.rows !== v.length || m.cols !== v.length) throw new StanError('quad_form_diag: size mismatch.');
  const K = v.length;
  const out: number[] = new Array(K * K);
  for (let j = 0; j < K; j++) for (let i = 0; i < K; i++) out[j * K + i] = ops.mul(ops.mul(v[i], m.data[j * K + i]), v[j]);
  return new Mat(K, K, store(ops, out));
}
export const quadFormDiag = (m: Mat, v: ArrayLike<number>): Mat => quadFormDiagOps(numberOps, m, v);

// add_diag(M, d): d (scalar or vector) added to the diagonal.
export function addDiagOps(ops: ScalarOps, m: Mat, d: number | ArrayLike<number>): Mat {
  const K = Math.min(m.rows, m.cols);
  if (typeof d !== 'number' && d.length !== K) throw new StanError('add_diag: size mismatch.');
  const out = Array.from(m.data);
  for (let i = 0; i < K; i++) out[i * m.rows + i] = ops.add(out[i * m.rows + i], typeof d === 'number' ? d : d[i]);
  return new Mat(m.rows, m.cols, store(ops, out));
}
export const addDiag = (m: Mat, d: number | ArrayLike<number>): Mat => addDiagOps(numberOps, m, d);
