// compile + data + NUTS in worker threads + constrained draws -> FitResult with R̂, ESS and MCSE.
import { runChains, type NutsResult } from '../infer/nuts';
import { RESULT_SCHEMA, RESULT_SCHEMA_VERSION, type FitResult } from '../result/fitResult';
import { constrainDraws } from './constrainDraws';
import type { FitRequest, RunControl, RunOutcome } from './pipelineTypes';
import { prepareModel, type PreparedModel } from './prepareModel';
import { nutsProgress } from './progressRelay';
import { engineError } from './runError';
import { stanTargetSpec } from './stanTargetFactory';
import { summariseMcmc } from './summariseNames';
import type { RunStage } from './pipelineTypes';

export interface NutsRun {
  result: FitResult;
  raw: NutsResult;
  prepared: PreparedModel;
}

function abortSignalOf(signal: RunControl['signal']): AbortSignal | undefined {
  if (!signal) return undefined;
  if (signal instanceof AbortSignal) return signal;
  // A plain token (e.g. a SharedArrayBuffer view): poll it.
  const c = new AbortController();
  const timer = setInterval(() => {
    if (signal.aborted) {
      c.abort();
      clearInterval(timer);
    }
  }, 20);
  timer.unref();
  return c.signal;
}

export async function nutsPrepared(prepared: PreparedModel, request: FitRequest, control: RunControl, stage: RunStage = 'approximation'): Promise<RunOutcome<NutsRun>> {
  const o = request.options ?? {};
  const chains = o.chains ?? 4;
  const numWarmup = o.warmup ?? 1000;
  const numSamples = o.draws ?? 1000;
  const { spec, workerScript } = stanTargetSpec({ source: request.model.source, data: prepared.data });
  const raw = await runChains(spec, {
    chains, numWarmup, numSamples, seed: request.seed, signal: abortSignalOf(control.signal), workerScript,
    onProgress: nutsProgress(stage, chains, numWarmup + numSamples, control.onProgress),
  });
  if (raw.status === 'cancelled') return { ok: false, errors: [engineError('the sampler was cancelled', 'cancelled')], cancelled: true };
  if (raw.status === 'failed') return { ok: false, errors: [engineError(`NUTS failed: ${raw.message ?? 'unknown reason'}`, 'nuts')] };
  const n = Math.min(...raw.chains.map((c) => c.numDraws));
  const perChain = raw.chains.map((c) => constrainDraws(prepared.model, c.draws, n, request.seed, 1 + c.chain));
  const draws: Record<string, number[]> = {};
  for (const name of Object.keys(perChain[0] ?? {})) draws[name] = perChain.flatMap((d) => d[name]);
  const m = prepared.model;
  const maxDepth = raw.chains[0]?.maxDepth ?? 10;
  const result: FitResult = {
    schema: RESULT_SCHEMA, version: RESULT_SCHEMA_VERSION, method: 'nuts', seed: request.seed, chains: raw.chains.length,
    model: { file: request.model.path, hash: prepared.modelHash }, data: { file: request.data.path, hash: prepared.dataHash },
    draws,
    names: { parameters: [...m.parameterNames], transformedParameters: [...m.transformedParameterNames], generatedQuantities: [...m.generatedQuantityNames] },
    summary: summariseMcmc(draws, raw.chains.length),
    elbo: [],
    stopReason: `${raw.chains.length} chains × ${numWarmup} warm-up + ${n} draws`,
    stopCode: 'completed', ok: true, khat: null, khatThreshold: null,
    timing: { seconds: raw.timing.wallSeconds, compileSeconds: prepared.compileSeconds }, gradientEvaluations: raw.gradientEvaluations,
    sampler: { divergences: raw.divergences, treedepthSaturations: raw.treedepthSaturations, maxTreedepth: maxDepth },
  };
  return { ok: true, value: { result, raw, prepared }, warnings: prepared.warnings };
}

export async function runNutsFit(request: FitRequest, control: RunControl = {}): Promise<RunOutcome<NutsRun>> {
  control.onProgress?.({ stage: 'compile', phase: 'compiling', iteration: 0, maxIterations: 0 });
  const prep = prepareModel(request.model, request.data);
  if (!prep.ok) return prep;
  return nutsPrepared(prep.prepared, request, control);
}
