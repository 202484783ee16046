// Container operations in gradient code. Values that depend on parameters hold tape node indices
// (Int32Array / Mat over Int32Array / JS arrays of those); `mask` bit 0 says the first operand is such a
// value, bit 1 the second. Each operation records n-ary nodes so the reverse sweep stays one loop.
import { Mat } from './mat';
import { StanError } from './stanError';
import type { Tape } from './tape';
import type { BinaryFn, UnaryFn } from './scalarFunctions';
import { elementAt, sharedLength } from './valueOps';

type Operand = number | Float64Array | Int32Array | Mat;

function flat(x: Operand): number | Float64Array | Int32Array {
  return x instanceof Mat ? x.data : x;
}

// Data (numbers) -> constant nodes, for operations that only have an all-parameter form.
export function lift(T: Tape, x: unknown): unknown {
  if (typeof x === 'number') return T.c(x);
  if (x instanceof Float64Array) return Int32Array.from(x, (v) => T.c(v));
  if (x instanceof Int32Array) return Int32Array.from(x, (v) => T.c(v));
  if (x instanceof Mat) return new Mat(x.rows, x.cols, Int32Array.from(x.data, (v) => T.c(v)));
  return (x as unknown[]).map((e) => lift(T, e));
}

// Node values of a parameter-dependent value (for output and comparisons).
export function valueOf(T: Tape, x: unknown): unknown {
  if (typeof x === 'number') return T.val[x];
  if (x instanceof Int32Array) return Float64Array.from(x, (i) => T.val[i]);
  if (x instanceof Mat) return new Mat(x.rows, x.cols, Float64Array.from(x.data, (i) => T.val[i]));
  return (x as unknown[]).map((e) => valueOf(T, e));
}

// Elementwise a op b (0 +, 1 -, 2 *, 3 /), scalars broadcast.
export function ewG(T: Tape, op: number, a: Operand, b: Operand, mask: number): Int32Array | Mat {
  const fa = flat(a), fb = flat(b);
  const n = typeof fa === 'number' ? (fb as Int32Array).length : fa.length;
  if (typeof fa !== 'number' && typeof fb !== 'number' && fa.length !== fb.length) {
    throw new StanError(`Size mismatch in elementwise operation: ${fa.length} and ${fb.length} elements.`);
  }
  const adA = (mask & 1) !== 0, adB = (mask & 2) !== 0;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ai = typeof fa === 'number' ? fa : fa[i];
    const bi = typeof fb === 'number' ? fb : fb[i];
    // T.val is re-read: creating nodes may grow (reallocate) it
    const x = adA ? T.val[ai] : ai;
    const y = adB ? T.val[bi] : bi;
    let v: number, da: number, db: number;
    if (op === 0) (v = x + y), (da = 1), (db = 1);
    else if (op === 1) (v = x - y), (da = 1), (db = -1);
    else if (op === 2) (v = x * y), (da = y), (db = x);
    else (v = x / y), (da = 1 / y), (db = -v / y);
    const k = T.node(v);
    if (adA) T.edge(k, ai, da);
    if (adB) T.edge(k, bi, db);
    out[i] = k;
  }
  const shape = a instanceof Mat ? a : b instanceof Mat ? b : null;
  return shape ? new Mat(shape.rows, shape.cols, out) : out;
}

// Apply a scalar tape operation elementwise: vmapG(T, 'exp', x).
export function vmapG(T: Tape, f: (this: Tape, a: number) => number, x: unknown): unknown {
  if (typeof x === 'number') return f.call(T, x);
  if (x instanceof Int32Array) return x.map((a) => f.call(T, a));
  if (x instanceof Mat) return new Mat(x.rows, x.cols, x.data.map((a) => f.call(T, a)));
  return (x as unknown[]).map((e) => vmapG(T, f, e));
}

// A library function of scalarFunctions.ts elementwise.
export function vmapFnG(T: Tape, fn: UnaryFn, x: unknown): unknown {
  if (typeof x === 'number') return T.unary(x, fn);
  if (x instanceof Int32Array) return x.map((a) => T.unary(a, fn));
  if (x instanceof Mat) return new Mat(x.rows, x.cols, x.data.map((a) => T.unary(a, fn)));
  return (x as unknown[]).map((e) => vmapFnG(T, fn, e));
}

// A two-argument function elementwise (see R.vmap2); mask bit 0: a holds nodes, bit 1: b does.
export function vmap2G(T: Tape, fn: BinaryFn, a: unknown, b: unknown, mask: number): unknown {
  const adA = (mask & 1) !== 0, adB = (mask & 2) !== 0;
  if (typeof a === 'number' && typeof b === 'number') {
    return T.binary(adA ? a : T.c(a), adB ? b : T.c(b), fn);
  }
  const n = sharedLength(a, b);
  const shape = a instanceof Mat ? a : b instanceof Mat ? b : null;
  if (shape || ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const x = elementAt(a, i) as number, y = elementAt(b, i) as number;
      out[i] = T.binary(adA ? x : T.c(x), adB ? y : T.c(y), fn);
    }
    return shape ? new Mat(shape.rows, shape.cols, out) : out;
  }
  return Array.from({ length: n }, (_, i) => vmap2G(T, fn, elementAt(a, i), elementAt(b, i), mask));
}

