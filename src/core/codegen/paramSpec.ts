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

// One array element's constrained scalars (esize of them, Stan's element order) from y[off...] into
// dest; returns its log-Jacobian.
function fillElement(ops: ScalarOps, y: ArrayLike<number>, off: number, s: VarSpec, dest: Writable): number {
  const n = s.esize;
  let lj = ops.c(0);
  const K = s.baseSizes[0] ?? 1;
  switch (s.kind) {
    case 'none':
      for (let k = 0; k < n; k++) dest[k] = y[off + k];
      break;
    case 'lub':
    case 'offmul':
      for (let k = 0; k < n; k++) {
        dest[k] =
          s.kind === 'lub'
            ? lowerUpperConstrain(ops, y[off + k], bound(s.a, k), bound(s.b, k), slot)
            : offsetMultiplierConstrain(ops, y[off + k], bound(s.a, k), bound(s.b, k), slot);
        lj = ops.add(lj, slot.lj);
      }
      break;
    case 'simplex':
      lj = simplexConstrain(ops, y, off, K, dest);
      break;
    case 'sum_to_zero_vector':
      lj = sumToZeroConstrain(ops, y, off, K, dest);
      break;
    case 'ordered':
    case 'positive_ordered':
      lj = orderedConstrain(ops, y, off, K, dest, s.kind === 'positive_ordered');
      break;
    case 'unit_vector':
      lj = unitVectorConstrain(ops, y, off, K, dest);
      break;
    case 'cholesky_factor_corr':
      lj = choleskyCorrConstrain(ops, y, off, K, dest);
      break;
    case 'cholesky_factor_cov':
      lj = choleskyCovConstrain(ops, y, off, s.baseSizes[0], s.baseSizes[1], dest);
      break;
    case 'cov_matrix':
      lj = covMatrixConstrain(ops, y, off, K, dest);
      break;
    case 'corr_matrix':
      lj = corrMatrixConstrain(ops, y, off, K, dest);
      break;
    default:
      throw new StanError(`Parameters of type ${s.kind} are not yet supported.`);
  }
  return lj;
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
  let lj = 0;
  const v = nest(s, (k) => {
    const data = new Float64Array(s.esize);
    lj += fillElement(ops, y, off + k * s.eusize, s, data);
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
  for (let k = 0; k < s.count; k++) {
    const e = fillElement(ops, y, off + k * s.eusize, s, c.elements[k]);
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
  let pos = off;
  const K = s.baseSizes[0] ?? 1;
  const walk = (x: unknown, d: number): void => {
    if (d < s.arraySizes.length) {
      for (const e of x as unknown[]) walk(e, d + 1);
      return;
    }
    const e = elementsOf(x);
    switch (s.kind) {
      case 'none':
        for (let k = 0; k < s.esize; k++) y[pos + k] = e[k];
        break;
      case 'lub':
        for (let k = 0; k < s.esize; k++) y[pos + k] = lowerUpperUnconstrain(e[k], bound(s.a, k), bound(s.b, k));
        break;
      case 'offmul':
        for (let k = 0; k < s.esize; k++) y[pos + k] = offsetMultiplierUnconstrain(e[k], bound(s.a, k), bound(s.b, k));
        break;
      case 'simplex':
        simplexUnconstrain(e, K, y, pos);
        break;
      case 'sum_to_zero_vector':
        sumToZeroUnconstrain(e, K, y, pos);
        break;
      case 'ordered':
      case 'positive_ordered':
        orderedUnconstrain(e, K, y, pos, s.kind === 'positive_ordered');
        break;
      case 'unit_vector':
        unitVectorUnconstrain(e, K, y, pos);
        break;
      case 'cholesky_factor_corr':
        choleskyCorrUnconstrain(e, K, y, pos);
        break;
      case 'cholesky_factor_cov':
        choleskyCovUnconstrain(e, s.baseSizes[0], s.baseSizes[1], y, pos);
        break;
      case 'cov_matrix':
        covMatrixUnconstrain(e, K, y, pos);
        break;
      case 'corr_matrix':
        corrMatrixUnconstrain(e, K, y, pos);
        break;
      default:
        throw new StanError(`Parameters of type ${s.kind} are not yet supported.`);
    }
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
