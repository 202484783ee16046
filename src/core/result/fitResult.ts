// The result JSON shared by the CLI (`vigil fit/reference/compare --out`), the VS Code panel, the HTML
// report and the tests. Versioned: bump RESULT_SCHEMA_VERSION on any incompatible change, and describe
// fields here, in one place. Plain JSON only (numbers, strings, arrays, objects): it is written to disk,
// posted to webviews and read back by other tools. JSON has no NaN or infinities: such numbers (a draw
// rejected by the model, an R̂ that posterior reports as NA) are written as null; readers treat null as NaN.
// Produced by src/core/pipeline (runVariationalFit, runNutsFit, runReference, runCompare).

import type { CompareThresholds, CompareWarning, JointReport, ParameterMeasures, ReferenceKind } from '../diagnose/compare';

export const RESULT_SCHEMA = 'vigil.result';
export const RESULT_SCHEMA_VERSION = 1;

export type FitMethod = 'meanfield' | 'fullrank' | 'pathfinder' | 'nuts' | 'exact' | 'imported';

// Per flattened Stan name (`tau`, `theta[3]`, `Sigma[2,1]`).
export interface NameSummary {
  mean: number;
  sd: number;
  q5: number;
  q50: number;
  q95: number;
  // MCMC references only (as R's posterior::summarise_draws computes them).
  rhat?: number;
  essBulk?: number;
  essTail?: number;
  mcseMean?: number;
}

export interface ElboPoint {
  iteration: number;
  elbo: number;
  mcse: number;
  stepSize?: number;
}

// One fit: a variational approximation, a NUTS run, an exact posterior or imported draws.
export interface FitResult {
  schema: typeof RESULT_SCHEMA;
  version: typeof RESULT_SCHEMA_VERSION;
  method: FitMethod;
  // 'robust' | 'stan' for ADVI, 'single-path' | 'multi-path' for Pathfinder, 'conjugate' | 'quadrature' for
  // exact posteriors; absent otherwise.
  algorithm?: string;
  seed: number;
  // 1 for variational fits and exact posteriors; the number of chains for NUTS.
  chains: number;
  // The model and data this came from, with content hashes (a stale result is one whose hashes differ).
  model: { file: string; hash: string };
  data: { file: string | null; hash: string | null };
  // Constrained draws by flattened Stan name: parameters, transformed parameters, generated quantities,
  // chains concatenated in order.
  draws: Record<string, number[]>;
  // Which names are parameters, transformed parameters and generated quantities (in Stan's order).
  names: { parameters: string[]; transformedParameters: string[]; generatedQuantities: string[] };
  summary: Record<string, NameSummary>;
  // Variational fits: the ELBO trace; empty otherwise.
  elbo: ElboPoint[];
  // Why the fit stopped, in plain words ("iterates stationary: R̂ 1.01, MCSE 0.03").
  stopReason: string;
  // Machine-readable stop code: variational fits as src/core/infer/viResult.ts StopCode ('stationary',
  // 'max-iterations', ...); 'completed' for NUTS, 'exact' for exact posteriors, 'imported' for imported draws.
  stopCode: string;
  // Whether the fit produced a usable result (false: see stopReason).
  ok: boolean;
  // Pareto k̂ of the importance ratios p/q on the draws (variational fits) and its threshold.
  khat: number | null;
  khatThreshold: number | null;
  timing: { seconds: number; compileSeconds?: number };
  gradientEvaluations: number;
  // NUTS: sampler health.
  sampler?: { divergences: number; treedepthSaturations: number; maxTreedepth: number };
  // Exact references: which closed form or quadrature applied, in words.
  explanation?: string;
}

// A comparison report: the approximation against the reference, measures and warnings (issue 6). The
// measures, joint picture and warnings are exactly what src/core/diagnose/compare computes (see its
// compareReport.ts for every field); NaN numbers are written as null in JSON.
export interface CompareReport {
  schema: 'vigil.report';
  version: typeof RESULT_SCHEMA_VERSION;
  approximation: FitResult;
  reference: FitResult | null;
  referenceKind: ReferenceKind | null;
  thresholds: CompareThresholds;
  // One entry per flattened name: both sides' summaries, standardized mean error, sd ratio, W1/sd, coverage.
  parameters: ParameterMeasures[];
  // k̂ verdict, correlation matrices with lost/invented pairs, the reference's health, funnels, unmatched names.
  joint: JointReport;
  // Errors first, then warnings, then info; each with the declaration's source range.
  warnings: CompareWarning[];
}

/** A comparison report (not a single fit or reference): the two share the result schema's fields. */
export function isCompareReport(r: FitResult | CompareReport): r is CompareReport {
  return r.schema === 'vigil.report';
}
