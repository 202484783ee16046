// The exact posterior as a reference, when the program allows one (src/core/infer/exact). Returns the
// reasons when it does not, so 'auto' can fall back to NUTS and say why.
import type { FitResult } from '../result/fitResult';
import type { ExactMarginal } from '../diagnose/compare';
import type { FitRequest } from './pipelineTypes';
import type { PreparedModel } from './prepareModel';

export type ExactOutcome =
  | { ok: true; result: FitResult; marginals: Record<string, ExactMarginal> }
  | { ok: false; reasons: string[] };

// The exact engine's entry point is not in place yet; until it is, no program qualifies.
export function exactReference(_prepared: PreparedModel, _request: FitRequest): ExactOutcome {
  return { ok: false, reasons: ['exact posteriors are not available in this build yet'] };
}
