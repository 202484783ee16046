// Reductions of parameter-dependent containers in gradient code: each is ONE tape node with one edge
// per element (or, for min and max, the selected element's own node). Containers may be vectors,
// matrices or arrays of reals; data containers are never passed here.
import { Mat } from './mat';
import type { Tape } from './tape';
import { elements } from './valueOps';
import { StanError } from './stanError';

// The nodes of a container, in Stan's element order.
function nodesOf(x: unknown): ArrayLike<number> {
  if (x instanceof Int32Array) return x;
  if (x instanceof Mat) return x.data;
  return elements(x);
}

function atLeast(fn: string, d: ArrayLike<number>, n: number): void {
  if (d.length < n) throw new StanError(`${fn}: the argument has ${d.length} element${d.length === 1 ? '' : 's'}, needs at least ${n}.`);
}

// The sum of the nodes d divided by div (1 for sum, the count for mean), with edges 1 / div.
function sumOver(T: Tape, d: ArrayLike<number>, div: number): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += T.val[d[i]];
  const k = T.node(s / div), w = 1 / div;
  T.reserveEdges(d.length);
  for (let i = 0; i < d.length; i++) T.edge(k, d[i], w);
  return k;
}

export function sumG(T: Tape, x: unknown): number {
  return sumOver(T, nodesOf(x), 1);
}

export function meanG(T: Tape, x: unknown): number {
  const d = nodesOf(x);
  atLeast('mean', d, 1);
  return sumOver(T, d, d.length);
}

// d/dx_i prod = product of the others (prefix and suffix products, so zeros are exact).
export function prodG(T: Tape, x: unknown): number {
  const d = nodesOf(x);
  const n = d.length;
  const suffix = new Float64Array(n + 1);
  suffix[n] = 1;
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] * T.val[d[i]];
  const k = T.node(suffix[0]);
  let prefix = 1;
  for (let i = 0; i < n; i++) {
    T.edge(k, d[i], prefix * suffix[i + 1]);
    prefix *= T.val[d[i]];
  }
  return k;
}

// Sample variance (divisor n - 1); with sd: its square root.
function spread(T: Tape, x: unknown, fn: 'variance' | 'sd'): number {
  const d = nodesOf(x);
  atLeast(fn, d, 2);
  const n = d.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += T.val[d[i]];
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (T.val[d[i]] - m) ** 2;
  const v = ss / (n - 1);
  const value = fn === 'variance' ? v : Math.sqrt(v);
  // d var/dx_i = 2 (x_i - m)/(n - 1); d sd/dx_i = (x_i - m)/((n - 1) sd)
  const f = fn === 'variance' ? 2 / (n - 1) : value > 0 ? 1 / ((n - 1) * value) : 0;
  const k = T.node(value);
  T.reserveEdges(n);
  for (let i = 0; i < n; i++) T.edge(k, d[i], f * (T.val[d[i]] - m));
  return k;
}
export const varianceG = (T: Tape, x: unknown): number => spread(T, x, 'variance');
export const sdG = (T: Tape, x: unknown): number => spread(T, x, 'sd');

// The first largest (smallest) element's node; -Infinity (Infinity) for no elements, as the value form.
export function maxG(T: Tape, x: unknown): number {
  return select(T, x, 1);
}
export function minG(T: Tape, x: unknown): number {
  return select(T, x, -1);
}
function select(T: Tape, x: unknown, dir: number): number {
  const d = nodesOf(x);
  if (d.length === 0) return T.c(-dir * Infinity);
  let best = 0;
  for (let i = 1; i < d.length; i++) if (dir * (T.val[d[i]] - T.val[d[best]]) > 0) best = i;
  return d[best];
}

export function logSumExpG(T: Tape, x: unknown): number {
  const d = nodesOf(x);
  let mx = -Infinity;
  for (let i = 0; i < d.length; i++) mx = Math.max(mx, T.val[d[i]]);
  if (mx === -Infinity || mx === Infinity) return T.c(mx);
  let s = 0;
  for (let i = 0; i < d.length; i++) s += Math.exp(T.val[d[i]] - mx);
  const k = T.node(mx + Math.log(s));
  T.reserveEdges(d.length);
  for (let i = 0; i < d.length; i++) T.edge(k, d[i], Math.exp(T.val[d[i]] - mx) / s);
  return k;
}

// squared_distance / distance of two vectors; mask bit 0: a holds nodes, bit 1: b does.
export function squaredDistanceG(T: Tape, a: ArrayLike<number>, b: ArrayLike<number>, mask: number, root: boolean): number {
  const fn = root ? 'distance' : 'squared_distance';
  if (a.length !== b.length) throw new StanError(`${fn}: size mismatch (${a.length} and ${b.length}).`);
  const adA = (mask & 1) !== 0, adB = (mask & 2) !== 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += ((adA ? T.val[a[i]] : a[i]) - (adB ? T.val[b[i]] : b[i])) ** 2;
  const value = root ? Math.sqrt(s) : s;
  // d s/da_i = 2 (a_i - b_i); d sqrt(s)/da_i = (a_i - b_i)/sqrt(s)
  const f = root ? (value > 0 ? 1 / value : 0) : 2;
  const k = T.node(value);
  for (let i = 0; i < a.length; i++) {
    const diff = (adA ? T.val[a[i]] : a[i]) - (adB ? T.val[b[i]] : b[i]);
    if (adA) T.edge(k, a[i], f * diff);
    if (adB) T.edge(k, b[i], -f * diff);
  }
  return k;
}
