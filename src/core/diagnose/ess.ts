import { autocovariance } from './autocovariance';
import { asChains, Chains, ChainsInput, flattenChains, isDegenerate, mapChains, splitChains } from './draws';
import { mean, variance } from './moments';
import { quantile } from './quantile';
import { zScale } from './rank';

/**
 * Effective sample size of already prepared (split, possibly transformed) chains, as
 * posterior's .ess: Geyer's initial positive sequence on the combined autocorrelation, made
 * monotone, with tau bounded below by 1/log10(S) so ESS <= S log10(S).
 * NaN for fewer than 3 draws per chain, any non-finite draw, or constant draws.
 */
export function essOfChains(chains: Chains): number {
  const m = chains.length;
  const n = chains[0].length;
  if (n < 3 || isDegenerate(chains)) return NaN;
  const acov = chains.map(autocovariance);
  const acovMean = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += acov[j][t];
    acovMean[t] = s / m;
  }
  return essFromAutocovariance((t) => acovMean[t], n, m, m > 1 ? variance(chains.map((c) => mean(c))) : 0);
}

/**
 * The ESS of m chains of n draws from their mean autocovariance at each lag (biased, lag 0 = the
 * variance × (n − 1)/n; `acov` is asked for lags in increasing order, up to Geyer's cutoff only) and
 * the variance of the chain means (0 for one chain): Geyer's initial positive sequence, made monotone,
 * with tau bounded below by 1/log10(S), as posterior's .ess.
 */
export function essFromAutocovariance(acov: (t: number) => number, n: number, m: number, betweenVariance: number): number {
  const meanVar = (acov(0) * n) / (n - 1);
  const varPlus = (meanVar * (n - 1)) / n + betweenVariance;

  const rho = new Float64Array(n);
  let t = 0;
  let rhoEven = 1;
  rho[0] = rhoEven;
  let rhoOdd = 1 - (meanVar - acov(1)) / varPlus;
  rho[1] = rhoOdd;
  // initial positive sequence: sum of adjacent pairs stays positive
  while (t < n - 5 && !Number.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
    t += 2;
    rhoEven = 1 - (meanVar - acov(t)) / varPlus;
    rhoOdd = 1 - (meanVar - acov(t + 1)) / varPlus;
    if (rhoEven + rhoOdd >= 0) {
      rho[t] = rhoEven;
      rho[t + 1] = rhoOdd;
    }
  }
  const maxT = t;
  if (rhoEven > 0) rho[maxT] = rhoEven;
  // initial monotone sequence
  t = 0;
  while (t <= maxT - 4) {
    t += 2;
    if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
      rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
      rho[t + 1] = rho[t];
    }
  }
  const S = m * n;
  // posterior sums rho_hat_t[1:max_t]; in R 1:0 is c(1, 0), so max_t = 0 still counts lag 0
  let sumRho = 0;
  for (let k = 0; k < Math.max(maxT, 1); k++) sumRho += rho[k];
  let tau = -1 + 2 * sumRho + rho[maxT];
  const tauBound = 1 / Math.log10(S);
  if (tau < tauBound) tau = tauBound;
  return S / tau;
}

/** Bulk ESS: rank-normalised split chains. `plainMatrix`: see splitChains. */
export function essBulk(draws: ChainsInput, plainMatrix = true): number {
  return essOfChains(zScale(splitChains(asChains(draws), plainMatrix)));
}

/** ESS of the indicator I(x <= q_p), p in [0, 1] (posterior's ess_quantile). */
export function essQuantile(draws: ChainsInput, prob: number): number {
  const chains = asChains(draws);
  if (isDegenerate(chains)) return NaN;
  const S = chains.length * chains[0].length;
  const p = prob === 1 ? (S - 0.5) / S : prob;
  const q = quantile(flattenChains(chains), [p])[0];
  return essOfChains(splitChains(mapChains(chains, (v) => (v <= q ? 1 : 0))));
}

/** Tail ESS: the smaller of the ESS of the 5% and 95% quantiles. */
export function essTail(draws: ChainsInput): number {
  const a = essQuantile(draws, 0.05);
  const b = essQuantile(draws, 0.95);
  return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
}

export function essMedian(draws: ChainsInput): number {
  return essQuantile(draws, 0.5);
}

/** ESS on the draws themselves (optionally without splitting). */
export function essBasic(draws: ChainsInput, split = true): number {
  const chains = asChains(draws);
  return essOfChains(split ? splitChains(chains) : chains);
}

/** ESS for the mean: split chains, no rank normalisation (posterior's ess_mean). */
export function essMean(draws: ChainsInput): number {
  return essOfChains(splitChains(asChains(draws)));
}

/** ESS for the standard deviation: split chains of |x - mean| (posterior's ess_sd). */
export function essSd(draws: ChainsInput): number {
  const chains = asChains(draws);
  const m = mean(flattenChains(chains));
  return essOfChains(splitChains(mapChains(chains, (v) => Math.abs(v - m))));
}
