import { AdviContext, fmt, interrupted, OptimiserOutcome } from './adviContext';
import { elboGradient, estimateElbo } from './elbo';

const ETA_SEQUENCE = [100, 10, 1, 0.1, 0.01];
const TAU = 1;
const HISTORY_WEIGHT = 0.9; // s_k = 0.9 s_{k-1} + 0.1 g_k²
const NEW_WEIGHT = 0.1;
const RETRIES_PER_DRAW = 10; // Stan 2.21 redraws a failed gradient draw, up to 10 per grad_samples

/** Stan's calc_ELBO: log_prob with propto = false, i.e. our log density plus the constants `~` drops. */
function stanElbo(ctx: AdviContext): { elbo: number; mcse: number } {
  const { target, family, options, counter, work } = ctx;
  const est = estimateElbo(target, family, ctx.elboRng, options.elboSamples, work, counter);
  return { elbo: est.elbo + ctx.elboConstant, mcse: est.mcse };
}

function stanGradient(ctx: AdviContext, grad: Float64Array): boolean {
  const { target, family, options, counter, work } = ctx;
  return elboGradient(target, family, ctx.gradRng, options.gradSamples, grad, work, counter, RETRIES_PER_DRAW * options.gradSamples);
}

/**
 * Stan's adaptive step-size sequence: θ += eta·k^(−1/2)·g / (τ + √s), with s initialised by the
 * first squared gradient and then exponentially smoothed.
 */
class StanStepSequence {
  private readonly s: Float64Array;
  private k = 0;
  constructor(size: number) {
    this.s = new Float64Array(size);
  }
  reset(): void {
    this.s.fill(0);
    this.k = 0;
  }
  /** Applies one update; returns the scaled eta used. */
  step(params: Float64Array, grad: Float64Array, eta: number): number {
    this.k++;
    const s = this.s;
    if (this.k === 1) for (let i = 0; i < s.length; i++) s[i] += grad[i] * grad[i];
    else for (let i = 0; i < s.length; i++) s[i] = HISTORY_WEIGHT * s[i] + NEW_WEIGHT * grad[i] * grad[i];
    const etaScaled = eta / Math.sqrt(this.k);
    for (let i = 0; i < s.length; i++) params[i] += (etaScaled * grad[i]) / (TAU + Math.sqrt(s[i]));
    return etaScaled;
  }
}

type EtaOutcome = { ok: true; eta: number; initial: { elbo: number; mcse: number } } | { ok: false; outcome: OptimiserOutcome };

/** Stan's heuristic grid search over eta: adaptIter iterations from the initial approximation per candidate. */
async function adaptEta(ctx: AdviContext, seq: StanStepSequence, grad: Float64Array): Promise<EtaOutcome> {
  const { family, options } = ctx;
  family.reset(ctx.initialMean);
  const init = stanElbo(ctx);
  if (!Number.isFinite(init.elbo)) {
    return { ok: false, outcome: fail('diverged', 'the ELBO cannot be computed at the initial approximation: every draw had a non-finite log density', 0) };
  }
  let best = -Number.MAX_VALUE;
  let etaBest = 0;
  let iterations = 0;
  const tried: string[] = [];
  seq.reset();
  for (let idx = 0; idx < ETA_SEQUENCE.length; idx++) {
    const eta = ETA_SEQUENCE[idx];
    ctx.onProgress?.({ phase: 'eta-adaptation', iteration: iterations, maxIterations: options.adaptIter * ETA_SEQUENCE.length, message: `trying eta = ${eta}` });
    for (let t = 1; t <= options.adaptIter; t++) {
      iterations++;
      if (!stanGradient(ctx, grad)) grad.fill(0);
      seq.step(family.params, grad, eta);
      const stop = ctx.clock.due() ? await ctx.clock.pause() : null;
      if (stop) return { ok: false, outcome: interrupted(stop, iterations) };
    }
    let elbo = stanElbo(ctx).elbo;
    if (!Number.isFinite(elbo)) elbo = -Number.MAX_VALUE;
    tried.push(`eta ${eta}: ELBO ${fmt(elbo)}`);
    ctx.onProgress?.({ phase: 'eta-adaptation', iteration: iterations, maxIterations: options.adaptIter * ETA_SEQUENCE.length, message: tried[tried.length - 1] });
    const last = idx === ETA_SEQUENCE.length - 1;
    if (elbo < best && best > init.elbo) {
      family.reset(ctx.initialMean);
      return { ok: true, eta: etaBest, initial: init };
    }
    if (!last) {
      best = elbo;
      etaBest = eta;
    } else if (elbo > init.elbo) {
      family.reset(ctx.initialMean);
      return { ok: true, eta, initial: init };
    } else {
      const reason = `every step size failed in eta adaptation (initial ELBO ${fmt(init.elbo)}; ${tried.join(', ')}); the model may be severely ill-conditioned or misspecified`;
      return { ok: false, outcome: fail('eta-adaptation-failed', reason, iterations) };
    }
    seq.reset();
    family.reset(ctx.initialMean);
  }
  return { ok: true, eta: etaBest, initial: init }; // not reached
}

