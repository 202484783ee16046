/** Stan's sampler diagnostics per draw (treedepth__, n_leapfrog__, divergent__, energy__, accept_stat__, stepsize__, lp__). */
export interface SamplerDiagnostics {
  treedepth: Int32Array;
  nLeapfrog: Int32Array;
  divergent: Uint8Array;
  energy: Float64Array;
  acceptStat: Float64Array;
  stepsize: Float64Array;
  lp: Float64Array;
}

export interface NutsChainResult {
  chain: number;
  seed: number;
  /** 'ok'; 'cancelled' (draws so far are kept); 'failed' (message says why). */
  status: 'ok' | 'cancelled' | 'failed';
  message?: string;
  dim: number;
  /** Post-warm-up draws on the unconstrained scale: numDraws × dim, row-major. */
  draws: Float64Array;
  numDraws: number;
  sampler: SamplerDiagnostics;
  /** Warm-up draws and diagnostics, when saveWarmup was set. */
  warmup?: { draws: Float64Array; numDraws: number; sampler: SamplerDiagnostics };
  /** The adapted step size and inverse metric (diag: dim; dense: dim × dim row-major). */
  stepsize: number;
  inverseMetric: Float64Array;
  metric: 'diag' | 'dense';
  /** The initial point and how many tries it took. */
  init: Float64Array;
  initTries: number;
  /** Divergent transitions after warm-up (and during it). */
  divergences: number;
  warmupDivergences: number;
  /** Post-warm-up transitions that hit maxDepth. */
  treedepthSaturations: number;
  maxDepth: number;
  gradientEvaluations: number;
  timing: { warmupSeconds: number; samplingSeconds: number };
}

export interface NutsResult {
  status: 'ok' | 'cancelled' | 'failed';
  /** The first failure's message (chain numbered from 1), if any chain failed. */
  message?: string;
  coordinateNames: string[];
  seed: number;
  chains: NutsChainResult[];
  divergences: number;
  treedepthSaturations: number;
  gradientEvaluations: number;
  timing: { wallSeconds: number };
}

export function emptyDiagnostics(n: number): SamplerDiagnostics {
  return {
    treedepth: new Int32Array(n), nLeapfrog: new Int32Array(n), divergent: new Uint8Array(n),
    energy: new Float64Array(n), acceptStat: new Float64Array(n), stepsize: new Float64Array(n), lp: new Float64Array(n),
  };
}

export function truncateDiagnostics(d: SamplerDiagnostics, n: number): SamplerDiagnostics {
  return {
    treedepth: d.treedepth.slice(0, n), nLeapfrog: d.nLeapfrog.slice(0, n), divergent: d.divergent.slice(0, n),
    energy: d.energy.slice(0, n), acceptStat: d.acceptStat.slice(0, n), stepsize: d.stepsize.slice(0, n), lp: d.lp.slice(0, n),
  };
}

/** Combines chain results into a run result. */
export function combineChains(coordinateNames: string[], seed: number, chains: NutsChainResult[], wallSeconds: number): NutsResult {
  const failed = chains.find((c) => c.status === 'failed');
  const status = failed ? 'failed' : chains.some((c) => c.status === 'cancelled') ? 'cancelled' : 'ok';
  let divergences = 0, sat = 0, grads = 0;
  for (const c of chains) {
    divergences += c.divergences;
    sat += c.treedepthSaturations;
    grads += c.gradientEvaluations;
  }
  return {
    status, ...(failed ? { message: `chain ${failed.chain + 1}: ${failed.message}` } : {}),
    coordinateNames, seed, chains, divergences, treedepthSaturations: sat, gradientEvaluations: grads,
    timing: { wallSeconds },
  };
}

/** The result of a run whose options were rejected before any chain started. */
export function invalidRun(message: string, seed: number): NutsResult {
  return {
    status: 'failed', message, coordinateNames: [], seed, chains: [], divergences: 0, treedepthSaturations: 0,
    gradientEvaluations: 0, timing: { wallSeconds: 0 },
  };
}
