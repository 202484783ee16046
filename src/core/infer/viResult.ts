import type { ElboTraceEntry } from './progress';

export type ViMethod = 'meanfield' | 'fullrank' | 'pathfinder';
export type ViAlgorithm = 'robust' | 'stan' | 'single-path' | 'multi-path';

/**
 * Why a fit ended. The first four are successes; the rest leave `ok` false except 'collapsed',
 * 'max-iterations' and 'time-budget', which still return the approximation reached (not converged).
 */
export type StopCode =
  | 'stationary' // robust ADVI: iterates stationary (R-hat) and iterate average precise (MCSE)
  | 'relative-tolerance-mean' // Stan ADVI: mean relative ELBO change below tol_rel_obj
  | 'relative-tolerance-median' // Stan ADVI: median relative ELBO change below tol_rel_obj
  | 'lbfgs-converged' // Pathfinder: L-BFGS met its tolerance
  | 'collapsed' // ADVI: its rule stopped the fit (Stan's: as Stan would), but the approximation collapsed (sd → 0 or ELBO below the start's)
  | 'max-iterations'
  | 'time-budget'
  | 'cancelled'
  | 'init-failed' // non-finite log density or gradient at every initial point tried
  | 'diverged' // ELBO or gradient non-finite during optimisation
  | 'eta-adaptation-failed' // Stan ADVI: every step size in the sequence failed
  | 'no-approximation'; // Pathfinder: no normal approximation along the path had a finite ELBO

/** The stop codes of a fit whose rule declared convergence (one list for the pipeline, the panel and ADVI). */
export const CONVERGED_STOP_CODES: readonly StopCode[] = ['stationary', 'relative-tolerance-mean', 'relative-tolerance-median', 'lbfgs-converged'];

export function isConvergedStop(code: string): boolean {
  return (CONVERGED_STOP_CODES as readonly string[]).includes(code);
}

/** The fitted Gaussian on the unconstrained space. */
export type Approximation =
  | { kind: 'meanfield'; mean: Float64Array; sd: Float64Array }
  // L: dim × dim row-major, lower triangular with positive diagonal; covariance L Lᵀ
  | { kind: 'fullrank'; mean: Float64Array; sd: Float64Array; L: Float64Array }
  // Pathfinder: covariance diag(alpha) + beta·gamma·betaᵀ (beta: dim × k row-major, gamma: k × k)
  | { kind: 'lowrank'; mean: Float64Array; sd: Float64Array; alpha: Float64Array; beta: Float64Array; gamma: Float64Array; rank: number };

export interface PsisSummary {
  /** Pareto k-hat of log p(θ) − log q(θ) over the output draws (NaN when not computable). */
  khat: number;
  /** min(1 − 1/log10 S, 0.7) for S output draws. */
  threshold: number;
  /** PSIS effective sample size. */
  nEff: number;
  /** True when khat < threshold: `resampledDraws` is then a better approximation than `draws`. */
  usable: boolean;
  /** Importance-resampled draws (same shape as `draws`), present when usable. */
  resampledDraws?: Float64Array;
}

export interface VariationalResult {
  /** Bumped when this shape changes. */
  version: 1;
  method: ViMethod;
  algorithm: ViAlgorithm;
  seed: number;
  /** False when the fit failed outright (no approximation): see stopCode / stopReason. */
  ok: boolean;
  dim: number;
  coordinateNames: readonly string[];
  /** Unconstrained draws, row-major draws × dim. Empty when !ok. */
  draws: Float64Array;
  ndraws: number;
  /** log p(θ) (target, unnormalised) and log q(θ) for each output draw. */
  logP: Float64Array;
  logQ: Float64Array;
  approximation: Approximation | null;
  /** Final ELBO estimate of the returned approximation and its Monte Carlo standard error. */
  elbo: number;
  elboMcse: number;
  elboTrace: ElboTraceEntry[];
  stopCode: StopCode;
  stopReason: string;
  iterations: number;
  /** Robust ADVI: the stationarity verdict numbers at the stop (max split-R̂ and max relative MCSE). */
  convergence?: { rhat: number; mcse: number; window: number };
  /** Stan mode: the adapted eta. Robust mode: the optimiser's learning rate. */
  stepSize?: number;
  psis: PsisSummary | null;
  khat: number;
  khatThreshold: number;
  timing: { seconds: number };
  gradientEvaluations: number;
  /** log-density evaluations without gradient (ELBO estimates, draws' log p). */
  logDensityEvaluations: number;
}
