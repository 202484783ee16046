/** What one chain needs: plain data, so it can be posted to a worker thread. Defaults as Stan's `sample`. */
export interface NutsChainOptions {
  numWarmup: number; // 1000
  numSamples: number; // 1000
  seed: number; // chain k draws from new Rng(seed, k)
  maxDepth: number; // 10
  maxDeltaH: number; // 1000: an energy error above this is a divergence
  adaptDelta: number; // 0.8
  adaptGamma: number; // 0.05
  adaptKappa: number; // 0.75
  adaptT0: number; // 10
  initBuffer: number; // 75
  termBuffer: number; // 50
  baseWindow: number; // 25
  metric: 'diag' | 'dense';
  stepsize: number; // 1: the starting point of the heuristic
  initRadius: number; // 2: uniform(−2, 2); 0 starts at zero
  initTries: number; // 100
  /** Initial point per chain (unconstrained); a missing entry means random. */
  inits?: (ArrayLike<number> | null | undefined)[];
  /** Starting inverse metric (diag: dim values; dense: dim × dim row-major). Identity when absent. */
  inverseMetric?: ArrayLike<number>;
  saveWarmup: boolean; // false
  /** Progress every this many iterations (and at the end of each phase). */
  refresh: number; // 50
}

export const defaultNutsChainOptions: NutsChainOptions = {
  numWarmup: 1000,
  numSamples: 1000,
  seed: 0,
  maxDepth: 10,
  maxDeltaH: 1000,
  adaptDelta: 0.8,
  adaptGamma: 0.05,
  adaptKappa: 0.75,
  adaptT0: 10,
  initBuffer: 75,
  termBuffer: 50,
  baseWindow: 25,
  metric: 'diag',
  stepsize: 1,
  initRadius: 2,
  initTries: 100,
  saveWarmup: false,
  refresh: 50,
};

/** Progress of one chain: iterations completed out of warm-up + sampling. */
export interface NutsProgress {
  chain: number;
  iteration: number;
  total: number;
  phase: 'warmup' | 'sampling' | 'done';
}

/** Options of a multi-chain run (in worker threads or in this thread). */
export interface NutsRunOptions extends Partial<NutsChainOptions> {
  chains?: number; // 4
  /** Worker threads; default min(chains, os.availableParallelism()). Ignored by the in-thread runner. */
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (progress: NutsProgress) => void;
  /** The worker entry (compiled chainWorker.js); default: beside this module. Bundles pass their own. */
  workerScript?: string;
  /** After a cancel, a worker that has not stopped within this many ms is terminated (a runaway model). */
  terminateAfterMs?: number; // 1000
}

export function resolveChainOptions(o: Partial<NutsChainOptions>): NutsChainOptions {
  const r = { ...defaultNutsChainOptions } as unknown as Record<string, unknown>;
  const given = o as Record<string, unknown>;
  for (const key of Object.keys(defaultNutsChainOptions)) if (given[key] !== undefined) r[key] = given[key];
  if (o.inits) r.inits = o.inits;
  if (o.inverseMetric) r.inverseMetric = o.inverseMetric;
  return r as unknown as NutsChainOptions;
}

/** Why the options cannot be run (a message for the user), or null. */
export function checkRunOptions(o: NutsChainOptions, chains: number): string | null {
  const nonNegInt = (x: number): boolean => Number.isInteger(x) && x >= 0;
  if (!(Number.isInteger(chains) && chains >= 1)) return `chains must be a positive integer, got ${chains}`;
  if (!nonNegInt(o.numWarmup)) return `numWarmup must be a non-negative integer, got ${o.numWarmup}`;
  if (!nonNegInt(o.numSamples)) return `numSamples must be a non-negative integer, got ${o.numSamples}`;
  if (!(Number.isInteger(o.maxDepth) && o.maxDepth >= 1)) return `maxDepth must be a positive integer, got ${o.maxDepth}`;
  if (!(o.adaptDelta > 0 && o.adaptDelta < 1)) return `adaptDelta must be between 0 and 1, got ${o.adaptDelta}`;
  if (!(o.stepsize > 0 && Number.isFinite(o.stepsize))) return `stepsize must be positive, got ${o.stepsize}`;
  if (!(o.initRadius >= 0 && Number.isFinite(o.initRadius))) return `initRadius must be non-negative, got ${o.initRadius}`;
  if (!(Number.isInteger(o.refresh) && o.refresh >= 1)) return `refresh must be a positive integer, got ${o.refresh}`;
  if (!Number.isFinite(o.seed)) return `seed must be a number, got ${o.seed}`;
  return null;
}
