import { AdviContext, fmt, interrupted, OptimiserOutcome } from './adviContext';
import { BlendedGradient } from './blendedGradient';
import { IterateTrace } from './iterateTrace';
import { describeStop, describeVerdict, judgeIterates, Verdict } from './iterateVerdict';
import { RunningMean } from './runningMean';

const BETA1 = 0.9;
// a short memory of squared gradients: after the first large gradients of a far-off start, steps
// recover within tens of iterations instead of crawling for hundreds
const BETA2 = 0.9;
const EPS = 1e-8;
// Adam's normalised step m̂/√v̂ can exceed 1 many times over when a huge gradient follows small
// ones (far from the mode, from a random init): cap it so one step moves a mean by at most a few sds.
const MAX_NORMALISED_STEP = 3;
// A gradient entry is clipped to this many times its running root mean square: one draw in the far tail
// (1e100 where the others are 1) would otherwise fill Adam's second moment for thousands of iterations
// and freeze every step.
const CLIP_RMS = 10;
const MAX_CONSECUTIVE_FAILURES = 50;
const DRAWS_PER_GRADIENT_RETRY = 10; // as Stan 2.21: redraw a failed gradient draw up to 10 times
const MAX_RESTARTS = 3;
const MAX_WINDOW = 5000;
const TRACE_BUDGET = 2_000_000; // doubles kept for the iterate traces
/** Candidate windows judged at each check (viabel's FASO: 5, from W_min to 95% of the run). */
const CANDIDATE_WINDOWS = 5;
/** Judge again only after this share of the run (judging costs O(window · dim), the window grows with the run). */
const REJUDGE_SHARE = 0.1;