/**
 * Stan's ADVI (stan/variational/advi.hpp, Kucukelbir et al. 2017): eta adaptation, then
 * stochastic gradient ascent with the adaptive step-size sequence, stopping when the mean or
 * the median of the recent relative ELBO changes (circular buffer of max(0.1·iter/eval_elbo, 2))
 * drops below tol_rel_obj.
 */
export async function runStanAdvi(ctx: AdviContext): Promise<OptimiserOutcome> {
  const { family, options } = ctx;
  const grad = new Float64Array(family.params.length);
  const seq = new StanStepSequence(family.params.length);
  let eta = options.eta;
  let initialElbo: { elbo: number; mcse: number };
  if (options.adaptEngaged) {
    const adapted = await adaptEta(ctx, seq, grad);
    if (!adapted.ok) return adapted.outcome;
    eta = adapted.eta;
    initialElbo = adapted.initial;
  } else {
    family.reset(ctx.initialMean);
    initialElbo = stanElbo(ctx);
  }
  family.reset(ctx.initialMean);
  seq.reset();
  const cbSize = Math.floor(Math.max((0.1 * options.iter) / options.evalElbo, 2));
  const relChanges: number[] = [];
  let elbo = 0; // Stan starts from 0, so the first relative change is 1
  let elboBest = -Number.MAX_VALUE;
  let meanChange = Infinity;
  let medianChange = Infinity;
  let diverging = false;
  for (let k = 1; k <= options.iter; k++) {
    if (!stanGradient(ctx, grad)) {
      return fail('diverged', `the ELBO gradient was not finite at iteration ${k} (${RETRIES_PER_DRAW * options.gradSamples} draws from the approximation in a row had a non-finite log density or gradient); eta = ${eta}`, k, eta);
    }
    const etaScaled = seq.step(family.params, grad, eta);
    if (k % options.evalElbo === 0) {
      const prev = elbo;
      const est = stanElbo(ctx);
      if (!Number.isFinite(est.elbo)) {
        return fail('diverged', `the ELBO diverged at iteration ${k}: every draw had a non-finite log density; eta = ${eta}`, k, eta);
      }
      elbo = est.elbo;
      if (elbo > elboBest) elboBest = elbo;
      relChanges.push(Math.abs((prev - elbo) / elbo));
      if (relChanges.length > cbSize) relChanges.shift();
      meanChange = relChanges.reduce((a, b) => a + b, 0) / relChanges.length;
      medianChange = upperMedian(relChanges);
      const entry = { iteration: k, elbo, mcse: est.mcse, stepSize: etaScaled };
      ctx.trace.push(entry);
      ctx.onProgress?.({ phase: 'optimisation', iteration: k, maxIterations: options.iter, entry });
      if (k > 10 * options.evalElbo && (medianChange > 0.5 || meanChange > 0.5)) diverging = true;
      const byMean = meanChange < options.tolRelObj;
      const byMedian = medianChange < options.tolRelObj;
      if (byMean || byMedian) {
        const which = byMean ? 'mean' : 'median';
        let reason = `relative ELBO change below tol_rel_obj ${options.tolRelObj} (${which} ${fmt(byMean ? meanChange : medianChange)} over the last ${relChanges.length} evaluations) after ${k} iterations, eta ${eta} (Stan's rule)`;
        if (Math.abs((elboBest - elbo) / elbo) > 0.05) reason += '; an earlier ELBO was larger than at convergence, so the optimum may not have been reached';
        return { stopCode: byMean ? 'relative-tolerance-mean' : 'relative-tolerance-median', stopReason: reason, iterations: k, hasApproximation: true, stepSize: eta, initialElbo };
      }
    }
    const stop = ctx.clock.due() ? await ctx.clock.pause() : null;
    if (stop) return { ...interrupted(stop, k), hasApproximation: stop === 'time-budget', stepSize: eta, initialElbo };
  }
  let reason = `iteration limit ${options.iter} reached: relative ELBO change still ${fmt(meanChange)} (mean) and ${fmt(medianChange)} (median), above tol_rel_obj ${options.tolRelObj}`;
  if (diverging) reason += '; the ELBO may be diverging';
  return { stopCode: 'max-iterations', stopReason: reason, iterations: options.iter, hasApproximation: true, stepSize: eta, initialElbo };
}

function upperMedian(v: number[]): number {
  const s = v.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function fail(stopCode: OptimiserOutcome['stopCode'], stopReason: string, iterations: number, stepSize = NaN, hasApproximation = false): OptimiserOutcome {
  return { stopCode, stopReason, iterations, hasApproximation, stepSize };
}
