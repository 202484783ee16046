import { essMean, rhatBasic } from '../diagnose';
import { AdviContext, fmt, interrupted, OptimiserOutcome } from './adviContext';
import { elboGradient, estimateElbo } from './elbo';
import { IterateTrace } from './iterateTrace';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;
const MAX_CONSECUTIVE_FAILURES = 50;
const MAX_WINDOW = 5000;
const MIN_ESS = 25;
const TRACE_BUDGET = 2_000_000; // doubles kept for the iterate trace
// A constant rate leaves a bias in the iterate average that grows with the rate (the ELBO
// gradient is not linear in the log-scales): explore at the given rate until stationary, then
// refine at 0.3 of it, where the stopping rule is judged.
const REFINE_FACTOR = 0.3;

interface Verdict {
  rhat: number;
  mcse: number;
  window: number;
  /** Smallest effective sample size of the iterates over the window (when judged). */
  ess?: number;
  /** Name of the worst parameter for R̂ (or MCSE when stationary). */
  worst: string;
}

/**
 * Robust ADVI after Dhaka et al. 2020, "Robust, accurate stochastic optimization for variational
 * inference": Adam with a fixed learning rate (means preconditioned by the current sd, so the rate
 * is scale-free). Every `checkEvery` iterations the last half of the iterate trace (means and log
 * marginal sds) is judged: stationary when the max split-R̂ is below `rhatThreshold`. The first
 * time, the rate drops to REFINE_FACTOR of itself and a new trace starts from the average; in that
 * phase the fit stops when it is stationary again and the MCSE of the iterate average is below
 * `mcseThreshold` (in sd units) with enough effective iterates. The answer is the iterate average.
 */
export async function runRobustAdvi(ctx: AdviContext): Promise<OptimiserOutcome> {
  const { target, family, options, counter, work } = ctx;
  const P = family.params.length;
  // stationarity and precision are judged on the means and log marginal sds (what a user reads);
  // the iterate average is taken over every parameter
  const n = target.dim;
  const names = [...target.coordinateNames.map((c) => `mean of ${c}`), ...target.coordinateNames.map((c) => `log sd of ${c}`)];
  const summary = new Float64Array(2 * n);
  const params = family.params;
  const grad = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const scales = new Float64Array(P);
  const capacity = Math.max(options.minWindow, Math.min(MAX_WINDOW, Math.floor(TRACE_BUDGET / P)));
  let trace = new IterateTrace(P, capacity);
  let summaries = new IterateTrace(2 * n, capacity);
  let lr = options.stepSize;
  let stageStart = 0;
  let refining = false;
  let lastJudged = 0;
  let failures = 0;
  let last: Verdict | null = null;
  family.reset(ctx.initialMean);
  for (let k = 1; k <= options.iter; k++) {
    if (!elboGradient(target, family, ctx.gradRng, options.gradSamples, grad, work, counter)) {
      if (++failures >= MAX_CONSECUTIVE_FAILURES) {
        return finish(false, 'diverged', `the ELBO gradient was not finite for ${MAX_CONSECUTIVE_FAILURES} iterations in a row (iteration ${k}): draws from the approximation reach regions where the log density or its gradient is not finite`, k);
      }
    } else {
      failures = 0;
      family.parameterScales(scales);
      const c1 = 1 - Math.pow(BETA1, k);
      const c2 = 1 - Math.pow(BETA2, k);
      for (let i = 0; i < P; i++) {
        m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
        v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
        params[i] += (lr * scales[i] * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + EPS);
      }
      if (!params.every(Number.isFinite)) {
        return finish(false, 'diverged', `the variational parameters became non-finite at iteration ${k}; try a smaller stepSize than ${lr}`, k);
      }
    }
    trace.push(params);
    family.summarise(summary);
    summaries.push(summary);
    if (k % options.evalElbo === 0) {
      const est = estimateElbo(target, family, ctx.elboRng, options.elboSamples, work, counter);
      const entry = { iteration: k, elbo: est.elbo, mcse: est.mcse, stepSize: lr };
      ctx.trace.push(entry);
      ctx.onProgress?.({ phase: 'optimisation', iteration: k, maxIterations: options.iter, entry });
    }
    const window = Math.min(Math.floor((k - stageStart) / 2), trace.length);
    if (k % options.checkEvery === 0 && window >= options.minWindow && window >= 1.1 * lastJudged) {
      lastJudged = window;
      last = judge(summaries, window, names, options.rhatThreshold, refining);
      if (!refining && last.rhat < options.rhatThreshold) {
        // stationary at the exploring rate: continue from the average at the small rate
        family.params.set(trace.average(window));
        lr *= REFINE_FACTOR;
        refining = true;
        stageStart = k;
        lastJudged = 0;
        trace = new IterateTrace(P, capacity);
        summaries = new IterateTrace(2 * n, capacity);
        ctx.onProgress?.({ phase: 'optimisation', iteration: k, maxIterations: options.iter, message: `stationary at step size ${fmt(lr / REFINE_FACTOR)}; refining at ${fmt(lr)}` });
      } else if (refining && last.rhat < options.rhatThreshold && last.mcse < options.mcseThreshold) {
        family.params.set(trace.average(window));
        return finish(true, 'stationary', `iterates stationary: R̂ ${last.rhat.toFixed(3)}, MCSE ${fmt(last.mcse, 2)} after ${k} iterations (average of the last ${window} iterates)`, k);
      }
    }
    const stop = ctx.clock.due() ? await ctx.clock.pause() : null;
    if (stop) {
      if (stop === 'cancelled') return { ...interrupted(stop, k), stepSize: lr };
      useAverage(trace, Math.max(1, Math.min(Math.floor((k - stageStart) / 2), trace.length)), family);
      return finish(true, 'time-budget', `time budget exhausted after ${k} iterations: ${describe(last, options.rhatThreshold, options.mcseThreshold)}`, k);
    }
  }
  const window = Math.min(trace.length, Math.max(2, Math.floor((options.iter - stageStart) / 2)));
  if (window >= 4) last = judge(summaries, window, names, options.rhatThreshold, true);
  useAverage(trace, Math.max(1, window), family);
  const why = describe(last, options.rhatThreshold, options.mcseThreshold);
  return finish(true, 'max-iterations', `iteration limit ${options.iter} reached: ${why}`, options.iter);

  function finish(ok: boolean, stopCode: OptimiserOutcome['stopCode'], stopReason: string, iterations: number): OptimiserOutcome {
    const out: OptimiserOutcome = { stopCode, stopReason, iterations, hasApproximation: ok, stepSize: lr };
    if (last) out.convergence = { rhat: last.rhat, mcse: last.mcse, window: last.window };
    return out;
  }
}

