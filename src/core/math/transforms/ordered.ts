// ordered[K] and positive_ordered[K]: first element free (or exp of it), then cumulative exp gaps.
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';

export function orderedConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable, positive: boolean): number {
  if (K === 0) return ops.c(0);
  let lj = positive ? y[off] : ops.c(0);
  let prev = positive ? ops.exp(y[off]) : y[off];
  x[0] = prev;
  for (let k = 1; k < K; k++) {
    prev = ops.add(prev, ops.exp(y[off + k]));
    x[k] = prev;
    lj = ops.add(lj, y[off + k]);
  }
  return lj;
}

export function orderedUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number, positive: boolean): void {
  if (K === 0) return;
  y[off] = positive ? Math.log(x[0]) : x[0];
  for (let k = 1; k < K; k++) y[off + k] = Math.log(x[k] - x[k - 1]);
}
