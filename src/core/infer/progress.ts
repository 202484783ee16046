/** One evaluation of the ELBO during a fit (also the result's trace). */
export interface ElboTraceEntry {
  iteration: number;
  /**
   * Monte Carlo estimate of the ELBO (may be -Infinity when every draw was rejected). Stan mode: of the
   * current approximation, with elbo_samples draws and Stan's constants. Robust mode: the mean ELBO of
   * the approximations since the previous entry, from their gradient draws (no extra evaluations).
   */
  elbo: number;
  /** Its Monte Carlo standard error. */
  mcse: number;
  /** Step size in force at this iteration (eta·iter^-1/2 in Stan mode, the optimiser rate in robust mode). */
  stepSize: number;
  /** Pathfinder: which path (1-based) the entry belongs to. */
  path?: number;
}

export type FitPhase = 'init' | 'eta-adaptation' | 'optimisation' | 'lbfgs' | 'approximation' | 'draws' | 'psis' | 'done';

/** What a fit streams while it runs. `entry` is set when a new ELBO trace entry was made. */
export interface FitProgress {
  phase: FitPhase;
  iteration: number;
  maxIterations: number;
  entry?: ElboTraceEntry;
  /** Short human-readable note: "trying eta = 10", "path 2 of 4". */
  message?: string;
}

export type ProgressCallback = (progress: FitProgress) => void;
