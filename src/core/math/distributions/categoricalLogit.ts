import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkBounded, checkFinite } from '../check';
import { logSumExpArray } from '../special/logExp';

/**
 * categorical_logit_lpmf(y | beta) = sum_n beta[y_n] - log_sum_exp(beta). Flag bit 1 = beta
 * constant. d/dbeta ADDED into gBeta: counts - n * softmax(beta).
 */
export function categoricalLogitLpmf(gBeta: Float64Array | null, flags: number, y: number | ArrayLike<number>, beta: ArrayLike<number>): number {
  const fn = 'categorical_logit_lpmf';
  const K = beta.length;
  for (let k = 0; k < K; k++) if (!checkFinite(fn, 'log odds parameter', beta[k])) return NaN;
  const n = typeof y === 'number' ? 1 : y.length;
  for (let i = 0; i < n; i++) {
    const yi = typeof y === 'number' ? y : y[i];
    if (!(Number.isInteger(yi) && checkBounded(fn, 'categorical outcome out of support', yi, 1, K, `in the interval [1, ${K}]`))) return NaN;
  }
  if (!include(flags, 2) || n === 0) return 0;
  const lse = logSumExpArray(beta);
  let lp = -n * lse;
  for (let i = 0; i < n; i++) {
    const k = (typeof y === 'number' ? y : y[i]) - 1;
    lp += beta[k];
    if (gBeta !== null) gBeta[k] += 1;
  }
  if (gBeta !== null) for (let k = 0; k < K; k++) gBeta[k] -= n * Math.exp(beta[k] - lse);
  return lp;
}

/** categorical_logit_rng(beta): an outcome in 1..K. */
export function categoricalLogitRng(r: Rng, beta: ArrayLike<number>): number {
  for (let k = 0; k < beta.length; k++) if (!checkFinite('categorical_logit_rng', 'log odds parameter', beta[k])) return NaN;
  const lse = logSumExpArray(beta);
  const u = r.uniform();
  let c = 0;
  for (let k = 0; k < beta.length; k++) {
    c += Math.exp(beta[k] - lse);
    if (u < c) return k + 1;
  }
  return beta.length;
}
