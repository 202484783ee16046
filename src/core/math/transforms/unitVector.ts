// unit_vector[K]: x = y / |y| with K unconstrained coordinates; Stan adds -0.5 y'y to the log density so
// the radius has a proper distribution (not a true Jacobian: the map is not one-to-one).
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';

export function unitVectorConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable): number {
  let ss = ops.c(0);
  for (let k = 0; k < K; k++) ss = ops.add(ss, ops.square(y[off + k]));
  const r = ops.sqrt(ss);
  for (let k = 0; k < K; k++) x[k] = ops.div(y[off + k], r);
  return ops.mulc(ss, -0.5);
}

export function unitVectorUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number): void {
  for (let k = 0; k < K; k++) y[off + k] = x[k];
}
