import { asChains, Chains, ChainsInput, isDegenerate, splitChains } from './draws';
import { mean, variance } from './moments';
import { foldDraws, zScale } from './rank';

/**
 * Potential scale reduction of prepared chains (posterior's .rhat): between- and within-chain
 * variances of the columns. NaN when any draw is non-finite, the draws are constant, or there
 * are fewer than two columns or two draws per column.
 */
export function rhatOfChains(chains: Chains): number {
  const m = chains.length;
  const n = chains[0].length;
  if (isDegenerate(chains) || m < 2 || n < 2) return NaN;
  const chainMean = chains.map((c) => mean(c));
  const within = mean(chains.map((c, j) => variance(c, chainMean[j])));
  const between = n * variance(chainMean);
  return Math.sqrt((between / within + n - 1) / n);
}

/**
 * Rank-normalised split R-hat (Vehtari et al. 2021, posterior's rhat): the larger of the bulk
 * R-hat (rank-normalised split chains) and the tail R-hat (the same on draws folded about the
 * median). `plainMatrix`: see splitChains (matters only for 2 or 3 draws per chain).
 * Infinite draws are ranked like any other value, as posterior does; NaN draws give NaN.
 */
export function rhat(draws: ChainsInput, plainMatrix = true): number {
  const chains = asChains(draws);
  const bulk = rhatOfChains(zScale(splitChains(chains, plainMatrix)));
  const tail = rhatOfChains(zScale(splitChains(foldDraws(chains), plainMatrix)));
  return Number.isNaN(bulk) || Number.isNaN(tail) ? NaN : Math.max(bulk, tail);
}

/** Classic (split by default) R-hat on the draws themselves (posterior's rhat_basic). */
export function rhatBasic(draws: ChainsInput, split = true): number {
  const chains = asChains(draws);
  return rhatOfChains(split ? splitChains(chains) : chains);
}
