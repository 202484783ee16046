// The inputs, progress and outcomes of a pipeline run (fit, reference, compare). Plain JSON, so the same
// shapes travel in worker messages (src/protocol.ts re-exports them).
import type { CancellationToken } from '../infer/cancellation';
import type { Span } from '../stan/span';

export interface ModelInput {
  // The Stan program text and where it came from (a path for messages; '<untitled>' for unsaved text).
  source: string;
  path: string;
}

export interface DataInput {
  // CmdStan JSON text; null when there is no data file (a data block then reports what is missing).
  text: string | null;
  path: string | null;
}

export type VariationalMethod = 'meanfield' | 'fullrank' | 'pathfinder';
export type FitRequestMethod = VariationalMethod | 'nuts';

// Everything optional: defaults are Stan's (VI: robust ADVI, 1000 draws; NUTS: 4 chains x 1000 + 1000).
export interface FitOptions {
  // ADVI: 'robust' (default) or 'stan'.
  algorithm?: 'robust' | 'stan';
  // Output draws of a variational fit (default 1000); NUTS: post-warm-up draws per chain (default 1000).
  draws?: number;
  // Maximum optimiser iterations (VI, default 10000).
  iter?: number;
  // NUTS: chains (default 4) and warm-up iterations per chain (default 1000).
  chains?: number;
  warmup?: number;
  // Pathfinder: number of paths (default 4; 1 is single-path).
  paths?: number;
  // Wall-clock limit in seconds (VI stops with stopCode 'time-budget').
  timeBudgetSeconds?: number;
}

// The reference: exact when the program allows it ('auto', else NUTS), exact only, NUTS, or draws
// imported from files (CmdStan CSV, posteriordb JSON, a Vigil result JSON).
export type ReferenceRequest =
  | { kind: 'auto' }
  | { kind: 'exact' }
  | { kind: 'nuts' }
  | { kind: 'files'; files: { path: string; text: string }[] }
  // No reference: only the warnings that need none (k̂, convergence, a full-rank fit's correlations).
  | { kind: 'none' };

export interface FitRequest {
  model: ModelInput;
  data: DataInput;
  seed: number;
  options?: FitOptions;
}

// Where a run is: compiling, the variational fit, the reference, the comparison.
export type RunStage = 'compile' | 'approximation' | 'reference' | 'compare';

export interface ElboEntry {
  iteration: number;
  elbo: number;
  mcse: number;
  stepSize: number;
  path?: number;
}

export interface ChainProgress {
  chain: number; // 0-based
  iteration: number; // completed, warm-up included
  total: number; // warm-up + draws
  phase: 'warmup' | 'sampling' | 'done';
}

export interface ProgressUpdate {
  stage: RunStage;
  // VI: 'init' | 'eta-adaptation' | 'optimisation' | 'lbfgs' | 'approximation' | 'draws' | 'psis' | 'done';
  // NUTS: 'warmup' | 'sampling' | 'done'; otherwise a short word ('compiling', 'exact', 'comparing').
  phase: string;
  iteration: number;
  maxIterations: number;
  // New ELBO trace entries since the previous update (VI only).
  elbo?: ElboEntry[];
  // NUTS: the latest state of every chain.
  chains?: ChainProgress[];
  message?: string;
}

// One problem with the inputs or the run. `source` says which file the span is in: the model, the data,
// an imported draws file; 'engine' for run failures.
export interface RunError {
  source: 'model' | 'data' | 'reference' | 'engine';
  file: string | null;
  severity: 'error' | 'warning';
  code?: string;
  message: string;
  span: Span | null;
}

export interface RunControl {
  onProgress?: (update: ProgressUpdate) => void;
  // Aborting stops the run within ~100 ms; the outcome is then { ok: false, cancelled: true }.
  signal?: AbortSignal | CancellationToken;
}

export type RunOutcome<T> =
  | { ok: true; value: T; warnings: RunError[] }
  | { ok: false; errors: RunError[]; cancelled?: boolean };
