// The reference posterior: exact when the program allows it ('auto' falls back to NUTS), NUTS, or draws
// imported from files.
import type { ExactMarginal } from '../diagnose/compare';
import type { FitResult } from '../result/fitResult';
import { exactReference } from './exactReference';
import { importDraws } from './importDraws';
import type { FitRequest, ReferenceRequest, RunControl, RunError, RunOutcome } from './pipelineTypes';
import { prepareModel, type PreparedModel } from './prepareModel';
import { nutsPrepared } from './runNutsFit';
import { engineError } from './runError';

export interface ReferenceRun {
  result: FitResult;
  // Closed-form marginals (exact references only).
  exact?: Record<string, ExactMarginal>;
  // Why 'auto' did not use an exact posterior (empty when it did, or when not asked).
  notExact: string[];
}

export async function referencePrepared(prepared: PreparedModel, request: FitRequest, reference: ReferenceRequest, control: RunControl): Promise<RunOutcome<ReferenceRun>> {
  const warnings: RunError[] = [...prepared.warnings];
  if (reference.kind === 'none') return { ok: false, errors: [engineError('no reference was asked for (reference kind none)', 'usage')] };
  if (reference.kind === 'files') {
    const imported = importDraws(reference.files, prepared.model, {
      modelFile: request.model.path, modelHash: prepared.modelHash, dataFile: request.data.path, dataHash: prepared.dataHash,
    });
    if (!imported.ok) return imported;
    return { ok: true, value: { result: imported.value, notExact: [] }, warnings: [...warnings, ...imported.warnings] };
  }
  let notExact: string[] = [];
  if (reference.kind === 'exact' || reference.kind === 'auto') {
    control.onProgress?.({ stage: 'reference', phase: 'exact', iteration: 0, maxIterations: 0 });
    const exact = exactReference(prepared, request);
    if (exact.ok) return { ok: true, value: { result: exact.result, exact: exact.marginals, notExact: [] }, warnings };
    if (reference.kind === 'exact') {
      return { ok: false, errors: exact.reasons.map((r) => ({ ...engineError(`no exact posterior: ${r}`, 'exact'), source: 'model' as const, file: request.model.path })) };
    }
    notExact = exact.reasons;
  }
  const nuts = await nutsPrepared(prepared, request, control, 'reference');
  if (!nuts.ok) return nuts;
  return { ok: true, value: { result: nuts.value.result, notExact }, warnings };
}

export async function runReference(request: FitRequest, reference: ReferenceRequest, control: RunControl = {}): Promise<RunOutcome<ReferenceRun>> {
  control.onProgress?.({ stage: 'compile', phase: 'compiling', iteration: 0, maxIterations: 0 });
  const prep = prepareModel(request.model, request.data);
  if (!prep.ok) return prep;
  return referencePrepared(prep.prepared, request, reference, control);
}
