// Stan's container functions for generated code. Value forms work on numbers; functions that only move
// elements (head, segment, rep_vector, to_vector, ...) work on tape nodes alike (the `node` flag picks
// Int32Array storage); `...Ops` forms compute over ScalarOps (numbers or the tape).
import type { ScalarOps } from '../math/transforms/scalarOps';
import { numberOps } from '../math/transforms/scalarOps';
import { choleskyLower } from '../math/transforms/covMatrix';
import { Mat } from './mat';
import { StanError } from './stanError';
import { elements } from './valueOps';

type Vec = Float64Array | Int32Array;

function like(x: unknown, n: number): Vec {
  return x instanceof Int32Array || (x instanceof Mat && x.data instanceof Int32Array) ? new Int32Array(n) : new Float64Array(n);
}

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
  if (a.length !== b.length) throw new StanError('squared_distance: size mismatch.');
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
export function repMatrix(x: number | Vec, r: number, c?: number): Mat {
  if (typeof x === 'number') return new Mat(r, c!, new Float64Array(r * c!).fill(x));
  throw new StanError('rep_matrix of a vector is not yet supported.');
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
export function diagMatrix(v: ArrayLike<number>): Mat {
  const K = v.length;
  const d = new Float64Array(K * K);
  for (let i = 0; i < K; i++) d[i * K + i] = v[i];
  return new Mat(K, K, d);
}
export function identityMatrix(K: number): Mat {
  return diagMatrix(new Float64Array(K).fill(1));
}
export function linspaced(n: number, lo: number, hi: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (n === 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}
export const sortAsc = (v: Float64Array): Float64Array => v.slice().sort();
export const sortDesc = (v: Float64Array): Float64Array => v.slice().sort().reverse();
export const reverse = (v: Vec | unknown[]): Vec | unknown[] => v.slice().reverse();
export function choleskyDecompose(S: Mat): Mat {
  const L = choleskyLower(S.data, S.rows);
  if (L.some((x) => x !== x)) throw new StanError('cholesky_decompose: Matrix is not positive definite.');
  return new Mat(S.rows, S.rows, L);
}
export function multiplyLowerTriSelfTranspose(L: Mat): Mat {
  const K = L.rows, out = new Float64Array(K * K);
  for (let i = 0; i < K; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k <= j; k++) s += L.data[k * K + i] * L.data[k * K + j];
      out[j * K + i] = s;
      out[i * K + j] = s;
    }
  return new Mat(K, K, out);
}

// ----- over ScalarOps (value code passes numberOps; gradient code the tape, with lifted arguments) -----
function store(ops: ScalarOps, xs: number[]): Vec {
  return ops === numberOps ? Float64Array.from(xs) : Int32Array.from(xs);
}
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
  const out: number[] = [];
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) out.push(ops.mul(v[i], m.data[j * m.rows + i]));
  return new Mat(m.rows, m.cols, store(ops, out));
}
export function squaredDistanceOps(ops: ScalarOps, a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new StanError('squared_distance: size mismatch.');
  let s = ops.c(0);
  for (let i = 0; i < a.length; i++) s = ops.add(s, ops.square(ops.sub(a[i], b[i])));
  return s;
}
export const softmax = (v: Float64Array): Vec => softmaxOps(numberOps, v);
export const logSoftmax = (v: Float64Array): Vec => logSoftmaxOps(numberOps, v);
export const cumulativeSum = (v: Float64Array): Vec => cumulativeSumOps(numberOps, v);
export const diagPreMultiply = (v: Float64Array, m: Mat): Mat => diagPreMultiplyOps(numberOps, v, m);
