// Univariate densities in generated code, over the math library's families (scalar kernels with
// partials). Each argument is a number or an array; in gradient code, arguments whose bit is set in
// `mask` hold tape nodes, and the whole vectorised call becomes ONE node with an edge per
// parameter-dependent element (scalar arguments get one summed edge).
import type { UnivariateFamily } from '../math/family';
import { clearMathError, formatMathError, mathError } from '../math/mathError';
import { logDiffExp } from '../math/special/logExp';
import { StanError } from './stanError';
import type { Tape } from './tape';

type Arg = number | ArrayLike<number>;

const scratch = new Float64Array(4);

function size1(fn: string, n: number, a: Arg): number {
  if (typeof a === 'number') return n;
  if (n === -1) return a.length;
  if (a.length !== n) throw new StanError(`${fn}: arguments have inconsistent sizes (${n} and ${a.length}).`);
  return n;
}

// The common length of the array arguments, or -1 when all are scalars.
function size(fn: string, a0: Arg, a1: Arg, a2: Arg, a3: Arg): number {
  return size1(fn, size1(fn, size1(fn, size1(fn, -1, a0), a1), a2), a3);
}

function argAt(j: number, a0: Arg, a1: Arg, a2: Arg, a3: Arg): Arg {
  return j === 0 ? a0 : j === 1 ? a1 : j === 2 ? a2 : a3;
}

const first = new Int32Array(4);

// An inline kernel found an invalid argument: let the library kernel say which, in Stan's words.
export function failAt(fam: UnivariateFamily, flags: number, a0: number, a1: number, a2: number, a3: number): never {
  clearMathError();
  fam.logDensity(flags, a0, a1, a2, a3);
  return failed(fam, fam.discrete ? 'lpmf' : 'lpdf');
}

export function fail(fam: UnivariateFamily, what: string): never {
  return failed(fam, what);
}

function failed(fam: UnivariateFamily, what: string): never {
  const msg = mathError.code !== 0 ? formatMathError() : `${fam.name}_${what}: the result is not a number.`;
  clearMathError();
  throw new StanError(msg);
}

// Value-only density (sum over elements).
export function distV(fam: UnivariateFamily, flags: number, a0: Arg, a1: Arg, a2: Arg, a3: Arg): number {
  if (typeof a0 === 'number' && typeof a1 === 'number' && typeof a2 === 'number' && typeof a3 === 'number') {
    const v = fam.logDensity(flags, a0, a1, a2, a3);
    if (v !== v) failed(fam, fam.discrete ? 'lpmf' : 'lpdf');
    return v;
  }
  const n = size(fam.name, a0, a1, a2, a3);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += fam.logDensity(
      flags,
      typeof a0 === 'number' ? a0 : a0[i],
      typeof a1 === 'number' ? a1 : a1[i],
      typeof a2 === 'number' ? a2 : a2[i],
      typeof a3 === 'number' ? a3 : a3[i],
    );
  }
  if (s !== s) failed(fam, fam.discrete ? 'lpmf' : 'lpdf');
  return s;
}

function at(T: Tape | null, a: Arg, ad: boolean, i: number): number {
  const x = typeof a === 'number' ? a : a[i];
  return ad && T ? T.val[x] : x;
}

// Gradient-code density: returns a tape node.
export function distG(T: Tape, fam: UnivariateFamily, flags: number, mask: number, a0: Arg, a1: Arg, a2: Arg, a3: Arg): number {
  const n = size(fam.name, a0, a1, a2, a3);
  const N = n === -1 ? 1 : n;
  const ad0 = (mask & 1) !== 0, ad1 = (mask & 2) !== 0, ad2 = (mask & 4) !== 0, ad3 = (mask & 8) !== 0;
  if (n === -1) {
    // All scalars: no loops, no allocation.
    const v = fam.logDensityWithPartials(scratch, flags, at(T, a0, ad0, 0), at(T, a1, ad1, 0), at(T, a2, ad2, 0), at(T, a3, ad3, 0));
    if (v !== v) failed(fam, fam.discrete ? 'lpmf' : 'lpdf');
    const k = T.node(v);
    if (ad0) T.edge(k, a0 as number, scratch[0]);
    if (ad1) T.edge(k, a1 as number, scratch[1]);
    if (ad2) T.edge(k, a2 as number, scratch[2]);
    if (ad3) T.edge(k, a3 as number, scratch[3]);
    return k;
  }
  const k = T.node(0);
  // Edges: one per element of a vector argument, one (summed) per scalar argument.
  const edge0 = T.m;
  let nEdges = 0;
  for (let j = 0; j < 4; j++) {
    if ((mask & (1 << j)) === 0) continue;
    first[j] = edge0 + nEdges;
    const a = argAt(j, a0, a1, a2, a3);
    nEdges += typeof a === 'number' ? 1 : N;
  }
  T.reserveEdges(nEdges);
  for (let j = 0; j < 4; j++) {
    if ((mask & (1 << j)) === 0) continue;
    const a = argAt(j, a0, a1, a2, a3);
    const cnt = typeof a === 'number' ? 1 : N;
    for (let e = 0; e < cnt; e++) {
      const pos = first[j] + e;
      T.ec[pos] = k;
      T.ep[pos] = typeof a === 'number' ? a : a[e];
      T.ew[pos] = 0;
    }
  }
  T.m = edge0 + nEdges;
  let s = 0;
  const ew = T.ew;
  for (let i = 0; i < N; i++) {
    s += fam.logDensityWithPartials(scratch, flags, at(T, a0, ad0, i), at(T, a1, ad1, i), at(T, a2, ad2, i), at(T, a3, ad3, i));
    if (ad0) ew[first[0] + (typeof a0 === 'number' ? 0 : i)] += scratch[0];
    if (ad1) ew[first[1] + (typeof a1 === 'number' ? 0 : i)] += scratch[1];
    if (ad2) ew[first[2] + (typeof a2 === 'number' ? 0 : i)] += scratch[2];
    if (ad3) ew[first[3] + (typeof a3 === 'number' ? 0 : i)] += scratch[3];
  }
  if (s !== s) failed(fam, fam.discrete ? 'lpmf' : 'lpdf');
  T.val[k] = s;
  return k;
}

