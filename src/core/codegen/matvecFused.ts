// Runtime helpers for a data matrix times a parameter vector inside a density's vector argument
// (`y ~ bernoulli_logit(alpha + X * beta)`): the product's values go into a scratch buffer before the
// density loop, the loop collects d lp / d (X * beta)[i] into a second buffer, and one pass of X' times
// that buffer gives the partials of beta: no tape node or edge per row.
import { Mat } from './mat';
import { StanError } from './stanError';
import type { Tape } from './tape';

// A reusable buffer per call site (`slots` belongs to one model instance): no allocation per evaluation.
export function scratch(slots: Map<string, Float64Array>, key: string, n: number): Float64Array {
  let b = slots.get(key);
  if (b === undefined || b.length !== n) slots.set(key, (b = new Float64Array(n)));
  return b;
}

// out = M * v, where v holds numbers (vals = null) or tape nodes whose values are vals[v[j]].
export function mvInto(M: Mat, v: ArrayLike<number>, vals: Float64Array | null, out: Float64Array): Float64Array {
  if (!(M instanceof Mat)) throw new StanError('matrix * vector: not a matrix.');
  if (M.cols !== v.length) throw new StanError(`matrix * vector: size mismatch (${M.cols} columns, ${v.length} elements).`);
  return mvKernel(M.data as Float64Array, M.rows, M.cols, v, vals, out);
}

// The product itself, four columns per pass over out: a quarter of the loads and stores of out that a
// column at a time makes (X is read once either way), about twice as fast for a tall data matrix.
export function mvKernel(d: Float64Array, R: number, C: number, v: ArrayLike<number>, vals: Float64Array | null, out: Float64Array): Float64Array {
  const at = (j: number) => (vals === null ? v[j] : vals[v[j]]);
  let j = 0;
  if (C < 4) out.fill(0);
  else {
    const b0 = at(0), b1 = at(1), b2 = at(2), b3 = at(3);
    for (let i = 0; i < R; i++) out[i] = d[i] * b0 + d[R + i] * b1 + d[2 * R + i] * b2 + d[3 * R + i] * b3;
    j = 4;
  }
  for (; j + 4 <= C; j += 4) {
    const b0 = at(j), b1 = at(j + 1), b2 = at(j + 2), b3 = at(j + 3);
    const o0 = j * R, o1 = o0 + R, o2 = o1 + R, o3 = o2 + R;
    for (let i = 0; i < R; i++) out[i] += d[o0 + i] * b0 + d[o1 + i] * b1 + d[o2 + i] * b2 + d[o3 + i] * b3;
  }
  for (; j < C; j++) {
    const b = at(j), o = j * R;
    for (let i = 0; i < R; i++) out[i] += d[o + i] * b;
  }
  return out;
}

// out = M' * a (the partials of v, given the partials a of M * v): four columns per pass over a.
export function mtvInto(M: Mat, a: Float64Array, out: Float64Array): Float64Array {
  const R = M.rows, C = M.cols, d = M.data;
  let j = 0;
  for (; j + 4 <= C; j += 4) {
    const o0 = j * R, o1 = o0 + R, o2 = o1 + R, o3 = o2 + R;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < R; i++) {
      const ai = a[i];
      s0 += d[o0 + i] * ai;
      s1 += d[o1 + i] * ai;
      s2 += d[o2 + i] * ai;
      s3 += d[o3 + i] * ai;
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
  }
  for (; j < C; j++) {
    let s = 0;
    const o = j * R;
    for (let i = 0; i < R; i++) s += d[o + i] * a[i];
    out[j] = s;
  }
  return out;
}

// Tape form: edges from node k to the nodes of v with the partials M' * a.
export function mvEdges(T: Tape, k: number, M: Mat, v: Int32Array, a: Float64Array): void {
  const R = M.rows, d = M.data;
  for (let j = 0; j < M.cols; j++) {
    let s = 0;
    const o = j * R;
    for (let i = 0; i < R; i++) s += d[o + i] * a[i];
    T.edge(k, v[j], s);
  }
}
