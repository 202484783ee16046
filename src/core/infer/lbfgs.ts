import type { FitClock } from './cancellation';
import type { EvaluationCounter } from './elbo';
import type { LogDensityTarget } from './target';

export interface LbfgsOptions {
  /** Pairs (s, y) kept (Stan: history_size 5; Pathfinder default 6). */
  historySize?: number;
  maxIterations?: number;
  /** Absolute change in log density (Stan tol_obj 1e-12). */
  tolObj?: number;
  /** Relative change in log density, in units of machine epsilon (Stan tol_rel_obj 1e4). */
  tolRelObj?: number;
  /** Largest gradient component (Stan tol_grad 1e-8). */
  tolGrad?: number;
  /** Size of the step (Stan tol_param 1e-8). */
  tolParam?: number;
}

/** One accepted point of the optimisation path (log density and its gradient, not the negation). */
export interface PathPoint {
  x: Float64Array;
  logDensity: number;
  gradient: Float64Array;
}

export interface LbfgsOutcome {
  /** Initial point first, then every accepted iterate. */
  path: PathPoint[];
  converged: boolean;
  message: string;
  interrupted?: 'cancelled' | 'time-budget';
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_LINE_SEARCH = 30;
const EPSILON = 2.220446049250313e-16;

/**
 * L-BFGS maximising the log density (minimising its negation), two-loop recursion over the last
 * `historySize` curvature pairs and a bracketing line search for the weak Wolfe conditions.
 * Records the path for Pathfinder.
 */
export async function lbfgs(
  target: LogDensityTarget, x0: Float64Array, options: LbfgsOptions, counter: EvaluationCounter, clock?: FitClock,
): Promise<LbfgsOutcome> {
  const n = target.dim;
  const J = options.historySize ?? 6;
  const maxIter = options.maxIterations ?? 1000;
  const tolObj = options.tolObj ?? 1e-12;
  const tolRelObj = (options.tolRelObj ?? 1e4) * EPSILON;
  const tolGrad = options.tolGrad ?? 1e-8;
  const tolParam = options.tolParam ?? 1e-8;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n); // gradient of f = −log p
  let f = -target.logDensityGradient(x, g);
  counter.gradient++;
  for (let i = 0; i < n; i++) g[i] = -g[i];
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) {
    return { path: [], converged: false, message: 'the log density or its gradient is not finite at the initial point' };
  }
  const path: PathPoint[] = [{ x: x.slice(), logDensity: -f, gradient: g.map((v) => -v) }];
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(J);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  for (let iter = 1; iter <= maxIter; iter++) {
    // direction d = −H g by the two-loop recursion
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = S.length - 1; k >= 0; k--) {
      const rho = 1 / dot(Y[k], S[k]);
      alpha[k] = rho * dot(S[k], d);
      axpy(-alpha[k], Y[k], d);
    }
    const gamma = S.length > 0 ? dot(S[S.length - 1], Y[S.length - 1]) / dot(Y[S.length - 1], Y[S.length - 1]) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < n; i++) d[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const rho = 1 / dot(Y[k], S[k]);
      const beta = rho * dot(Y[k], d);
      axpy(alpha[k] - beta, S[k], d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) { // not a descent direction: restart from steepest descent
      S.length = 0;
      Y.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i] / Math.max(1, Math.sqrt(dot(g, g)));
      slope = dot(g, d);
    }
    // bracketing line search (weak Wolfe)
    let lo = 0;
    let hi = Infinity;
    let step = 1;
    let fNew = NaN;
    let accepted = false;
    for (let t = 0; t < MAX_LINE_SEARCH; t++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = -target.logDensityGradient(xNew, gNew);
      counter.gradient++;
      for (let i = 0; i < n; i++) gNew[i] = -gNew[i];
      const finite = Number.isFinite(fNew) && gNew.every(Number.isFinite);
      if (!finite || fNew > f + C1 * step * slope) {
        hi = step;
      } else if (dot(gNew, d) < C2 * slope) {
        lo = step;
      } else {
        accepted = true;
        break;
      }
      step = hi === Infinity ? 2 * lo : 0.5 * (lo + hi);
    }
    if (!accepted) {
      return { path, converged: false, message: `line search failed at iteration ${iter}` };
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const fOld = f;
    x = xNew.slice();
    g = gNew.slice();
    f = fNew;
    path.push({ x: x.slice(), logDensity: -f, gradient: g.map((v) => -v) });
    if (dot(s, y) > EPSILON * dot(y, y)) {
      S.push(s);
      Y.push(y);
      if (S.length > J) { S.shift(); Y.shift(); }
    }
    const change = Math.abs(fOld - f);
    if (change < tolObj) return { path, converged: true, message: `converged: change in log density ${change.toExponential(2)} below tol_obj` };
    if (change / Math.max(Math.abs(fOld), Math.abs(f), 1) < tolRelObj) return { path, converged: true, message: 'converged: relative change in log density below tol_rel_obj' };
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]));
    if (gmax < tolGrad) return { path, converged: true, message: 'converged: gradient below tol_grad' };
    if (Math.sqrt(dot(s, s)) < tolParam) return { path, converged: true, message: 'converged: step below tol_param' };
    const stop = clock?.due() ? await clock.pause() : null;
    if (stop) return { path, converged: false, message: stop, interrupted: stop };
  }
  return { path, converged: false, message: `L-BFGS iteration limit ${maxIter} reached` };
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}
