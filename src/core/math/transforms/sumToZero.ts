// sum_to_zero_vector[K]: Stan's isometric transform (Stan 2.36+), K - 1 unconstrained coordinates.
// Going down i = N..1 (N = K - 1), w_i = y_i / sqrt(i (i + 1)) adds the running sum of the w's to
// x[i - 1] and -i w_i to x[i], so the x's sum to zero; the map is linear with orthonormal columns, so
// it adds no log-Jacobian.
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';

// Reads y[off .. off+K-2], writes x[0 .. K-1]; returns log|J| (zero).
export function sumToZeroConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable): number {
  const N = K - 1;
  for (let k = 0; k < K; k++) x[k] = ops.c(0);
  let sum = ops.c(0);
  for (let i = N; i > 0; i--) {
    const w = ops.mulc(y[off + i - 1], 1 / Math.sqrt(i * (i + 1)));
    sum = ops.add(sum, w);
    x[i - 1] = ops.add(x[i - 1], sum);
    x[i] = ops.sub(x[i], ops.mulc(w, i));
  }
  return ops.c(0);
}

// The inverse: x[N] = -N w_N; x[j] = (w_{j+1} + ... + w_N) - j w_j for 1 <= j < N.
export function sumToZeroUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number): void {
  const N = K - 1;
  if (N < 1) return;
  let tail = 0; // w_{j+1} + ... + w_N
  for (let j = N; j >= 1; j--) {
    const w = j === N ? -x[N] / N : (tail - x[j]) / j;
    y[off + j - 1] = w * Math.sqrt(j * (j + 1));
    tail += w;
  }
}
