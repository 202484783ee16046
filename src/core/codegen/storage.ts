// The storage of vectors and matrix data in generated code: Float64Array for numbers, Int32Array for
// tape node indices (gradient code). One place decides, for code written over ScalarOps (numberOps
// means numbers, anything else the tape) and for code that only moves elements (storage like its input).
import { numberOps, type ScalarOps } from '../math/transforms/scalarOps';
import { Mat } from './mat';

export type Vec = Float64Array | Int32Array;

/** The values or nodes xs, computed over ops, in ops' storage. */
export function store(ops: ScalarOps, xs: ArrayLike<number>): Vec {
  return ops === numberOps ? Float64Array.from(xs) : Int32Array.from(xs);
}

/** n zeros in ops' storage, to be filled in place (no array to copy). */
export function storeOf(ops: ScalarOps, n: number): Vec {
  return ops === numberOps ? new Float64Array(n) : new Int32Array(n);
}

/** n zeros in the storage of x (a vector or a matrix; anything else counts as numbers). */
export function like(x: unknown, n: number): Vec {
  return x instanceof Int32Array || (x instanceof Mat && x.data instanceof Int32Array) ? new Int32Array(n) : new Float64Array(n);
}