export function dotSelfG(T: Tape, x: Int32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += T.val[x[i]] * T.val[x[i]];
  const k = T.node(s);
  for (let i = 0; i < x.length; i++) T.edge(k, x[i], 2 * T.val[x[i]]);
  return k;
}

export function dotG(T: Tape, a: ArrayLike<number>, b: ArrayLike<number>, mask: number): number {
  if (a.length !== b.length) throw new StanError(`dot_product: size mismatch (${a.length} and ${b.length}).`);
  const adA = (mask & 1) !== 0, adB = (mask & 2) !== 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (adA ? T.val[a[i]] : a[i]) * (adB ? T.val[b[i]] : b[i]);
  const k = T.node(s);
  for (let i = 0; i < a.length; i++) {
    if (adA) T.edge(k, a[i], adB ? T.val[b[i]] : b[i]);
    if (adB) T.edge(k, b[i], adA ? T.val[a[i]] : a[i]);
  }
  return k;
}

// Reverse step of (data matrix) * (parameter vector): adj[v[j]] += sum_i M[i,j] adj[out0 + i].
function mvDataReverse(T: Tape, m: unknown, v: unknown, out0: number): void {
  const M = m as Mat, vv = v as Int32Array;
  const adj = T.adj, d = M.data, R = M.rows;
  for (let j = 0; j < M.cols; j++) {
    let s = 0;
    const o = j * R;
    for (let i = 0; i < R; i++) s += d[o + i] * adj[out0 + i];
    adj[vv[j]] += s;
  }
}

// matrix * vector. mask: 1 matrix depends on parameters, 2 vector does.
export function mvG(T: Tape, M: Mat, v: Float64Array | Int32Array, mask: number): Int32Array {
  if (M.cols !== v.length) throw new StanError(`matrix * vector: size mismatch (${M.cols} columns, ${v.length} elements).`);
  const R = M.rows;
  const adM = (mask & 1) !== 0, adV = (mask & 2) !== 0;
  const out = new Int32Array(R);
  if (!adM) {
    // Values now, partials recomputed in the reverse callback: no per-element edges.
    const out0 = T.n;
    for (let i = 0; i < R; i++) out[i] = T.node(0);
    const val = T.val; // after the nodes exist (the tape may have grown)
    const d = M.data;
    for (let j = 0; j < M.cols; j++) {
      const vj = val[v[j]];
      const o = j * R;
      for (let i = 0; i < R; i++) val[out0 + i] += d[o + i] * vj;
    }
    T.onReverse(mvDataReverse, M, v, out0);
    return out;
  }
  for (let i = 0; i < R; i++) {
    let s = 0;
    for (let j = 0; j < M.cols; j++) s += T.val[M.data[j * R + i]] * (adV ? T.val[v[j]] : v[j]);
    const k = T.node(s);
    for (let j = 0; j < M.cols; j++) {
      const mij = M.data[j * R + i];
      T.edge(k, mij, adV ? T.val[v[j]] : v[j]);
      if (adV) T.edge(k, v[j], T.val[mij]);
    }
    out[i] = k;
  }
  return out;
}

// General matrix products through lifting: row_vector * matrix, matrix * matrix, outer products.
export function mmG(T: Tape, a: Mat, b: Mat, mask: number): Mat {
  const A = (mask & 1) !== 0 ? a : (lift(T, a) as Mat);
  const B = (mask & 2) !== 0 ? b : (lift(T, b) as Mat);
  if (A.cols !== B.rows) throw new StanError(`matrix * matrix: size mismatch (${A.cols} and ${B.rows}).`);
  const out = new Int32Array(A.rows * B.cols);
  for (let j = 0; j < B.cols; j++)
    for (let i = 0; i < A.rows; i++) {
      let s = 0;
      for (let k = 0; k < A.cols; k++) s += T.val[A.data[k * A.rows + i]] * T.val[B.data[j * B.rows + k]];
      const node = T.node(s);
      for (let k = 0; k < A.cols; k++) {
        const x = A.data[k * A.rows + i], y = B.data[j * B.rows + k];
        T.edge(node, x, T.val[y]);
        T.edge(node, y, T.val[x]);
      }
      out[j * A.rows + i] = node;
    }
  return new Mat(A.rows, B.cols, out);
}

export function transposeG(a: Int32Array | Mat): Int32Array | Mat {
  if (!(a instanceof Mat)) return a;
  const out = new Int32Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[i * a.cols + j] = a.data[j * a.rows + i];
  return new Mat(a.cols, a.rows, out);
}
