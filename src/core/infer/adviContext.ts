import type { ResolvedAdviOptions } from './adviOptions';
import type { FitClock } from './cancellation';
import type { ElboWorkspace, EvaluationCounter } from './elbo';
import type { VariationalFamily } from './family';
import type { ElboTraceEntry, ProgressCallback } from './progress';
import type { Rng } from './rng';
import type { LogDensityTarget } from './target';
import type { StopCode } from './viResult';

/** What an ADVI optimiser works with. */
export interface AdviContext {
  target: LogDensityTarget;
  family: VariationalFamily;
  options: ResolvedAdviOptions;
  /** Starting mean (the initial point). */
  initialMean: Float64Array;
  gradRng: Rng;
  elboRng: Rng;
  work: ElboWorkspace;
  counter: EvaluationCounter;
  clock: FitClock;
  trace: ElboTraceEntry[];
  /** Added to every ELBO reported in Stan mode: the constants Stan's ELBO keeps and the target drops (0 in robust mode). */
  elboConstant: number;
  onProgress?: ProgressCallback;
  /** A new random initial point (for restarts after a blow-up), or null when none can be found. */
  newInitialPoint?: () => Float64Array | null;
}

/** How an optimiser ended; the family holds the final parameters when `hasApproximation`. */
export interface OptimiserOutcome {
  stopCode: StopCode;
  stopReason: string;
  iterations: number;
  hasApproximation: boolean;
  stepSize: number;
  convergence?: { rhat: number; mcse: number; window: number };
  /** ELBO of the starting approximation, where the optimiser measured it (Stan mode: eta adaptation's first). */
  initialElbo?: { elbo: number; mcse: number };
}

export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(2);
  return String(Number(x.toPrecision(digits)));
}

/** Outcome of a fit interrupted by cancel or its time budget (no approximation kept by default). */
export function interrupted(stop: 'cancelled' | 'time-budget', iterations: number): OptimiserOutcome {
  const stopReason = stop === 'cancelled' ? `cancelled after ${iterations} iterations` : `time budget exhausted after ${iterations} iterations`;
  return { stopCode: stop, stopReason, iterations, hasApproximation: false, stepSize: NaN };
}
