// Declared variables at run time: sizes evaluated, constraint, unconstrained size. Reads parameters from
// the unconstrained vector (Stan's order: array elements row-major, each element's own layout), checks
// constraints, and unconstrains. The log-Jacobian of the last `read` is left in `jacobian.lj`.
import { choleskyCorrConstrain, choleskyCorrUnconstrain } from '../math/transforms/choleskyCorr';
import { choleskyCovConstrain, choleskyCovSize, choleskyCovUnconstrain } from '../math/transforms/choleskyCov';
import { corrMatrixConstrain, corrMatrixUnconstrain } from '../math/transforms/corrMatrix';
import { covMatrixConstrain, covMatrixUnconstrain } from '../math/transforms/covMatrix';
import { orderedConstrain, orderedUnconstrain } from '../math/transforms/ordered';
import { type ScalarOps, numberOps } from '../math/transforms/scalarOps';
import { simplexConstrain, simplexUnconstrain, type Writable } from '../math/transforms/simplex';
import { sumToZeroConstrain, sumToZeroUnconstrain } from '../math/transforms/sumToZero';
import { unitVectorConstrain, unitVectorUnconstrain } from '../math/transforms/unitVector';
import {
  type JacSlot,
  lowerUpperConstrain,
  lowerUpperConstrainOps,
  lowerUpperUnconstrain,
  offsetMultiplierConstrain,
  offsetMultiplierConstrainOps,
  offsetMultiplierUnconstrain,
} from '../math/transforms/bounds';
import { Mat } from './mat';
import { StanError } from './stanError';
import { Tape } from './tape';

export interface VarSpec {
  name: string;
  base: 'int' | 'real' | 'vector' | 'row_vector' | 'matrix';
  arraySizes: number[];
  baseSizes: number[];
  kind: string; // 'none' | 'lub' | 'offmul' | 'simplex' | ...
  a: number | ArrayLike<number>; // lower / offset
  b: number | ArrayLike<number>; // upper / multiplier
  count: number; // number of array elements
  esize: number; // constrained scalars per array element
  eusize: number; // unconstrained scalars per array element
  usize: number; // total unconstrained size
}

export function spec(name: string, base: VarSpec['base'], arraySizes: number[], baseSizes: number[], bounds: { kind: string; a: number; b: number }): VarSpec {
  const esize = base === 'vector' || base === 'row_vector' ? baseSizes[0] : base === 'matrix' ? baseSizes[0] * baseSizes[1] : 1;
  const K = baseSizes[0] ?? 1;
  const eusize: Record<string, number> = {
    simplex: K - 1,
    sum_to_zero_vector: K - 1,
    cholesky_factor_corr: (K * (K - 1)) / 2,
    corr_matrix: (K * (K - 1)) / 2,
    cov_matrix: (K * (K + 1)) / 2,
    cholesky_factor_cov: choleskyCovSize(baseSizes[0], baseSizes[1] ?? baseSizes[0]),
  };
  if (bounds.kind === 'sum_to_zero_vector' && K < 1) throw new StanError(`'${name}': a sum_to_zero_vector needs at least 1 element.`);
  if (bounds.kind === 'simplex' && K < 1) throw new StanError(`'${name}': a simplex needs at least 1 element.`);
  const count = arraySizes.reduce((a, b) => a * b, 1);
  const eu = eusize[bounds.kind] ?? esize;
  return { name, base, arraySizes, baseSizes, kind: bounds.kind, a: bounds.a, b: bounds.b, count, esize, eusize: eu, usize: count * eu };
}

export const jacobian = { lj: 0 };
const slot: JacSlot = { lj: 0 };

function bound(x: number | ArrayLike<number>, k: number): number {
  return typeof x === 'number' ? x : x[k];
}

// How one array element of a constrained type maps between its unconstrained scalars (eusize of them)
// and its constrained ones (esize, Stan's element order): `constrain` fills x from y[off...] and
// returns the log-Jacobian; `unconstrain` writes the element x into y[off...]. K is the element's first
// size, which is all most transforms need. The transforms themselves stand in the table where their
// signatures allow, so the generated code's calls reach them without a wrapper.
interface ElementTransform {
  constrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable, s: VarSpec): number;
  unconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number, s: VarSpec): void;
}