/**
 * Robust ADVI after Dhaka et al. 2020 (and viabel's FASO, Welandawe et al. 2022): Adam at a fixed
 * learning rate (means preconditioned by the current sd, so the rate is scale-free), with gradients
 * that blend Stan's estimator and sticking the landing (blendedGradient.ts) so the iterates settle
 * tighter as q approaches p. Every `checkEvery` iterations (and 10% of the run),
 * windows of the last W_min .. 95% of the iterates are judged, longest first, on the means and log
 * marginal sds (iterateVerdict.ts): the fit stops at the longest window whose iterates are stationary
 * (split-R̂ below the threshold, or moving less than the precision asked for) and whose average is
 * precise (MCSE below the threshold, in posterior sds). The answer is the iterate average over that
 * window, taken in μ and covariance coordinates. A run that blows up (non-finite parameters,
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
  const blend = new BlendedGradient(P, family);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const scales = new Float64Array(P);
  const averaged = new Float64Array(P);
  const capacity = Math.max(options.minWindow, Math.min(MAX_WINDOW, Math.floor(TRACE_BUDGET / (P + 2 * n))));
  const trace = new IterateTrace(P, capacity);
  const summaries = new IterateTrace(2 * n, capacity);
  let lr = options.stepSize;
  let stageStart = 0; // iteration the current run (or restart) began at
  let adamT = 0;
  let lastJudged = 0; // iteration of the last judgement
  let failures = 0;
  let restarts = 0;
  let initialElbo = NaN; // first ELBO estimate of this run (or restart)
  let farBelow = 0; // consecutive ELBO estimates far below it
  // the ELBO trace from the gradient draws themselves: log p of each draw + the entropy of the q it came from
  const elboSinceEntry = new RunningMean();
  let last: Verdict | null = null;
  const restartNotes: string[] = [];

  const begin = (mu: Float64Array, k: number) => {
    family.reset(mu);
    m.fill(0);
    v.fill(0);
    adamT = 0;
    stageStart = k;
    lastJudged = 0;
    trace.clear();
    summaries.clear();
    blend.reset();
    last = null;
    failures = 0;
    initialElbo = NaN;
    farBelow = 0;
    elboSinceEntry.reset();
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
    if (!blend.estimate(target, family, ctx.gradRng, options.gradSamples, grad, work, counter, DRAWS_PER_GRADIENT_RETRY * options.gradSamples)) {
      if (++failures >= MAX_CONSECUTIVE_FAILURES) {
        const why = `the ELBO gradient was not finite for ${MAX_CONSECUTIVE_FAILURES} iterations in a row`;
        if (restart(k, why)) continue;
        return finish(false, 'diverged', `${why} (iteration ${k}): draws from the approximation reach regions where the log density or its gradient is not finite${restartText()}`, k);
      }
    } else {
      failures = 0;
      elboSinceEntry.add(blend.logDensity + family.entropy());
      adamStep();
      if (!allFinite(params)) {
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
      const est = runningElbo();
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
      const stopped = check(k, false);
      if (stopped) return stopped;
    }
    const stop = ctx.clock.due() ? await ctx.clock.pause() : null;
    if (stop) {
      if (stop === 'cancelled') return { ...interrupted(stop, k), stepSize: lr };
      check(k, true);
      return finish(true, 'time-budget', `time budget exhausted after ${k} iterations: ${describeVerdict(last, options.rhatThreshold, options.mcseThreshold)}${restartText()}`, k);
    }
  }
  const k = options.iter;
  check(k, true);
  return finish(true, 'max-iterations', `iteration limit ${options.iter} reached: ${describeVerdict(last, options.rhatThreshold, options.mcseThreshold)}${restartText()}`, k);

  function adamStep(): void {
    adamT++;
    family.parameterScales(scales);
    const c1 = 1 - Math.pow(BETA1, adamT);
    const c2 = 1 - Math.pow(BETA2, adamT);
    const c2Before = 1 - Math.pow(BETA2, adamT - 1);
    for (let i = 0; i < P; i++) {
      let g = grad[i];
      if (adamT > 1) {
        const limit = CLIP_RMS * Math.sqrt(v[i] / c2Before);
        if (g > limit) g = limit;
        else if (g < -limit) g = -limit;
      }
      m[i] = BETA1 * m[i] + (1 - BETA1) * g;
      v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
      let u = m[i] / c1 / (Math.sqrt(v[i] / c2) + EPS);
      if (u > MAX_NORMALISED_STEP) u = MAX_NORMALISED_STEP;
      else if (u < -MAX_NORMALISED_STEP) u = -MAX_NORMALISED_STEP;
      params[i] += lr * scales[i] * u;
    }
  }

  /**
   * The ELBO over the iterations since the last trace entry: the mean of log p(θⱼ) + H[qⱼ] over the
   * gradient draws θⱼ ~ qⱼ, so the trace costs no log-density evaluations of its own (it is the mean
   * ELBO of the recent approximations); -Infinity when every gradient draw failed.
   */
  function runningElbo(): { elbo: number; mcse: number } {
    const { mean, mcse } = elboSinceEntry.estimate();
    elboSinceEntry.reset();
    return { elbo: mean, mcse };
  }

  /**
   * Far below the first ELBO of this run, or not finite, twice in a row: the approximation is running
   * away. One estimate alone is not enough: with heavy tails in log p under q (a scale near a
   * boundary) a single draw can pull an estimate of 100 draws down by orders of magnitude.
   */
  function diverging(elbo: number): boolean {
    const far = !Number.isFinite(elbo) || (Number.isFinite(initialElbo) && elbo < initialElbo - 1e3 * (Math.abs(initialElbo) + n));
    farBelow = far ? farBelow + 1 : 0;
    return farBelow >= 2;
  }

  /**
   * Judges the candidate windows, longest first, and stops at the first stationary and precise one.
   * `final`: the run ends anyway: judge now, and leave the family at the best average available.
   */
  function check(k: number, final: boolean): OptimiserOutcome | null {
    const longest = Math.min(Math.floor(0.95 * (k - stageStart)), trace.length);
    if (longest < Math.min(options.minWindow, final ? 8 : Infinity)) return null;
    if (!final && k - lastJudged < REJUDGE_SHARE * (k - stageStart)) return null;
    lastJudged = k;
    const shortest = Math.min(options.minWindow, longest);
    const windows = new Set<number>();
    for (let c = CANDIDATE_WINDOWS - 1; c >= 0; c--) windows.add(Math.round(shortest + ((longest - shortest) * c) / (CANDIDATE_WINDOWS - 1)));
    let best: Verdict | null = null;
    for (const window of windows) {
      const verdict = judgeIterates(summaries, window, names, options.rhatThreshold, options.mcseThreshold);
      if (verdict.stationary) {
        best = verdict;
        break;
      }
      if (!best || verdict.rhat < best.rhat) best = verdict;
    }
    last = best;
    if (best?.precise) {
      setAverage(best.window);
      return finish(true, 'stationary', `iterates stationary: ${describeStop(best)} after ${k} iterations (average of the last ${best.window} iterates)${restartText()}`, k);
    }
    if (final) setAverage(best?.stationary ? best.window : Math.max(1, Math.floor(longest / 2)));
    return null;
  }

  /** The iterate average over the last `window` iterates (in the family's averaging coordinates). */
  function setAverage(window: number): void {
    if (trace.length >= window) family.fromAveraged(trace.average(window));
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

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}
