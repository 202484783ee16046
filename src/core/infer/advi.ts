import type { AdviContext, OptimiserOutcome } from './adviContext';
import { AdviOptions, resolveAdviOptions } from './adviOptions';
import { FitClock } from './cancellation';
import { ElboWorkspace, EvaluationCounter } from './elbo';
import type { VariationalFamily } from './family';
import { drawsElbo, familyDraws } from './familyDraws';
import { FullRank } from './fullRank';
import { findCollapse } from './collapseCheck';
import { findInitialPoint } from './initialPoint';
import { MeanField } from './meanField';
import type { ElboTraceEntry } from './progress';
import { psisCorrection } from './psisCorrection';
import { Rng } from './rng';
import { runRobustAdvi } from './robustAdvi';
import { runStanAdvi } from './stanAdvi';
import type { LogDensityTarget } from './target';
import { buildResult } from './viResultBuilder';
import { isConvergedStop, type VariationalResult } from './viResult';

/** Random streams of one fit: each purpose its own stream of the seed, so changes in one leave the others alone. */
export const STREAM = { init: 0, gradient: 1, elbo: 2, draws: 3, psis: 4 } as const;

/**
 * Fits a mean-field or full-rank Gaussian to the target by ADVI ('robust' by default, or 'stan').
 * Never throws for model problems: failures come back with ok = false and an explained stopReason.
 */
export async function fitAdvi(target: LogDensityTarget, options: AdviOptions = {}): Promise<VariationalResult> {
  const o = resolveAdviOptions(options);
  const clock = new FitClock(options.signal, options.timeBudgetSeconds);
  const counter: EvaluationCounter = { gradient: 0, value: 0 };
  const trace: ElboTraceEntry[] = [];
  const base = { method: o.method, algorithm: o.algorithm, seed: o.seed, trace, counter, outputDraws: o.outputDraws } as const;
  const rng = (stream: number) => new Rng(o.seed, stream);
  options.onProgress?.({ phase: 'init', iteration: 0, maxIterations: o.iter });
  const initRng = rng(STREAM.init);
  const init = findInitialPoint(target, initRng, options, counter);
  if (!init.ok) {
    return buildResult(target, { ...base, stopCode: 'init-failed', stopReason: `cannot start: ${init.reason}`, iterations: 0, seconds: clock.elapsedSeconds() });
  }
  const family: VariationalFamily = o.method === 'fullrank' ? new FullRank(target.dim) : new MeanField(target.dim);
  family.reset(init.theta);
  const work = new ElboWorkspace(target.dim);
  const elboConstant = o.algorithm === 'stan' ? stanElboConstant(target, init.theta, o.elboConstant) : 0;
  const ctx: AdviContext = {
    target, family, options: o, initialMean: init.theta, gradRng: rng(STREAM.gradient), elboRng: rng(STREAM.elbo),
    work, counter, clock, trace, onProgress: options.onProgress, elboConstant,
    // restarts draw random points from the same stream, after the first (a fixed init restarts randomly)
    newInitialPoint: () => {
      const next = findInitialPoint(target, initRng, { ...options, init: 'random' }, counter);
      return next.ok ? next.theta : null;
    },
  };
  let outcome: OptimiserOutcome;
  try {
    outcome = o.algorithm === 'stan' ? await runStanAdvi(ctx) : await runRobustAdvi(ctx);
  } catch (e) {
    // a target that throws is a bug in the model code, still reported as a value
    outcome = { stopCode: 'diverged', stopReason: `the log density threw: ${e instanceof Error ? e.message : String(e)}`, iterations: 0, hasApproximation: false, stepSize: NaN };
  }
  const parts = { ...base, stopCode: outcome.stopCode, stopReason: outcome.stopReason, iterations: outcome.iterations, stepSize: outcome.stepSize, convergence: outcome.convergence };
  if (!outcome.hasApproximation) return buildResult(target, { ...parts, seconds: clock.elapsedSeconds() });
  options.onProgress?.({ phase: 'draws', iteration: outcome.iterations, maxIterations: o.iter });
  const draws = familyDraws(target, family, rng(STREAM.draws), o.outputDraws, counter);
  // the returned approximation's ELBO from its output draws (whose log p PSIS needs anyway)
  const drawn = drawsElbo(draws, family.entropy());
  const elbo = { elbo: drawn.elbo + elboConstant, mcse: drawn.mcse };
  const start = outcome.initialElbo ?? { elbo: NaN, mcse: NaN };
  const collapse = findCollapse(target, family.approximation(), { initial: start.elbo, initialMcse: start.mcse, final: elbo.elbo, finalMcse: elbo.mcse }, counter);
  if (collapse) Object.assign(parts, reportCollapse(outcome, collapse, o.algorithm));
  options.onProgress?.({ phase: 'psis', iteration: outcome.iterations, maxIterations: o.iter });
  const psis = psisCorrection(draws.draws, target.dim, draws.logP, draws.logQ, rng(STREAM.psis));
  options.onProgress?.({ phase: 'done', iteration: outcome.iterations, maxIterations: o.iter });
  return buildResult(target, {
    ...parts, approximation: family.approximation(), draws, elbo, psis, seconds: clock.elapsedSeconds(),
  });
}

/** The constants Stan's ELBO keeps: given, else the target's (at the initial point, where it is finite), else 0. */
function stanElboConstant(target: LogDensityTarget, theta: Float64Array, given: number | null): number {
  if (given !== null) return given;
  const c = target.droppedConstant?.(theta) ?? 0;
  return Number.isFinite(c) ? c : 0;
}

/** A collapsed approximation is not a converged one: said in the stop reason, and by the code when the rule had declared convergence. */
function reportCollapse(outcome: OptimiserOutcome, evidence: string, algorithm: 'robust' | 'stan'): Pick<OptimiserOutcome, 'stopCode' | 'stopReason'> {
  const advice = algorithm === 'stan'
    ? `eta ${outcome.stepSize} was too large for this model; do not use this fit: rerun with another seed or with the robust algorithm`
    : 'do not use this fit: rerun with another seed or a smaller step size';
  const converged = isConvergedStop(outcome.stopCode);
  return {
    stopCode: converged ? 'collapsed' : outcome.stopCode,
    stopReason: `${converged ? 'approximation collapsed' : outcome.stopReason}: ${evidence}; ${advice}${converged ? ` (${outcome.stopReason})` : ''}`,
  };
}
