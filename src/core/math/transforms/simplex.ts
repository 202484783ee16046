// simplex[K]: Stan's stick-breaking transform (Stan <= 2.35, the one rstan 2.21 uses), K - 1
// unconstrained coordinates. Stan 2.36+ switched to an isometric log-ratio transform; we keep
// stick-breaking so that unconstrained points exchange with rstan's log_prob.
import type { ScalarOps } from './scalarOps';
import { logit } from '../special/logistic';

export interface Writable {
  [i: number]: number;
}

// Reads y[off .. off+K-2], writes x[0 .. K-1]; returns log|J|.
export function simplexConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable): number {
  const N = K - 1;
  let stick = ops.c(1);
  let lj = ops.c(0);
  for (let k = 0; k < N; k++) {
    const adjY = ops.addc(y[off + k], -Math.log(N - k));
    const z = ops.inv_logit(adjY);
    const xk = ops.mul(stick, z);
    x[k] = xk;
    // log stick + log z + log(1 - z)
    lj = ops.add(lj, ops.log(stick));
    lj = ops.sub(lj, ops.add(ops.log1p_exp(ops.neg(adjY)), ops.log1p_exp(adjY)));
    stick = ops.sub(stick, xk);
  }
  x[N] = stick;
  return lj;
}

export function simplexUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number): void {
  const N = K - 1;
  let stick = 1;
  for (let k = 0; k < N; k++) {
    y[off + k] = logit(x[k] / stick) + Math.log(N - k);
    stick -= x[k];
  }
}
