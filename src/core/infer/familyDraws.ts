import { drawStandardNormal, EvaluationCounter } from './elbo';
import type { VariationalFamily } from './family';
import type { Rng } from './rng';
import type { LogDensityTarget } from './target';

export interface OutputDraws {
  draws: Float64Array;
  logP: Float64Array;
  logQ: Float64Array;
}

/** `ndraws` draws from q with log p and log q of each (for PSIS and for the caller). */
export function familyDraws(
  target: LogDensityTarget, family: VariationalFamily, rng: Rng, ndraws: number, counter: EvaluationCounter,
): OutputDraws {
  const n = family.dim;
  const draws = new Float64Array(ndraws * n);
  const logP = new Float64Array(ndraws);
  const logQ = new Float64Array(ndraws);
  const z = new Float64Array(n);
  for (let s = 0; s < ndraws; s++) {
    drawStandardNormal(rng, z);
    const theta = draws.subarray(s * n, s * n + n);
    family.transform(z, theta);
    logQ[s] = family.logDensityFromStandard(z);
    logP[s] = target.logDensity(theta);
    counter.value++;
  }
  return { draws, logP, logQ };
}

/**
 * The ELBO from output draws: the mean log p over the draws where it is finite (the others dropped, as
 * Stan's calc_ELBO drops them) plus q's exact entropy, with its Monte Carlo standard error; -Infinity
 * when no log p is finite.
 */
export function drawsElbo({ logP }: OutputDraws, entropy: number): { elbo: number; mcse: number } {
  let n = 0, shift = NaN, sum = 0, sq = 0;
  for (let s = 0; s < logP.length; s++) {
    if (!Number.isFinite(logP[s])) continue;
    if (Number.isNaN(shift)) shift = logP[s];
    sum += logP[s] - shift;
    sq += (logP[s] - shift) ** 2;
    n++;
  }
  if (n === 0) return { elbo: -Infinity, mcse: Infinity };
  const m = sum / n;
  const v = n > 1 ? Math.max(0, (sq - n * m * m) / (n - 1)) : 0;
  return { elbo: shift + m + entropy, mcse: Math.sqrt(v / n) };
}
