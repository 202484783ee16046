import { Chains, flattenChains, unflatten } from './draws';
import { normalQuantile } from './normalQuantile';
import { median } from './quantile';

/**
 * Ranks 1..n with ties given their average rank (R's rank(ties.method = "average")).
 * NaN values are ranked last, in order of position, as R does with na.last = TRUE.
 * Uses the native numeric sort and a binary search for each value's run of equal values.
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const sorted = Float64Array.from(x).sort(); // NaN sorts last
  let finiteCount = n;
  while (finiteCount > 0 && Number.isNaN(sorted[finiteCount - 1])) finiteCount--;
  const ranks = new Float64Array(n);
  let nanRank = finiteCount;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isNaN(v)) {
      ranks[i] = ++nanRank;
      continue;
    }
    const first = lowerBound(sorted, finiteCount, v);
    const last = lowerBound(sorted, finiteCount, v, true) - 1;
    ranks[i] = (first + last + 2) / 2;
  }
  return ranks;
}

/** First index with sorted[i] >= v (or > v when strict), within sorted[0..end). */
function lowerBound(sorted: Float64Array, end: number, v: number, strict = false): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (strict && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rank normalisation (posterior's z_scale): average ranks over all chains, mapped through the
 * normal quantile with Blom's offset, qnorm((r - 3/8) / (S + 1/4)). NaN draws stay NaN.
 */
export function zScale(chains: Chains): Chains {
  const flat = flattenChains(chains);
  const r = averageRanks(flat);
  const S = flat.length;
  const z = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    z[i] = Number.isNaN(flat[i]) ? NaN : normalQuantile((r[i] - 3 / 8) / (S - 2 * (3 / 8) + 1));
  }
  return unflatten(z, chains[0].length);
}

/** Folding for tail R-hat (posterior's fold_draws): |x - median of all draws|. */
export function foldDraws(chains: Chains): Chains {
  const m = median(flattenChains(chains));
  return chains.map((c) => c.map((v) => Math.abs(v - m)));
}
