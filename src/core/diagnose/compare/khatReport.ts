import { paretoKThreshold } from '../paretoKThreshold';
import type { ApproximationInput } from './compareInput';
import type { KhatReport } from './compareReport';
import { fixed } from './format';
import type { CompareThresholds } from './thresholds';

/**
 * k̂ with its threshold and what it means. For a Gaussian approximation narrower than a Gaussian
 * target by a ratio r < 1 the importance ratios have a Pareto tail with k = 1 − r², so a k̂ in
 * (0, 1) translates back to r ≈ √(1 − k̂): the message quotes it to make the number concrete.
 */
export function khatReport(a: ApproximationInput, t: CompareThresholds): KhatReport {
  const first = Object.values(a.draws)[0];
  const S = a.khatDraws ?? (first ? first.length : 0);
  const threshold = a.khatThreshold ?? t.khat ?? (S > 10 ? paretoKThreshold(S) : 0.7);
  const k = a.khat ?? null;
  const limit = `${fixed(threshold)} (the threshold for ${S} draws)`;
  if (k === null || !Number.isFinite(k)) {
    return {
      khat: k === null || Number.isNaN(k) ? null : k, threshold, draws: S, verdict: 'unavailable',
      explanation: 'k̂ was not computed for this fit, so the tails of the approximation are not checked.',
    };
  }
  if (k <= threshold) {
    return {
      khat: k, threshold, draws: S, verdict: 'ok',
      explanation: `k̂ ${fixed(k)} ≤ ${limit}: the importance weights are reliable, so the approximation's tails are not too light.`,
    };
  }
  const explanation = k < 1
    ? `k̂ ${fixed(k)} > ${limit}: the approximation's tails are too light; for a Gaussian approximation too narrow by a ratio r, ` +
      `k ≈ 1 − r², which puts r near ${fixed(Math.sqrt(1 - Math.max(0, k)))}.`
    : `k̂ ${fixed(k)} > ${limit}: the importance ratios have no finite mean, so the approximation misses part of the posterior altogether ` +
      `(for a Gaussian approximation too narrow by a ratio r, k ≈ 1 − r², and k̂ ≥ 1 is beyond any such r).`;
  return { khat: k, threshold, draws: S, verdict: 'high', explanation };
}
