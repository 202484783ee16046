// corr_matrix[K]: K(K-1)/2 canonical partial correlations z = tanh(y), read column by column (Stan's
// read_corr_L), give a Cholesky factor L; the result is L L'. log|J| as Stan: the tanh terms plus
// 0.5 * sum (K - j - 2) log(1 - z^2) over the partial correlations of column j (j from 0).
import type { ScalarOps } from './scalarOps';
import type { Writable } from './simplex';
import { choleskyLower, multiplyLowerSelfTranspose } from './covMatrix';

export function corrMatrixConstrain(ops: ScalarOps, y: ArrayLike<number>, off: number, K: number, x: Writable): number {
  let lj = ops.c(0);
  const L: number[] = new Array(K * K).fill(ops.c(0));
  if (K === 0) return lj;
  // acc[i] = 1 - sum of squares so far in row i
  const acc: number[] = new Array(K).fill(ops.c(1));
  let pos = off;
  for (let j = 0; j < K; j++) {
    L[j * K + j] = j === 0 ? ops.c(1) : ops.sqrt(acc[j]);
    for (let i = j + 1; i < K; i++) {
      const z = ops.tanh(y[pos++]);
      const oneMinus = ops.log1m(ops.square(z));
      lj = ops.add(lj, oneMinus);
      if (K - j - 2 > 0) lj = ops.add(lj, ops.mulc(oneMinus, 0.5 * (K - j - 2)));
      L[j * K + i] = j === 0 ? z : ops.mul(z, ops.sqrt(acc[i]));
      acc[i] = ops.mul(acc[i], ops.addc(ops.neg(ops.square(z)), 1));
    }
  }
  multiplyLowerSelfTranspose(ops, L, K, x);
  return lj;
}

export function corrMatrixUnconstrain(x: ArrayLike<number>, K: number, y: Writable, off: number): void {
  const L = choleskyLower(x, K);
  const acc = new Float64Array(K).fill(1);
  let pos = off;
  for (let j = 0; j < K; j++) {
    for (let i = j + 1; i < K; i++) {
      const z = j === 0 ? L[i] : L[j * K + i] / Math.sqrt(acc[i]);
      y[pos++] = Math.atanh(z);
      acc[i] *= 1 - z * z;
    }
  }
}
