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
export function mvInto(M: Mat, v: Float64Array | Int32Array, vals: Float64Array | null, out: Float64Array): Float64Array {
  if (!(M instanceof Mat)) throw new StanError('matrix * vector: not a matrix.');
  if (M.cols !== v.length) throw new StanError(`matrix * vector: size mismatch (${M.cols} columns, ${v.length} elements).`);
  const R = M.rows, d = M.data;
  out.fill(0);
  for (let j = 0; j < M.cols; j++) {
    const vj = vals === null ? v[j] : vals[v[j]];
    if (vj === 0) continue;
    const o = j * R;
    for (let i = 0; i < R; i++) out[i] += d[o + i] * vj;
  }
  return out;
}

// out = M' * a (the partials of v, given the partials a of M * v).
export function mtvInto(M: Mat, a: Float64Array, out: Float64Array): Float64Array {
  const R = M.rows, d = M.data;
  for (let j = 0; j < M.cols; j++) {
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
