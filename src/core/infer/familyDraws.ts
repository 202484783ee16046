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
