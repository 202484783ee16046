// cholesky_factor_corr[K]: K(K-1)/2 unconstrained coordinates, read row by row over the strictly lower
// triangle; z = tanh(y) are canonical partial correlations, each row scaled onto the unit sphere.
// Output is column-major (Stan's element order): x[j*K + i] = L[i, j].
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';

export function choleskyCorrConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable): number {
  let lj = ops.c(0);
  const zero = ops.c(0);
  for (let i = 0; i < K * K; i++) x[i] = zero;
  if (K === 0) return lj;
  x[0] = ops.c(1);
  let pos = off;
  for (let i = 1; i < K; i++) {
    const z0 = ops.tanh(y[pos++]);
    lj = ops.add(lj, ops.log1m(ops.square(z0))); // d tanh
    x[i] = z0;
    let sumSq = ops.square(z0);
    for (let j = 1; j < i; j++) {
      const z = ops.tanh(y[pos++]);
      lj = ops.add(lj, ops.log1m(ops.square(z)));
      const rest = ops.log1m(sumSq);
      lj = ops.add(lj, ops.mulc(rest, 0.5));
      const v = ops.mul(z, ops.sqrt(ops.addc(ops.neg(sumSq), 1)));
      x[j * K + i] = v;
      sumSq = ops.add(sumSq, ops.square(v));
    }
    x[i * K + i] = ops.sqrt(ops.addc(ops.neg(sumSq), 1));
  }
  return lj;
}

export function choleskyCorrUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number): void {
  let pos = off;
  for (let i = 1; i < K; i++) {
    y[pos++] = Math.atanh(x[i]);
    let sumSq = x[i] * x[i];
    for (let j = 1; j < i; j++) {
      const v = x[j * K + i];
      y[pos++] = Math.atanh(v / Math.sqrt(1 - sumSq));
      sumSq += v * v;
    }
  }
}
