// compile + data + variational fit + constrained draws -> FitResult.
import { fitVariational, type VariationalOptions } from '../infer/fitVariational';
import type { VariationalResult } from '../infer/viResult';
import { RESULT_SCHEMA, RESULT_SCHEMA_VERSION, type FitResult } from '../result/fitResult';
import { constrainDraws } from './constrainDraws';
import { modelTarget } from './modelTarget';
import type { FitRequest, RunControl, RunOutcome, VariationalMethod } from './pipelineTypes';
import { prepareModel, type PreparedModel } from './prepareModel';
import { viProgress } from './progressRelay';
import { engineError, errorText } from './runError';
import { summariseIndependent } from './summariseNames';

export interface VariationalRun {
  result: FitResult;
  // The engine's own result (unconstrained draws, log p / log q, PSIS), for callers that need more.
  raw: VariationalResult;
  prepared: PreparedModel;
}

export function variationalOptions(method: VariationalMethod, request: FitRequest, control: RunControl): VariationalOptions {
  const o = request.options ?? {};
  const common = {
    seed: request.seed, outputDraws: o.draws, signal: control.signal, timeBudgetSeconds: o.timeBudgetSeconds,
    onProgress: viProgress('approximation', control.onProgress),
  };
  if (method === 'pathfinder') return { method, ...common, numDraws: o.draws, numPaths: o.paths, maxIterations: o.iter };
  return { method, ...common, algorithm: o.algorithm, iter: o.iter };
}

export async function fitPrepared(prepared: PreparedModel, method: VariationalMethod, request: FitRequest, control: RunControl): Promise<RunOutcome<VariationalRun>> {
  let raw: VariationalResult;
  try {
    raw = await fitVariational(modelTarget(prepared.model), variationalOptions(method, request, control));
  } catch (e) {
    return { ok: false, errors: [engineError(`the ${method} fit failed: ${errorText(e)}`)] };
  }
  if (raw.stopCode === 'cancelled') return { ok: false, errors: [engineError('the fit was cancelled', 'cancelled')], cancelled: true };
  const draws = raw.ok ? constrainDraws(prepared.model, raw.draws, raw.ndraws, request.seed) : {};
  const m = prepared.model;
  const result: FitResult = {
    schema: RESULT_SCHEMA, version: RESULT_SCHEMA_VERSION, method, algorithm: raw.algorithm, seed: request.seed, chains: 1,
    model: { file: request.model.path, hash: prepared.modelHash }, data: { file: request.data.path, hash: prepared.dataHash },
    draws,
    names: { parameters: [...m.parameterNames], transformedParameters: [...m.transformedParameterNames], generatedQuantities: [...m.generatedQuantityNames] },
    summary: summariseIndependent(draws),
    elbo: raw.elboTrace.map((e) => ({ iteration: e.iteration, elbo: e.elbo, mcse: e.mcse, stepSize: e.stepSize })),
    stopReason: raw.stopReason, stopCode: raw.stopCode, ok: raw.ok,
    khat: Number.isFinite(raw.khat) ? raw.khat : null, khatThreshold: Number.isFinite(raw.khatThreshold) ? raw.khatThreshold : null,
    timing: { seconds: raw.timing.seconds, compileSeconds: prepared.compileSeconds }, gradientEvaluations: raw.gradientEvaluations,
  };
  return { ok: true, value: { result, raw, prepared }, warnings: prepared.warnings };
}

export async function runVariationalFit(request: FitRequest & { method: VariationalMethod }, control: RunControl = {}): Promise<RunOutcome<VariationalRun>> {
  control.onProgress?.({ stage: 'compile', phase: 'compiling', iteration: 0, maxIterations: 0 });
  const prep = prepareModel(request.model, request.data);
  if (!prep.ok) return prep;
  return fitPrepared(prep.prepared, request.method, request, control);
}
