import { AdviContext, fmt, interrupted, OptimiserOutcome } from './adviContext';
import { elboGradient, estimateElbo } from './elbo';
import { IterateTrace } from './iterateTrace';
import { describeVerdict, judgeIterates, Verdict } from './iterateVerdict';

const BETA1 = 0.9;
const BETA2 = 0.99;
const EPS = 1e-8;
// Adam's normalised step m̂/√v̂ can exceed 1 many times over when a huge gradient follows small
// ones (far from the mode, from a random init): cap it so one step moves a mean by at most a few sds.
const MAX_NORMALISED_STEP = 3;
const MAX_CONSECUTIVE_FAILURES = 50;
const DRAWS_PER_GRADIENT_RETRY = 10; // as Stan 2.21: redraw a failed gradient draw up to 10 times
const MAX_RESTARTS = 3;
// Full rank: at a fixed rate the averaged covariance stays biased low by several per cent at 0.1
// (the off-diagonal steps interact with the scales); refine at 0.3 of the rate once stationary.
// Mean-field: averaging the variances removes the bias, so it keeps its rate.
const REFINE_FACTOR = { meanfield: 1, fullrank: 0.5 } as const;
const MAX_WINDOW = 5000;
const TRACE_BUDGET = 2_000_000; // doubles kept for the iterate trace

/**
 * Robust ADVI after Dhaka et al. 2020 and Welandawe et al. 2022: Adam at a fixed learning rate
 * (means preconditioned by the current sd, so the rate is scale-free). Every `checkEvery`
 * iterations the recent iterates (means and log marginal sds) are judged by split-R̂:
 * - exploring: once the last half of the run (at least `minWindow` iterates) is stationary, those
 *   iterates start the averaging window;
 * - averaging: the window grows with every iterate; the fit stops when the window is still
 *   stationary and the MCSE of the iterate average is below `mcseThreshold` (means in units of
 *   the sd) with enough effective iterates. If the window drifts, its older half is dropped.
 * The answer is the iterate average over the window. A run that blows up (non-finite parameters,
 * gradients or ELBO) restarts from a new initial point at half the rate, up to MAX_RESTARTS times.
 */
