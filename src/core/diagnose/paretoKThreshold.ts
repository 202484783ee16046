/**
 * Sample-size-dependent k-hat threshold (Vehtari et al. 2024, "Pareto smoothed importance
 * sampling"): above min(1 - 1/log10(S), 0.7) the PSIS estimate is unreliable for S draws.
 */
export function paretoKThreshold(S: number): number {
  return Math.min(1 - 1 / Math.log10(S), 0.7);
}
