import type { VariationalFamily } from './family';
import type { Rng } from './rng';
import { RunningMean } from './runningMean';
import type { LogDensityTarget } from './target';

/** Evaluation counts of a fit (reported in the result and by the benchmarks). */
export interface EvaluationCounter {
  gradient: number;
  value: number;
}

export interface ElboEstimate {
  elbo: number;
  /** Monte Carlo standard error of the estimate (sd of log p over draws / √draws). */
  mcse: number;
  /** Draws whose log density was not finite (dropped, as Stan's calc_ELBO does). */
  dropped: number;
}

/** Scratch space reused across iterations: no allocation on the hot path. */
export class ElboWorkspace {
  readonly z: Float64Array;
  readonly theta: Float64Array;
  readonly gradTheta: Float64Array;
  constructor(dim: number) {
    this.z = new Float64Array(dim);
    this.theta = new Float64Array(dim);
    this.gradTheta = new Float64Array(dim);
  }
}

export function drawStandardNormal(rng: Rng, z: Float64Array): void {
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
}

/**
 * ELBO = E_q[log p(θ)] + H[q] with `samples` draws. Non-finite log densities are dropped and
 * redrawn as in Stan; once as many have been dropped as were requested, the estimate is -Infinity.
 */
export function estimateElbo(
  target: LogDensityTarget, family: VariationalFamily, rng: Rng, samples: number,
  work: ElboWorkspace, counter: EvaluationCounter,
): ElboEstimate {
  const acc = new RunningMean();
  let dropped = 0;
  for (let i = 0; i < samples; ) {
    drawStandardNormal(rng, work.z);
    family.transform(work.z, work.theta);
    const lp = target.logDensity(work.theta);
    counter.value++;
    if (!Number.isFinite(lp)) {
      if (++dropped >= samples) return { elbo: -Infinity, mcse: Infinity, dropped };
      continue;
    }
    acc.add(lp);
    i++;
  }
  const { mean, mcse } = acc.estimate();
  return { elbo: mean + family.entropy(), mcse, dropped };
}

/**
 * One draw θ = μ + S z from q into work.theta (z in work.z) with ∇ log p(θ) in work.gradTheta; returns
 * log p(θ), or NaN when it or any gradient entry is not finite, or too large to square (the caller
 * redraws or gives up).
 */
export function gradientDraw(target: LogDensityTarget, family: VariationalFamily, rng: Rng, work: ElboWorkspace, counter: EvaluationCounter): number {
  drawStandardNormal(rng, work.z);
  family.transform(work.z, work.theta);
  const lp = target.logDensityGradient(work.theta, work.gradTheta);
  counter.gradient++;
  if (!Number.isFinite(lp)) return NaN;
  // beyond 1e150 a square overflows (an optimiser's second moment becomes Infinity and its steps 0)
  for (let i = 0; i < family.dim; i++) if (!(Math.abs(work.gradTheta[i]) < 1e150)) return NaN;
  return lp;
}

/**
 * Stan's reparameterisation gradient of the ELBO w.r.t. the packed family parameters, averaged over
 * `samples` draws, plus the exact entropy gradient. A draw with a non-finite log density or
 * gradient is redrawn while fewer than `maxDropped` draws have been dropped (Stan 2.21 allows
 * 10 per gradient draw); returns false (gradOut unspecified) once that many were dropped.
 */
export function elboGradient(
  target: LogDensityTarget, family: VariationalFamily, rng: Rng, samples: number,
  gradOut: Float64Array, work: ElboWorkspace, counter: EvaluationCounter, maxDropped = 1,
): boolean {
  gradOut.fill(0);
  for (let s = 0, dropped = 0; s < samples; ) {
    if (Number.isNaN(gradientDraw(target, family, rng, work, counter))) {
      if (++dropped >= maxDropped) return false;
    } else {
      family.accumulateGradient(work.z, work.gradTheta, gradOut);
      s++;
    }
  }
  if (samples > 1) for (let k = 0; k < gradOut.length; k++) gradOut[k] /= samples;
  family.addEntropyGradient(gradOut);
  return true;
}
