import { asChains, ChainsInput, flattenChains } from './draws';
import { essBulk, essTail } from './ess';
import { mcseMean } from './mcse';
import { mean, sd } from './moments';
import { mad, median, quantile } from './quantile';
import { rhat } from './rhat';

/** posterior::summarise_draws' defaults (plus q50 and mcseMean), in Vigil's names. */
export interface DrawsSummary {
  mean: number;
  median: number;
  sd: number;
  mad: number;
  q5: number;
  q50: number;
  q95: number;
  rhat: number;
  essBulk: number;
  essTail: number;
  mcseMean: number;
}

/**
 * Summary of one quantity's chains, as summarise_draws on a draws object (which splits 2- or
 * 3-draw chains differently from rhat() on a matrix; see splitChains). NaN marks posterior's NA:
 * constant draws give NaN rhat/ESS/MCSE; any NaN draw gives NaN everywhere; an infinite draw
 * gives an infinite mean, NaN sd, essTail and mcseMean, but finite rank-based rhat and essBulk.
 */
export function summariseChains(draws: ChainsInput): DrawsSummary {
  const chains = asChains(draws);
  const all = flattenChains(chains);
  const [q5, q50, q95] = quantile(all, [0.05, 0.5, 0.95]);
  return {
    mean: mean(all), median: median(all), sd: sd(all), mad: mad(all), q5, q50, q95,
    rhat: rhat(chains, false), essBulk: essBulk(chains, false), essTail: essTail(chains), mcseMean: mcseMean(chains),
  };
}

/** Summaries per name (e.g. flattened Stan names such as `theta[3]`), in the input's order. */
export function summariseDraws(
  draws: ReadonlyMap<string, ChainsInput> | Readonly<Record<string, ChainsInput>>,
): Record<string, DrawsSummary> {
  const entries = draws instanceof Map ? [...draws.entries()] : Object.entries(draws);
  const out: Record<string, DrawsSummary> = {};
  for (const [name, chains] of entries) out[name] = summariseChains(chains);
  return out;
}
