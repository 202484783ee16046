import type { CancellationToken } from './cancellation';
import type { InitOptions } from './initialPoint';
import type { ProgressCallback } from './progress';

/** Options shared by every variational fit. */
export interface FitControl {
  /** Seed of every random number in the fit: same seed, same result. Default 1. */
  seed?: number;
  /** Output draws from the approximation (Stan: output_samples 1000). */
  outputDraws?: number;
  /** Aborts the fit within ~20 ms (checked between iterations; the fit yields to the event loop). */
  signal?: CancellationToken;
  /** Wall-clock limit in seconds; the fit stops with stopCode 'time-budget'. */
  timeBudgetSeconds?: number;
  onProgress?: ProgressCallback;
}

export interface AdviOptions extends FitControl, InitOptions {
  method?: 'meanfield' | 'fullrank';
  /** 'robust' (default): Dhaka et al. 2020 stationarity-based stopping. 'stan': Stan's ADVI. */
  algorithm?: 'robust' | 'stan';
  /** Maximum iterations (Stan: iter 10000). */
  iter?: number;
  /** Draws per gradient estimate (Stan: grad_samples 1). */
  gradSamples?: number;
  /** Draws per ELBO estimate (Stan: elbo_samples 100). */
  elboSamples?: number;
  /** Evaluate the ELBO every this many iterations (Stan: eval_elbo 100). */
  evalElbo?: number;
  // Stan mode
  /** Step-size scale; with adaptEngaged it is chosen from {100, 10, 1, 0.1, 0.01}. */
  eta?: number;
  adaptEngaged?: boolean;
  /** Iterations per eta candidate (Stan: adapt_iter 50). */
  adaptIter?: number;
  /** Relative ELBO tolerance (Stan: tol_rel_obj 0.01). */
  tolRelObj?: number;
  /**
   * Stan's ELBO uses the log density with every constant kept (log_prob with propto = false); the
   * target drops the constants `~` statements drop. Their sum, added to each ELBO in Stan mode, makes
   * the relative ELBO changes, and so the stopping iteration, Stan's. Default: the target's
   * droppedConstant at the initial point (compiled models), else 0.
   */
  elboConstant?: number;
  // robust mode. Dhaka et al. 2020's rule as the authors' viabel package implements it (FASO, shared with
  // Welandawe et al. 2022): split-R̂ ≤ 1.1 on the best of 5 windows from W_min = 200 to 95% of the run,
  // then the MCSE of the iterate average below 0.1 (means in units of the sd, log sds absolute) with
  // ESS > W_min/8. Their experiments' code used R̂ 1.15 (means) and 1.2 (log sds) with MCSE 0.02. Here:
  // R̂ 1.1, the longest stationary window of 5 from 50, MCSE 0.05 posterior sds with ESS ≥ 25.
  /** Adam learning rate (means in units of the current sd). Default 0.1. */
  stepSize?: number;
  /** Stationarity: max split-R̂ of the iterates (means, log marginal sds) over the window below this (Dhaka et al. 2020, viabel). Default 1.1. */
  rhatThreshold?: number;
  /** Precision: max MCSE of the iterate average, in posterior sds (means relative to the sd; log sds absolute), below this. Default 0.05. */
  mcseThreshold?: number;
  /** Shortest window of iterates judged (default 50); windows up to 95% of the run are tried. */
  minWindow?: number;
  /** Judge every this many iterations (default 25; less often once judging a long window costs more). */
  checkEvery?: number;
}

export interface ResolvedAdviOptions {
  method: 'meanfield' | 'fullrank';
  algorithm: 'robust' | 'stan';
  seed: number;
  outputDraws: number;
  iter: number;
  gradSamples: number;
  elboSamples: number;
  evalElbo: number;
  eta: number;
  adaptEngaged: boolean;
  adaptIter: number;
  tolRelObj: number;
  /** null: ask the target (see AdviOptions.elboConstant). */
  elboConstant: number | null;
  stepSize: number;
  rhatThreshold: number;
  mcseThreshold: number;
  minWindow: number;
  checkEvery: number;
}

export function resolveAdviOptions(o: AdviOptions): ResolvedAdviOptions {
  const posInt = (v: number | undefined, d: number) => (v !== undefined && Number.isFinite(v) && v >= 1 ? Math.floor(v) : d);
  const pos = (v: number | undefined, d: number) => (v !== undefined && v > 0 && Number.isFinite(v) ? v : d);
  return {
    method: o.method ?? 'meanfield',
    algorithm: o.algorithm ?? 'robust',
    seed: o.seed ?? 1,
    outputDraws: posInt(o.outputDraws, 1000),
    iter: posInt(o.iter, 10000),
    gradSamples: posInt(o.gradSamples, 1),
    elboSamples: posInt(o.elboSamples, 100),
    evalElbo: posInt(o.evalElbo, 100),
    eta: pos(o.eta, 1),
    adaptEngaged: o.adaptEngaged ?? true,
    adaptIter: posInt(o.adaptIter, 50),
    tolRelObj: pos(o.tolRelObj, 0.01),
    elboConstant: o.elboConstant !== undefined && Number.isFinite(o.elboConstant) ? o.elboConstant : null,
    stepSize: pos(o.stepSize, 0.1),
    rhatThreshold: pos(o.rhatThreshold, 1.1),
    mcseThreshold: pos(o.mcseThreshold, 0.05),
    minWindow: Math.max(20, posInt(o.minWindow, 50)),
    checkEvery: posInt(o.checkEvery, 25),
  };
}