// Scalar log cdf / log ccdf (truncation and explicit calls), value only.
export function cdfV(fam: UnivariateFamily, upper: boolean, a0: number, a1: number, a2: number, a3: number): number {
  const f = upper ? fam.lccdf : fam.lcdf;
  if (!f) throw new StanError(`${fam.name}_${upper ? 'lccdf' : 'lcdf'} is not available.`);
  const v = f(a0, a1, a2, a3);
  if (v !== v) failed(fam, upper ? 'lccdf' : 'lcdf');
  return v;
}

export function cdfG(T: Tape, fam: UnivariateFamily, upper: boolean, mask: number, a0: number, a1: number, a2: number, a3: number): number {
  const f = upper ? fam.lccdfWithPartials : fam.lcdfWithPartials;
  if (!f) throw new StanError(`${fam.name}_${upper ? 'lccdf' : 'lcdf'} is not available.`);
  const v = f(scratch, at(T, a0, (mask & 1) !== 0, 0), at(T, a1, (mask & 2) !== 0, 0), at(T, a2, (mask & 4) !== 0, 0), at(T, a3, (mask & 8) !== 0, 0));
  if (v !== v) failed(fam, upper ? 'lccdf' : 'lcdf');
  const k = T.node(v);
  for (let j = 0; j < 4; j++) if ((mask & (1 << j)) !== 0) T.edge(k, argAt(j, a0, a1, a2, a3) as number, scratch[j]);
  return k;
}

// log(F(hi) - F(lo)) from the two log cdfs (value only; gradient code composes tape operations).
export function logDiffExpV(a: number, b: number): number {
  return logDiffExp(a, b);
}

// Vectorised log cdf / log ccdf: the sum over elements (value code).
export function cdfVecV(fam: UnivariateFamily, upper: boolean, a0: Arg, a1: Arg, a2: Arg, a3: Arg): number {
  const f = upper ? fam.lccdf : fam.lcdf;
  if (!f) throw new StanError(`${fam.name}_${upper ? 'lccdf' : 'lcdf'} is not available.`);
  const n = size(fam.name, a0, a1, a2, a3);
  let s = 0;
  for (let i = 0; i < (n === -1 ? 1 : n); i++) s += f(at(null, a0, false, i), at(null, a1, false, i), at(null, a2, false, i), at(null, a3, false, i));
  if (s !== s) failed(fam, upper ? 'lccdf' : 'lcdf');
  return s;
}

// Vectorised log cdf / log ccdf in gradient code: one node, an edge per parameter-dependent element.
export function cdfVecG(T: Tape, fam: UnivariateFamily, upper: boolean, mask: number, a0: Arg, a1: Arg, a2: Arg, a3: Arg): number {
  const f = upper ? fam.lccdfWithPartials : fam.lcdfWithPartials;
  if (!f) throw new StanError(`${fam.name}_${upper ? 'lccdf' : 'lcdf'} is not available.`);
  const n = size(fam.name, a0, a1, a2, a3);
  const N = n === -1 ? 1 : n;
  const k = T.node(0);
  let s = 0;
  for (let i = 0; i < N; i++) {
    s += f(scratch, at(T, a0, (mask & 1) !== 0, i), at(T, a1, (mask & 2) !== 0, i), at(T, a2, (mask & 4) !== 0, i), at(T, a3, (mask & 8) !== 0, i));
    for (let j = 0; j < 4; j++) {
      if ((mask & (1 << j)) === 0) continue;
      const a = argAt(j, a0, a1, a2, a3);
      T.edge(k, typeof a === 'number' ? a : a[i], scratch[j]);
    }
  }
  if (s !== s) failed(fam, upper ? 'lccdf' : 'lcdf');
  T.val[k] = s;
  return k;
}
