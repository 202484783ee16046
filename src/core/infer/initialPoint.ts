import type { EvaluationCounter } from './elbo';
import type { Rng } from './rng';
import type { LogDensityTarget } from './target';

/** Stan's initialisation: 'random' = uniform(−R, R) per unconstrained coordinate, 'zero', or a given point. */
export type InitSpec = 'random' | 'zero' | ArrayLike<number>;

export interface InitOptions {
  init?: InitSpec;
  /** R of uniform(−R, R); Stan's default 2. */
  initRadius?: number;
  /** Random inits tried before giving up (Stan: 100). */
  maxTries?: number;
}

export type InitOutcome =
  | { ok: true; theta: Float64Array; logDensity: number; gradient: Float64Array; tries: number }
  | { ok: false; reason: string; coordinates: string[]; tries: number };

const PROBE_LIMIT = 200;

/** Finds a point with finite log density and gradient, or explains (naming coordinates) why none was found. */
export function findInitialPoint(
  target: LogDensityTarget, rng: Rng, options: InitOptions, counter: EvaluationCounter,
): InitOutcome {
  const n = target.dim;
  const spec = options.init ?? 'random';
  const radius = options.initRadius ?? 2;
  const fixed = spec !== 'random';
  const tries = fixed ? 1 : Math.max(1, options.maxTries ?? 100);
  const theta = new Float64Array(n);
  const grad = new Float64Array(n);
  let lp = NaN;
  for (let t = 1; t <= tries; t++) {
    if (spec === 'zero') theta.fill(0);
    else if (spec === 'random') for (let i = 0; i < n; i++) theta[i] = radius * (2 * rng.uniform() - 1);
    else {
      if (spec.length !== n) {
        return { ok: false, reason: `the initial point has ${spec.length} values but the model has ${n} unconstrained coordinates`, coordinates: [], tries: t };
      }
      for (let i = 0; i < n; i++) theta[i] = spec[i];
    }
    lp = target.logDensityGradient(theta, grad);
    counter.gradient++;
    if (Number.isFinite(lp) && grad.every(Number.isFinite)) {
      return { ok: true, theta, logDensity: lp, gradient: grad, tries: t };
    }
  }
  return { ok: false, ...explainFailure(target, theta, grad, lp, counter, fixed, tries), tries };
}

function explainFailure(
  target: LogDensityTarget, theta: Float64Array, grad: Float64Array, lp: number,
  counter: EvaluationCounter, fixed: boolean, tries: number,
): { reason: string; coordinates: string[] } {
  const names = target.coordinateNames;
  const rejection = target.lastRejection?.() ?? null;
  const where = fixed ? 'at the initial point' : `at all ${tries} random initial points tried`;
  const lpText = Number.isNaN(lp) ? 'NaN' : String(lp);
  if (Number.isFinite(lp)) {
    const bad: string[] = [];
    grad.forEach((g, i) => { if (!Number.isFinite(g)) bad.push(names[i] ?? `#${i + 1}`); });
    return {
      reason: `the gradient of the log density is not finite ${where} (coordinate${bad.length === 1 ? '' : 's'} ${bad.join(', ')})` +
        (rejection ? `: ${rejection}` : ''),
      coordinates: bad,
    };
  }
  // which single coordinate, moved to 0, makes the density finite?
  const culprits: string[] = [];
  if (target.dim <= PROBE_LIMIT) {
    const probe = Float64Array.from(theta);
    for (let i = 0; i < target.dim; i++) {
      const keep = probe[i];
      if (keep === 0) continue;
      probe[i] = 0;
      const v = target.logDensity(probe);
      counter.value++;
      if (Number.isFinite(v)) culprits.push(names[i] ?? `#${i + 1}`);
      probe[i] = keep;
    }
  }
  let reason = `the log density is ${lpText} ${where}`;
  if (rejection) reason += `: ${rejection}`;
  if (culprits.length > 0) reason += `; it becomes finite when ${culprits.join(' or ')} is moved to 0 on the unconstrained scale`;
  else if (names.length > 0 && names.length <= 8) reason += ` (coordinates: ${names.join(', ')})`;
  return { reason, coordinates: culprits };
}