// Scalars transformed one by one, with per-element bounds a and b (lower/upper or offset/multiplier).
function scalarwise(
  constrain: (ops: ScalarOps, y: number, a: number, b: number, jac: JacSlot) => number,
  unconstrain: (x: number, a: number, b: number) => number,
): ElementTransform {
  return {
    constrain(ops, y, off, _K, x, s) {
      let lj = ops.c(0);
      for (let k = 0; k < s.esize; k++) {
        x[k] = constrain(ops, y[off + k], bound(s.a, k), bound(s.b, k), slot);
        lj = ops.add(lj, slot.lj);
      }
      return lj;
    },
    unconstrain(x, _K, y, off, s) {
      for (let k = 0; k < s.esize; k++) y[off + k] = unconstrain(x[k], bound(s.a, k), bound(s.b, k));
    },
  };
}

const elementTransforms: Record<string, ElementTransform> = {
  none: {
    constrain(ops, y, off, _K, x, s) {
      for (let k = 0; k < s.esize; k++) x[k] = y[off + k];
      return ops.c(0);
    },
    unconstrain(x, _K, y, off, s) {
      for (let k = 0; k < s.esize; k++) y[off + k] = x[k];
    },
  },
  lub: scalarwise(lowerUpperConstrain, lowerUpperUnconstrain),
  offmul: scalarwise(offsetMultiplierConstrain, offsetMultiplierUnconstrain),
  simplex: { constrain: simplexConstrain, unconstrain: simplexUnconstrain },
  sum_to_zero_vector: { constrain: sumToZeroConstrain, unconstrain: sumToZeroUnconstrain },
  ordered: {
    constrain: (ops, y, off, K, x) => orderedConstrain(ops, y, off, K, x, false),
    unconstrain: (x, K, y, off) => orderedUnconstrain(x, K, y, off, false),
  },
  positive_ordered: {
    constrain: (ops, y, off, K, x) => orderedConstrain(ops, y, off, K, x, true),
    unconstrain: (x, K, y, off) => orderedUnconstrain(x, K, y, off, true),
  },
  unit_vector: { constrain: unitVectorConstrain, unconstrain: unitVectorUnconstrain },
  cholesky_factor_corr: { constrain: choleskyCorrConstrain, unconstrain: choleskyCorrUnconstrain },
  corr_matrix: { constrain: corrMatrixConstrain, unconstrain: corrMatrixUnconstrain },
  cov_matrix: { constrain: covMatrixConstrain, unconstrain: covMatrixUnconstrain },
  cholesky_factor_cov: {
    constrain: (ops, y, off, _K, x, s) => choleskyCovConstrain(ops, y, off, s.baseSizes[0], s.baseSizes[1], x),
    unconstrain: (x, _K, y, off, s) => choleskyCovUnconstrain(x, s.baseSizes[0], s.baseSizes[1], y, off),
  },
};

function transformOf(s: VarSpec): ElementTransform {
  const t = Object.hasOwn(elementTransforms, s.kind) ? elementTransforms[s.kind] : undefined;
  if (!t) throw new StanError(`Parameters of type ${s.kind} are not yet supported.`);
  return t;
}

// One array element (a scalar, vector or matrix) over `data` (esize scalars).
function elementOver(s: VarSpec, data: Float64Array | Int32Array): unknown {
  if (s.base === 'real' || s.base === 'int') return data[0];
  return s.base === 'matrix' ? new Mat(s.baseSizes[0], s.baseSizes[1], data) : data;
}

// A whole declared parameter (arrays of elements, row-major), its elements made by `element(k)`.
function nest(s: VarSpec, element: (k: number) => unknown): unknown {
  let k = 0;
  const build = (d: number): unknown => (d === s.arraySizes.length ? element(k++) : Array.from({ length: s.arraySizes[d] }, () => build(d + 1)));
  return build(0);
}

