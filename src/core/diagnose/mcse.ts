import { betaQuantile } from '../math/special/betaQuantile';
import { asChains, ChainsInput, flattenChains, isDegenerate, mapChains } from './draws';
import { essMean, essQuantile } from './ess';
import { mean, sd } from './moments';
import { sortedCopy } from './quantile';

/** Monte Carlo standard error of the mean: sd(all draws) / sqrt(essMean). */
export function mcseMean(draws: ChainsInput): number {
  const chains = asChains(draws);
  return sd(flattenChains(chains)) / Math.sqrt(essMean(chains));
}

/**
 * MCSE of the standard deviation as posterior 1.4 computes it: the variance of the second
 * moment from the ESS of the squared centred draws, then the delta method.
 */
export function mcseSd(draws: ChainsInput): number {
  const chains = asChains(draws);
  const m = mean(flattenChains(chains));
  const centred = mapChains(chains, (v) => v - m);
  const sq = mapChains(centred, (v) => v * v);
  const ess = essMean(sq);
  const flatSq = flattenChains(sq);
  const eVar = mean(flatSq);
  const varVar = (mean(flatSq.map((v) => v * v)) - eVar * eVar) / ess;
  return Math.sqrt(varVar / eVar / 4);
}

/** The normal probabilities of -1 and +1 standard deviation, as posterior writes them. */
const P_LO = 0.1586553;
const P_HI = 0.8413447;

/**
 * MCSE of the p-quantile (posterior's .mcse_quantile): a +-1 sd interval for the rank of the
 * quantile from Beta(ess p + 1, ess (1 - p) + 1), mapped to sorted draws; half its width.
 */
export function mcseQuantile(draws: ChainsInput, prob: number): number {
  const chains = asChains(draws);
  const ess = essQuantile(chains, prob);
  if (Number.isNaN(ess) || isDegenerate(chains)) return NaN;
  const a1 = betaQuantile(P_LO, ess * prob + 1, ess * (1 - prob) + 1);
  const a2 = betaQuantile(P_HI, ess * prob + 1, ess * (1 - prob) + 1);
  const s = sortedCopy(flattenChains(chains));
  const S = s.length;
  const th1 = s[Math.max(Math.floor(a1 * S), 1) - 1];
  const th2 = s[Math.min(Math.ceil(a2 * S), S) - 1];
  return (th2 - th1) / 2;
}

export function mcseMedian(draws: ChainsInput): number {
  return mcseQuantile(draws, 0.5);
}
