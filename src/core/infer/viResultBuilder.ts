import { paretoKThreshold } from '../diagnose';
import type { EvaluationCounter } from './elbo';
import type { LogDensityTarget } from './target';
import type { Approximation, PsisSummary, StopCode, ViAlgorithm, ViMethod, VariationalResult } from './viResult';
import type { ElboTraceEntry } from './progress';

export interface ResultParts {
  method: ViMethod;
  algorithm: ViAlgorithm;
  seed: number;
  stopCode: StopCode;
  stopReason: string;
  iterations: number;
  trace: ElboTraceEntry[];
  counter: EvaluationCounter;
  seconds: number;
  approximation?: Approximation | null;
  draws?: { draws: Float64Array; logP: Float64Array; logQ: Float64Array };
  elbo?: { elbo: number; mcse: number };
  psis?: PsisSummary | null;
  stepSize?: number;
  convergence?: { rhat: number; mcse: number; window: number };
  outputDraws?: number;
}

const OK_CODES: StopCode[] = ['stationary', 'relative-tolerance-mean', 'relative-tolerance-median', 'lbfgs-converged', 'collapsed', 'max-iterations', 'time-budget'];

/** Assembles the result object (also for failures: empty draws, ok false). */
export function buildResult(target: LogDensityTarget, p: ResultParts): VariationalResult {
  const empty = new Float64Array(0);
  const ok = OK_CODES.includes(p.stopCode) && !!p.draws;
  const ndraws = p.draws ? p.draws.logP.length : 0;
  const result: VariationalResult = {
    version: 1,
    method: p.method,
    algorithm: p.algorithm,
    seed: p.seed,
    ok,
    dim: target.dim,
    coordinateNames: target.coordinateNames,
    draws: p.draws?.draws ?? empty,
    ndraws,
    logP: p.draws?.logP ?? empty,
    logQ: p.draws?.logQ ?? empty,
    approximation: p.approximation ?? null,
    elbo: p.elbo?.elbo ?? NaN,
    elboMcse: p.elbo?.mcse ?? NaN,
    elboTrace: p.trace,
    stopCode: p.stopCode,
    stopReason: p.stopReason,
    iterations: p.iterations,
    psis: p.psis ?? null,
    khat: p.psis?.khat ?? NaN,
    khatThreshold: p.psis?.threshold ?? paretoKThreshold(Math.max(ndraws, p.outputDraws ?? 1000)),
    timing: { seconds: p.seconds },
    gradientEvaluations: p.counter.gradient,
    logDensityEvaluations: p.counter.value,
  };
  if (p.stepSize !== undefined && Number.isFinite(p.stepSize)) result.stepSize = p.stepSize;
  if (p.convergence) result.convergence = p.convergence;
  return result;
}