// A whole declared parameter (arrays of elements, row-major). Value code gets fresh containers (the
// written draws keep them); gradient code gets the containers of its previous evaluation refilled.
export function read(ops: ScalarOps, y: ArrayLike<number>, off: number, s: VarSpec): unknown {
  if (ops !== numberOps) return readOnTape(ops, y, off, s);
  const t = transformOf(s);
  let lj = 0;
  const v = nest(s, (k) => {
    const data = new Float64Array(s.esize);
    lj += t.constrain(ops, y, off + k * s.eusize, s.baseSizes[0] ?? 1, data, s);
    return elementOver(s, data);
  });
  jacobian.lj = lj;
  return v;
}

// Gradient code's parameter containers, kept per declaration between evaluations: generated code never
// writes into a parameter and keeps no container past an evaluation, so refilling them is safe. Plain
// ('none') parameters are the unconstrained nodes themselves: their containers never change.
interface TapeContainers {
  y: ArrayLike<number>;
  off: number;
  elements: Int32Array[]; // one per array element, views of one buffer
  value: unknown;
  scalarArrays: boolean; // arrays of reals: the nested arrays hold the node indices themselves
}
const tapeContainers = new WeakMap<VarSpec, TapeContainers>();

// The containers of `s` read from y[off...], made on first use (lastFresh says whether just made).
let lastFresh = false;
function containersOf(y: ArrayLike<number>, off: number, s: VarSpec): TapeContainers {
  const c = tapeContainers.get(s);
  lastFresh = !(c && c.y === y && c.off === off);
  if (!lastFresh) return c!;
  const flat = new Int32Array(s.count * s.esize);
  const elements = Array.from({ length: s.count }, (_, k) => flat.subarray(k * s.esize, (k + 1) * s.esize));
  const made: TapeContainers = { y, off, elements, value: null, scalarArrays: s.base === 'real' || s.base === 'int' };
  made.value = nest(s, (k) => elementOver(s, elements[k]));
  tapeContainers.set(s, made);
  return made;
}

// Arrays of reals hold their scalars directly: write the refilled elements back into the nested arrays.
function refreshScalars(c: TapeContainers, s: VarSpec): void {
  let k = 0;
  const walk = (x: unknown[], d: number): void => {
    for (let i = 0; i < x.length; i++) {
      if (d + 1 === s.arraySizes.length) x[i] = c.elements[k++][0];
      else walk(x[i] as unknown[], d + 1);
    }
  };
  if (s.arraySizes.length > 0) walk(c.value as unknown[], 0);
  else c.value = c.elements[0][0];
}

function readOnTape(ops: ScalarOps, y: ArrayLike<number>, off: number, s: VarSpec): unknown {
  const c = containersOf(y, off, s);
  if (s.kind === 'none' && !lastFresh) {
    jacobian.lj = ops.c(0);
    return c.value;
  }
  let lj = ops.c(0);
  const t = transformOf(s), K = s.baseSizes[0] ?? 1;
  for (let k = 0; k < s.count; k++) {
    const e = t.constrain(ops, y, off + k * s.eusize, K, c.elements[k], s);
    lj = k === 0 ? e : ops.add(lj, e);
  }
  if (c.scalarArrays) refreshScalars(c, s);
  jacobian.lj = lj;
  return c.value;
}

// Flat bound values: a scalar, or a container laid out like the parameter (arrays flattened row-major).
function flatBound(x: unknown): number | ArrayLike<number> {
  if (typeof x === 'number') return x;
  if (x instanceof Mat) return x.data;
  if (x instanceof Float64Array || x instanceof Int32Array) return x;
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'number') out.push(v);
    else if (v instanceof Mat) for (const e of v.data) out.push(e);
    else for (const e of Array.from(v as ArrayLike<unknown>)) walk(e);
  };
  walk(x);
  return out;
}

