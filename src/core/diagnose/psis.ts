import { gpdfit, gpdQuantile } from './gpdfit';
import { logSumExp } from './moments';

export interface PsisResult {
  /** Smoothed log weights before normalisation (loo's psis()$log_weights). */
  logWeights: Float64Array;
  /** Smoothed log weights normalised to log-sum-exp 0 (loo's weights(psis, log = TRUE)). */
  normalizedLogWeights: Float64Array;
  /** Normalised weights on the natural scale (sum 1). */
  weights: Float64Array;
  /** Pareto k-hat of the tail (Infinity when the tail is too short or constant). */
  paretoK: number;
  /** Number of draws in the fitted tail. */
  tailLength: number;
  /** PSIS effective sample size, 1 / sum(w^2) times r_eff (loo's n_eff). */
  nEff: number;
  /** log of the sum of the unnormalised smoothed weights. */
  normConstLog: number;
  /** Why smoothing was skipped, when it was. */
  warning?: string;
}

/** loo's n_pareto: M = ceiling(min(0.2 S, 3 sqrt(S / r_eff))). */
export function paretoTailLength(S: number, rEff = 1): number {
  return Math.ceil(Math.min(0.2 * S, 3 * Math.sqrt(S / rEff)));
}

/**
 * Pareto-smoothed importance sampling of one vector of log importance ratios, as loo 2.5.1's
 * psis(): the largest M ratios are replaced by expected order statistics of a generalized
 * Pareto fitted to them (gpdfit with its weakly informative prior), then truncated at the
 * largest raw ratio. Fewer than 5 tail draws: no smoothing and k-hat = Infinity.
 * Log ratios may be -Infinity (zero weight); a NaN or +Infinity ratio makes every output NaN.
 */
export function psis(logRatios: Float64Array, rEff = 1): PsisResult {
  const S = logRatios.length;
  const tailLength = paretoTailLength(S, rEff);
  if (logRatios.some((v) => Number.isNaN(v) || v === Infinity)) {
    const nan = new Float64Array(S).fill(NaN);
    return {
      logWeights: nan, normalizedLogWeights: nan.slice(), weights: nan.slice(), paretoK: NaN,
      tailLength, nEff: NaN, normConstLog: NaN, warning: 'log importance ratios contain NaN or +Inf',
    };
  }
  let maxLr = -Infinity;
  for (let i = 0; i < S; i++) if (logRatios[i] > maxLr) maxLr = logRatios[i];
  const lw = logRatios.map((v) => v - maxLr);
  let paretoK = Infinity;
  let warning: string | undefined;
  if (tailLength >= 5) {
    // stable ascending order, like R's radix sort with index.return
    const order = Array.from({ length: S }, (_, i) => i).sort((a, b) => lw[a] - lw[b]);
    const first = S - tailLength;
    const tail = new Float64Array(tailLength);
    for (let i = 0; i < tailLength; i++) tail[i] = lw[order[first + i]];
    if (Math.abs(tail[tailLength - 1] - tail[0]) < Number.EPSILON / 100) {
      warning = "Can't fit generalized Pareto distribution because all tail values are the same.";
    } else {
      const cutoff = lw[order[first - 1]];
      const smoothed = smoothTail(tail, cutoff);
      paretoK = smoothed.k;
      for (let i = 0; i < tailLength; i++) lw[order[first + i]] = smoothed.tail[i];
    }
  } else {
    warning = 'Not enough tail samples to fit the generalized Pareto distribution.';
  }
  for (let i = 0; i < S; i++) {
    if (lw[i] > 0) lw[i] = 0; // truncate at the largest raw ratio
    lw[i] += maxLr;
  }
  const normConstLog = logSumExp(lw);
  const normalizedLogWeights = lw.map((v) => v - normConstLog);
  const weights = normalizedLogWeights.map(Math.exp);
  let ss = 0;
  for (let i = 0; i < S; i++) ss += weights[i] * weights[i];
  const result: PsisResult = {
    logWeights: lw, normalizedLogWeights, weights, paretoK, tailLength,
    nEff: (1 / ss) * rEff, normConstLog,
  };
  if (warning !== undefined) result.warning = warning;
  return result;
}

/** Replace an ascending tail of log weights by fitted generalized Pareto quantiles. */
function smoothTail(x: Float64Array, cutoff: number): { tail: Float64Array; k: number } {
  const len = x.length;
  const expCutoff = Math.exp(cutoff);
  const { k, sigma } = gpdfit(x.map((v) => Math.exp(v) - expCutoff), { sortX: false });
  if (!Number.isFinite(k)) return { tail: x, k };
  const tail = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    tail[i] = Math.log(gpdQuantile((i + 1 - 0.5) / len, k, sigma) + expCutoff);
  }
  return { tail, k };
}
