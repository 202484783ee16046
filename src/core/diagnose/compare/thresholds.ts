/**
 * The numbers at which the comparison raises a warning. Every rule reads its limit from here so a
 * user (vigil.compare.* settings, CLI flags) can tighten or loosen it.
 */
export interface CompareThresholds {
  /** sd_q / sd_ref below this: uncertainty underestimated. */
  sdRatioLow: number;
  /** sd_q / sd_ref above this: uncertainty overestimated. */
  sdRatioHigh: number;
  /** |(mean_q − mean_ref) / sd_ref| above this: the approximation misses the mean. */
  meanError: number;
  /** k̂ limit; null means the sample-size-dependent min(1 − 1/log10 S, 0.7). */
  khat: number | null;
  /** |ρ_ref| at or above this is a strong correlation a mean-field fit cannot represent. */
  strongCorrelation: number;
  /** |ρ_ref| − |ρ_q| (lost) or |ρ_q| − |ρ_ref| (invented) at or above this is reported. */
  lostCorrelation: number;
  /** Reference R̂ above this: the reference chains have not mixed. */
  referenceRhat: number;
  /** Reference bulk or tail ESS below this: the reference is too noisy to judge by. */
  referenceEss: number;
  /** corr(log scale, log spread of the group) at or above this is a funnel signature. */
  funnelCorrelation: number;
  /** Correlation matrices use at most this many names (those with the largest reference variance). */
  maxCorrelationNames: number;
  /** How many lost and invented pairs the joint report lists. */
  maxCorrelationPairs: number;
  /**
   * When the sampler did not report R̂/ESS, they are computed from the chains for at most this many
   * names (the first ones, in output order; ~10 ms per name for 4000 draws), and the summary says so.
   */
  maxHealthNames: number;
}

export const defaultCompareThresholds: Readonly<CompareThresholds> = Object.freeze({
  sdRatioLow: 0.8,
  sdRatioHigh: 1.25,
  meanError: 0.25,
  khat: null,
  strongCorrelation: 0.5,
  lostCorrelation: 0.3,
  referenceRhat: 1.01,
  referenceEss: 400,
  funnelCorrelation: 0.5,
  maxCorrelationNames: 200,
  maxCorrelationPairs: 10,
  maxHealthNames: 500,
});

/** Defaults overridden by whatever the caller sets (undefined entries keep the default). */
export function resolveThresholds(partial?: Partial<CompareThresholds>): CompareThresholds {
  const out: CompareThresholds = { ...defaultCompareThresholds };
  if (partial) {
    for (const key of Object.keys(partial) as (keyof CompareThresholds)[]) {
      const v = partial[key];
      if (v !== undefined) (out as unknown as Record<string, unknown>)[key] = v;
    }
  }
  return out;
}