function describe(v: Verdict | null, rhatThreshold: number, mcseThreshold: number): string {
  if (!v) return 'too few iterations to judge stationarity';
  if (!(v.rhat < rhatThreshold)) return `iterates not stationary (R̂ ${v.rhat.toFixed(3)} at ${v.worst}, threshold ${rhatThreshold})`;
  if (v.ess !== undefined && v.ess < MIN_ESS) return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but too autocorrelated to judge the average (ESS ${fmt(v.ess, 2)} < ${MIN_ESS})`;
  return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but the iterate average is not yet precise (MCSE ${fmt(v.mcse, 2)} at ${v.worst}, threshold ${mcseThreshold})`;
}

function useAverage(trace: IterateTrace, window: number, family: AdviContext['family']): void {
  family.params.set(trace.average(window));
}

/**
 * Max split-R̂ over the summaries [means, log sds]; when below the threshold, also the max MCSE of
 * their window averages, the means' in units of the averaged sd.
 */
function judge(trace: IterateTrace, window: number, names: string[], rhatThreshold: number, withMcse: boolean): Verdict {
  const P = trace.width;
  const n = P / 2;
  const series = new Float64Array(window);
  let rhat = 0;
  let worst = '';
  for (let k = 0; k < P; k++) {
    const r = rhatBasic(trace.series(k, window, series));
    if (r > rhat) { rhat = r; worst = names[k]; } // NaN: a constant series, which is stationary
  }
  if (rhat === 0) rhat = 1;
  if (!(rhat < rhatThreshold) || !withMcse) return { rhat, mcse: NaN, window, worst };
  const avg = trace.average(window);
  const scales = new Float64Array(P);
  for (let i = 0; i < n; i++) { scales[i] = Math.exp(avg[n + i]); scales[n + i] = 1; }
  let mcse = 0;
  let minEss = Infinity;
  for (let k = 0; k < P; k++) {
    trace.series(k, window, series);
    const ess = essMean(series);
    if (Number.isNaN(ess)) continue; // constant: exact
    minEss = Math.min(minEss, ess);
    const e = sdOf(series) / Math.sqrt(ess) / scales[k];
    if (e > mcse) { mcse = e; worst = names[k]; }
  }
  // an MCSE from a handful of effective draws is itself unreliable: count it as not precise yet
  if (minEss < MIN_ESS) mcse = Infinity;
  return { rhat, mcse, window, worst, ess: minEss };
}

function sdOf(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
  return Math.sqrt(v / (x.length - 1));
}
