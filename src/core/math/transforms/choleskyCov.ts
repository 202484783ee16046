// cholesky_factor_cov[M, N] (M >= N): row by row, the strictly lower entries free and the diagonal
// exp of a free coordinate; rows below N are all free. N(N+1)/2 + (M-N)N coordinates.
// Output column-major: x[j*M + i] = L[i, j].
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';

export function choleskyCovSize(M: number, N: number): number {
  return (N * (N + 1)) / 2 + (M - N) * N;
}

export function choleskyCovConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, M: number, N: number, x: Writable): number {
  let lj = ops.c(0);
  const zero = ops.c(0);
  let pos = off;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      if (j < i || i >= N) x[j * M + i] = y[pos++];
      else if (j === i) {
        lj = ops.add(lj, y[pos]);
        x[j * M + i] = ops.exp(y[pos++]);
      } else x[j * M + i] = zero;
    }
  }
  return lj;
}

export function choleskyCovUnconstrain(x: ArrayLike<number>, M: number, N: number, y: Writable, off: number): void {
  let pos = off;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N && (j <= i || i >= N); j++) {
      y[pos++] = j === i ? Math.log(x[j * M + i]) : x[j * M + i];
    }
  }
}
