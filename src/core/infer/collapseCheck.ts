import { fmt } from './adviContext';
import type { EvaluationCounter } from './elbo';
import type { LogDensityTarget } from './target';
import type { Approximation } from './viResult';

/** Coordinates (smallest sd first) whose local scale is measured: 2 gradient evaluations each. */
const MAX_PROBED = 20;
/** An sd this many times below the local scale of the log density at the mean is a collapse. */
const SCALE_RATIO = 1e-3;
/** Without a usable curvature: an sd this far below the starting sd (1) is a collapse. */
const ABSOLUTE_SD = 1e-8;
/** Probed only below this sd (relative to max(1, |mean|)): wider approximations cannot have collapsed. */
const PROBE_BELOW = 1e-3;

export interface ElboEnds {
  /** ELBO of the starting approximation (initial point, unit sds) and its Monte Carlo error. */
  initial: number;
  initialMcse: number;
  /** ELBO of the returned approximation and its Monte Carlo error. */
  final: number;
  finalMcse: number;
}

/**
 * Whether a fitted Gaussian has collapsed, in words (null when not). Stan's ADVI at a large eta can
 * drive the sds to ~0 in a few steps; its ELBO is then a deterministic, constant number and the
 * relative-change rule declares convergence (rstan does so on a few seeds in a hundred). The evidence:
 * - an sd orders of magnitude below the local scale of the log density at the mean, 1/√(−∂²log p/∂θᵢ²)
 *   (the mean-field optimum for a Gaussian target; a full-rank marginal sd is never below it);
 * - an ELBO below that of the starting approximation, beyond Monte Carlo error: the optimiser made
 *   the approximation worse than where it began.
 */
export function findCollapse(target: LogDensityTarget, approx: Approximation, elbo: ElboEnds, counter: EvaluationCounter): string | null {
  const evidence: string[] = [];
  const scale = collapsedScale(target, approx, counter);
  if (scale) evidence.push(scale);
  const noise = 4 * Math.hypot(elbo.initialMcse, elbo.finalMcse);
  if (Number.isFinite(elbo.initial) && (elbo.final < elbo.initial - noise || !Number.isFinite(elbo.final))) {
    evidence.push(`its ELBO ${elboText(elbo.final)} is below the ${elboText(elbo.initial)} of the starting approximation`);
  }
  return evidence.length ? evidence.join('; ') : null;
}

/** An ELBO to the unit when it is large (−165068, not −1.65e+5), else to 3 digits. */
function elboText(x: number): string {
  return Math.abs(x) >= 100 && Math.abs(x) < 1e9 ? String(Math.round(x)) : fmt(x);
}

function collapsedScale(target: LogDensityTarget, approx: Approximation, counter: EvaluationCounter): string | null {
  const n = target.dim;
  const { mean, sd } = approx;
  const candidates = Array.from({ length: n }, (_, i) => i)
    .filter((i) => !(sd[i] >= PROBE_BELOW * Math.max(1, Math.abs(mean[i]))))
    .sort((a, b) => sd[a] - sd[b])
    .slice(0, MAX_PROBED);
  if (!candidates.length) return null;
  const theta = Float64Array.from(mean);
  const grad = new Float64Array(n);
  let worst: { i: number; ratio: number; scale: number } | null = null;
  for (const i of candidates) {
    const local = localScale(target, theta, grad, i, counter);
    if (Number.isFinite(local)) {
      const ratio = sd[i] / local;
      if (ratio < SCALE_RATIO && (!worst || ratio < worst.ratio)) worst = { i, ratio, scale: local };
    } else if (!(sd[i] >= ABSOLUTE_SD) && !worst) {
      worst = { i, ratio: NaN, scale: NaN };
    }
  }
  if (!worst) return null;
  const name = target.coordinateNames[worst.i];
  if (Number.isNaN(worst.ratio)) return `the sd of ${name} (unconstrained) fell to ${fmt(sd[worst.i])} from 1 at the start`;
  return `the sd of ${name} (unconstrained) is ${fmt(sd[worst.i])}, ${fmt(worst.ratio, 2)} times the local scale ${fmt(worst.scale)} of the log density at the approximation's mean`;
}

/** 1/√(−∂²log p/∂θᵢ²) at theta by central differences of the gradient; NaN where not concave or not finite. */
function localScale(target: LogDensityTarget, theta: Float64Array, grad: Float64Array, i: number, counter: EvaluationCounter): number {
  const x = theta[i];
  const h = 1e-4 * Math.max(1, Math.abs(x));
  theta[i] = x + h;
  const up = target.logDensityGradient(theta, grad);
  const gUp = grad[i];
  theta[i] = x - h;
  const down = target.logDensityGradient(theta, grad);
  const gDown = grad[i];
  theta[i] = x;
  counter.gradient += 2;
  if (!Number.isFinite(up) || !Number.isFinite(down)) return NaN;
  const curvature = (gUp - gDown) / (2 * h);
  return curvature < 0 && Number.isFinite(curvature) ? 1 / Math.sqrt(-curvature) : NaN;
}