// A parameter whose bounds depend on other parameters: the bounds are ScalarOps values (or containers
// of them) evaluated in the calling code; `infA`/`infB` say a bound is absent (infinite). A scalar
// multiplier's log is taken once for all elements, as Stan does.
// offset + multiplier * u as one tape node with its three partials (ScalarOps would make two nodes).
function offsetMultiplierNode(T: Tape, u: number, offset: number, mult: number): number {
  const val = T.val, uv = val[u], mv = val[mult];
  const k = T.node(val[offset] + mv * uv);
  T.edge(k, offset, 1);
  T.edge(k, mult, uv);
  T.edge(k, u, mv);
  return k;
}

export function readDyn(ops: ScalarOps, y: ArrayLike<number>, off: number, s: VarSpec, a: unknown, b: unknown, infA: boolean, infB: boolean): unknown {
  const fa = flatBound(a), fb = flatBound(b);
  const onTape = ops !== numberOps;
  const c = onTape ? containersOf(y, off, s) : null;
  const elements = c ? c.elements : Array.from({ length: s.count }, () => new Float64Array(s.esize));
  const total = s.count * s.esize;
  const sharedLogMult = s.kind !== 'lub' && typeof fb === 'number' && total > 0;
  let lj = sharedLogMult ? ops.mulc(ops.log(fb), total) : ops.c(0);
  let k = 0;
  for (let e = 0; e < s.count; e++) {
    const dest = elements[e];
    for (let i = 0; i < s.esize; i++, k++) {
      const ak = typeof fa === 'number' ? fa : fa[k % fa.length];
      const bk = typeof fb === 'number' ? fb : fb[k % fb.length];
      if (sharedLogMult) {
        dest[i] = ops instanceof Tape ? offsetMultiplierNode(ops, y[off + k], ak, bk) : ops.add(ak, ops.mul(bk, y[off + k]));
        continue;
      }
      dest[i] =
        s.kind === 'lub'
          ? lowerUpperConstrainOps(ops, y[off + k], infA ? null : ak, infB ? null : bk, slot)
          : offsetMultiplierConstrainOps(ops, y[off + k], ak, bk, slot);
      lj = ops.add(lj, slot.lj);
    }
  }
  jacobian.lj = lj;
  if (!c) return nest(s, (e) => elementOver(s, elements[e]));
  if (c.scalarArrays) refreshScalars(c, s);
  return c.value;
}

function elementsOf(v: unknown): ArrayLike<number> {
  return v instanceof Mat ? v.data : typeof v === 'number' ? [v] : (v as ArrayLike<number>);
}

// Unconstrain one value of this spec into y[off...].
export function unconstrain(v: unknown, s: VarSpec, y: Float64Array, off: number): void {
  const t = transformOf(s), K = s.baseSizes[0] ?? 1;
  let pos = off;
  const walk = (x: unknown, d: number): void => {
    if (d < s.arraySizes.length) {
      for (const e of x as unknown[]) walk(e, d + 1);
      return;
    }
    t.unconstrain(elementsOf(x), K, y, pos, s);
    pos += s.eusize;
  };
  walk(v, 0);
}

// Check a value against its declared bounds (transformed parameters, generated quantities, data).
// The spec with bounds evaluated (for unconstraining a parameter whose bounds depend on parameters).
export function withBounds(s: VarSpec, a: unknown, b: unknown): VarSpec {
  return { ...s, a: flatBound(a), b: flatBound(b) };
}

export function check(v: unknown, s: VarSpec): void {
  if (s.kind !== 'lub') return;
  let idx = 0;
  const walk = (x: unknown, d: number): void => {
    if (d < s.arraySizes.length) {
      for (const e of x as unknown[]) walk(e, d + 1);
      return;
    }
    const e = elementsOf(x);
    for (let k = 0; k < e.length; k++, idx++) {
      const lb = bound(s.a, k), ub = bound(s.b, k);
      if (e[k] < lb) throw new StanError(`'${s.name}' element ${idx + 1} is ${e[k]}, but must be greater than or equal to ${lb}.`);
      if (e[k] > ub) throw new StanError(`'${s.name}' element ${idx + 1} is ${e[k]}, but must be less than or equal to ${ub}.`);
    }
  };
  walk(v, 0);
}
