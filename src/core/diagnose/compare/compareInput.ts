import type { Program } from '../../stan/ast';
import type { CompareThresholds } from './thresholds';

export type ApproximationMethod = 'meanfield' | 'fullrank' | 'pathfinder';
export type ReferenceKind = 'exact' | 'nuts' | 'imported';

/** The optimiser's own verdict on the variational fit. */
export interface ConvergenceVerdict {
  converged: boolean;
  /** Machine-readable stop code, e.g. 'stationary', 'max-iterations' (infer/viResult StopCode). */
  stopCode?: string;
  /** The plain sentence the optimiser gave, e.g. "iterates stationary: R̂ 1.01, MCSE 0.03". */
  stopReason: string;
}

/** What the variational fit produced, on the constrained scale. */
export interface ApproximationInput {
  method: ApproximationMethod;
  /** Flattened Stan name ('tau', 'theta[3]', 'Sigma[2,1]') → draws; parameters, TPs and GQs. */
  draws: Readonly<Record<string, Float64Array>>;
  /** PSIS k̂ of log p − log q over the output draws (null or NaN when not computed). */
  khat?: number | null;
  /** S, the number of draws k̂ was computed from (default: the length of the draws). */
  khatDraws?: number;
  /** The threshold the fit used (default: thresholds.khat, else min(1 − 1/log10 S, 0.7)). */
  khatThreshold?: number;
  convergence?: ConvergenceVerdict | null;
}

/** Closed-form marginal of an exact reference; missing quantiles are taken from the draws. */
export interface ExactMarginal {
  mean: number;
  sd: number;
  q5?: number;
  q50?: number;
  q95?: number;
}

/** Sampler health as the NUTS run reported it; anything missing is computed from the chains. */
export interface NutsHealthInput {
  rhat?: Readonly<Record<string, number>>;
  essBulk?: Readonly<Record<string, number>>;
  essTail?: Readonly<Record<string, number>>;
  /** Divergent transitions after warm-up, over all chains. */
  divergences?: number;
  /** Post-warm-up draws that hit the maximum tree depth, over all chains. */
  treedepthSaturated?: number;
  maxTreedepth?: number;
}

export interface ReferenceInput {
  kind: ReferenceKind;
  /** How messages name it ("the NUTS sd"); default 'NUTS', 'exact' or 'reference' by kind. */
  label?: string;
  /** Flattened Stan name → chains of equal length (one Float64Array per chain). */
  draws: Readonly<Record<string, readonly Float64Array[]>>;
  /** Exact references: closed-form marginals by flattened name (preferred over the draws). */
  exact?: Readonly<Record<string, ExactMarginal>>;
  /** NUTS (or imported) health as reported by the sampler. */
  health?: NutsHealthInput;
}

export interface CompareInput {
  approximation: ApproximationInput;
  /** null: no reference; the warnings that need none still appear. */
  reference: ReferenceInput | null;
  /** The checked program, to find declaration ranges, blocks, constraints and hierarchical structure. */
  program?: Program | null;
  /** The program's source text, so suggestions can quote expressions as written. */
  source?: string;
  thresholds?: Partial<CompareThresholds>;
}
