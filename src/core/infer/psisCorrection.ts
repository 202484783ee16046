import { importanceResample, paretoKThreshold, psis } from '../diagnose';
import type { Rng } from './rng';
import type { PsisSummary } from './viResult';

/**
 * PSIS check of an approximation on its own draws: log ratios log p(θ) − log q(θ) → k-hat and
 * the sample-size threshold; when k-hat is below it, importance-resampled draws are offered as
 * the corrected approximation. Draws with non-finite log p get zero weight.
 */
export function psisCorrection(
  draws: Float64Array, dim: number, logP: Float64Array, logQ: Float64Array, rng: Rng,
): PsisSummary {
  const S = logP.length;
  const threshold = paretoKThreshold(S);
  const ratios = new Float64Array(S);
  let finite = 0;
  for (let s = 0; s < S; s++) {
    const r = logP[s] - logQ[s];
    ratios[s] = Number.isFinite(r) ? r : -Infinity;
    if (Number.isFinite(r)) finite++;
  }
  if (S < 2 || finite === 0) return { khat: NaN, threshold, nEff: NaN, usable: false };
  const res = psis(ratios);
  const khat = exactKhat(ratios, res.paretoK);
  const usable = Number.isFinite(khat) && khat < threshold;
  const summary: PsisSummary = { khat, threshold, nEff: res.nEff, usable };
  if (usable) {
    const idx = importanceResample(res.weights, S, () => rng.uniform());
    const out = new Float64Array(S * dim);
    for (let s = 0; s < S; s++) out.set(draws.subarray(idx[s] * dim, idx[s] * dim + dim), s * dim);
    summary.resampledDraws = out;
  }
  return summary;
}

/**
 * k-hat, except that log ratios constant up to rounding (q equal to p up to normalisation) get 0,
 * not the Infinity of "no tail to fit": the approximation is exact there.
 */
export function exactKhat(ratios: Float64Array, paretoK: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of ratios) {
    if (!Number.isFinite(r)) continue;
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return hi - lo <= 1e-8 * Math.max(1, Math.abs(hi)) ? 0 : paretoK;
}
