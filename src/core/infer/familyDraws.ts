import { drawStandardNormal, EvaluationCounter } from './elbo';
import type { VariationalFamily } from './family';
import type { Rng } from './rng';
import { RunningMean } from './runningMean';
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
  const acc = new RunningMean();
  for (let s = 0; s < logP.length; s++) if (Number.isFinite(logP[s])) acc.add(logP[s]);
  const { mean, mcse } = acc.estimate();
  return { elbo: mean + entropy, mcse };
}