export async function runRobustAdvi(ctx: AdviContext): Promise<OptimiserOutcome> {
  const { target, family, options, counter, work } = ctx;
  const P = family.params.length;
  const n = target.dim;
  // judged: the means and log marginal sds (what a user reads); averaged: every parameter
  const names = [...target.coordinateNames.map((c) => `mean of ${c}`), ...target.coordinateNames.map((c) => `log sd of ${c}`)];
  const summary = new Float64Array(2 * n);
  const params = family.params;
  const grad = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const scales = new Float64Array(P);
  const averaged = new Float64Array(P);
  const capacity = Math.max(options.minWindow, Math.min(MAX_WINDOW, Math.floor(TRACE_BUDGET / P)));
  const trace = new IterateTrace(P, capacity);
  const summaries = new IterateTrace(2 * n, capacity);
  let lr = options.stepSize;
  let stageStart = 0; // iteration the current run (or restart) began at
  let adamT = 0;
  let avgStart = -1; // first iteration of the averaging window; -1 while exploring
  let lastJudged = 0; // averaging window size at the last judgement
  let failures = 0;
  let restarts = 0;
  let initialElbo = NaN;
  let last: Verdict | null = null;
  const restartNotes: string[] = [];
  // R̂ noise of a short autocorrelated window alone rarely reaches this: a clear drift
  const driftRhat = 1 + 2 * (options.rhatThreshold - 1);

  const begin = (mu: Float64Array, k: number) => {
    family.reset(mu);
    m.fill(0);
    v.fill(0);
    adamT = 0;
    stageStart = k;
    avgStart = -1;
    lastJudged = 0;
    trace.clear();
    summaries.clear();
    last = null;
    failures = 0;
  };
  /** Restarts from a new initial point at half the rate; false when no restart is left. */
  const restart = (k: number, why: string): boolean => {
    const mu = restarts < MAX_RESTARTS ? ctx.newInitialPoint?.() ?? null : null;
    if (!mu) return false;
    restarts++;
    lr *= 0.5;
    restartNotes.push(`${why} at iteration ${k}`);
    ctx.onProgress?.({ phase: 'optimisation', iteration: k, maxIterations: options.iter, message: `${why}: restarting from a new initial point at step size ${fmt(lr)}` });
    begin(mu, k);
    return true;
  };

  begin(ctx.initialMean, 0);
  for (let k = 1; k <= options.iter; k++) {
    if (!elboGradient(target, family, ctx.gradRng, options.gradSamples, grad, work, counter, DRAWS_PER_GRADIENT_RETRY * options.gradSamples)) {
      if (++failures >= MAX_CONSECUTIVE_FAILURES) {
        const why = `the ELBO gradient was not finite for ${MAX_CONSECUTIVE_FAILURES} iterations in a row`;
        if (restart(k, why)) continue;
        return finish(false, 'diverged', `${why} (iteration ${k}): draws from the approximation reach regions where the log density or its gradient is not finite${restartText()}`, k);
      }
    } else {
      failures = 0;
      adamStep();
      if (!params.every(Number.isFinite)) {
        const why = 'the variational parameters became non-finite';
        if (restart(k, why)) continue;
        return finish(false, 'diverged', `${why} at iteration ${k}; try a smaller stepSize than ${fmt(lr)}${restartText()}`, k);
      }
    }
    family.toAveraged(averaged);
    trace.push(averaged);
    family.summarise(summary);
    summaries.push(summary);
    if (k % options.evalElbo === 0) {
      const est = estimateElbo(target, family, ctx.elboRng, options.elboSamples, work, counter);
      const entry = { iteration: k, elbo: est.elbo, mcse: est.mcse, stepSize: lr };
      ctx.trace.push(entry);
      ctx.onProgress?.({ phase: 'optimisation', iteration: k, maxIterations: options.iter, entry });
      if (Number.isNaN(initialElbo) && Number.isFinite(est.elbo)) initialElbo = est.elbo;
      if (diverging(est.elbo)) {
        const why = `the ELBO diverged (${fmt(est.elbo)})`;
        if (restart(k, why)) continue;
        return finish(false, 'diverged', `${why} at iteration ${k}: the approximation moved to where the log density is ${Number.isFinite(est.elbo) ? 'vanishingly small' : 'not finite'}${restartText()}`, k);
      }
    }
    if (k % options.checkEvery === 0) {
      const stopped = check(k);
      if (stopped) return stopped;
    }
    const stop = ctx.clock.due() ? await ctx.clock.pause() : null;
    if (stop) {
      if (stop === 'cancelled') return { ...interrupted(stop, k), stepSize: lr };
      useAverage(k);
      return finish(true, 'time-budget', `time budget exhausted after ${k} iterations: ${describeVerdict(last, options.rhatThreshold, options.mcseThreshold)}${restartText()}`, k);
    }
  }
  const k = options.iter;
  const window = currentWindow(k);
  if (window >= 8) last = judgeIterates(summaries, window, names, true, options.rhatThreshold);
  useAverage(k);
  return finish(true, 'max-iterations', `iteration limit ${options.iter} reached: ${describeVerdict(last, options.rhatThreshold, options.mcseThreshold)}${restartText()}`, k);

  function adamStep(): void {
    adamT++;
    family.parameterScales(scales);
    const c1 = 1 - Math.pow(BETA1, adamT);
    const c2 = 1 - Math.pow(BETA2, adamT);
    for (let i = 0; i < P; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      let u = m[i] / c1 / (Math.sqrt(v[i] / c2) + EPS);
      if (u > MAX_NORMALISED_STEP) u = MAX_NORMALISED_STEP;
      else if (u < -MAX_NORMALISED_STEP) u = -MAX_NORMALISED_STEP;
      params[i] += lr * scales[i] * u;
    }
  }

  /** Far below the first ELBO of this run (or not finite): the approximation is running away. */
  function diverging(elbo: number): boolean {
    if (!Number.isFinite(elbo)) return true;
    if (!Number.isFinite(initialElbo)) return false;
    return elbo < initialElbo - 1e3 * (Math.abs(initialElbo) + n);
  }

  /** Iterates in the window judged now: the averaging window, or the last half of the run. */
  function currentWindow(k: number): number {
    const len = avgStart >= 0 ? k - avgStart : Math.floor((k - stageStart) / 2);
    return Math.min(len, trace.length);
  }

  function check(k: number): OptimiserOutcome | null {
    if (avgStart < 0) {
      const window = currentWindow(k);
      if (window < options.minWindow || window < 1.1 * lastJudged) return null;
      lastJudged = window;
      last = judgeIterates(summaries, window, names, false);
      if (last.rhat < options.rhatThreshold) {
        const f = REFINE_FACTOR[family.kind];
        lr *= f;
        avgStart = f < 1 ? k : k - window;
        lastJudged = 0;
        ctx.onProgress?.({ phase: 'optimisation', iteration: k, maxIterations: options.iter, message: `stationary (R̂ ${last.rhat.toFixed(3)}): averaging iterates from iteration ${avgStart + 1}` });
      }
      return null;
    }
    let window = currentWindow(k);
    // judging costs O(window · dim): only once the window has grown by a tenth (amortised O(dim) per iteration)
    if (window < 1.1 * lastJudged) return null;
    lastJudged = window;
    if (REFINE_FACTOR[family.kind] < 1) {
      // after the rate drop the early iterates are still a transient: judge the recent half
      window = Math.floor(window / 2);
      if (window < options.minWindow) return null;
      last = judgeIterates(summaries, window, names, true, options.rhatThreshold);
    } else {
      last = judgeIterates(summaries, window, names, true, options.rhatThreshold);
      if (last.rhat > driftRhat && window >= 2 * options.minWindow) {
        // the window clearly drifts (R̂ noise alone rarely gets this far): keep its recent half
        window = Math.floor(window / 2);
        avgStart = k - window;
        lastJudged = window;
        last = judgeIterates(summaries, window, names, true, options.rhatThreshold);
      }
    }
    if (last.rhat < options.rhatThreshold && last.mcse < options.mcseThreshold) {
      setAverage(window);
      return finish(true, 'stationary', `iterates stationary: R̂ ${last.rhat.toFixed(3)}, MCSE ${fmt(last.mcse, 2)} after ${k} iterations (average of the last ${window} iterates)${restartText()}`, k);
    }
    return null;
  }

  function useAverage(k: number): void {
    const window = Math.max(1, currentWindow(k));
    if (trace.length >= window) setAverage(window);
  }

  /** The iterate average over the last `window` iterates (in the family's averaging coordinates). */
  function setAverage(window: number): void {
    family.fromAveraged(trace.average(window));
  }

  function restartText(): string {
    return restarts === 0 ? '' : `; restarted ${restarts} time${restarts === 1 ? '' : 's'} (${restartNotes.join('; ')})`;
  }

  function finish(ok: boolean, stopCode: OptimiserOutcome['stopCode'], stopReason: string, iterations: number): OptimiserOutcome {
    const out: OptimiserOutcome = { stopCode, stopReason, iterations, hasApproximation: ok, stepSize: lr };
    if (last) out.convergence = { rhat: last.rhat, mcse: last.mcse, window: last.window };
    return out;
  }
}
