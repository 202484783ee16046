// fit + reference + comparison -> CompareReport: the variational posterior against the reference, with
// the measures, the joint picture and the warnings of src/core/diagnose/compare.
import { isConvergedStop } from '../infer/viResult';
import { compareDraws, type CompareInput, type CompareThresholds, type ReferenceInput } from '../diagnose/compare';
import { RESULT_SCHEMA_VERSION, type CompareReport, type FitResult } from '../result/fitResult';
import type { FitOptions, FitRequest, ReferenceRequest, RunControl, RunOutcome, VariationalMethod } from './pipelineTypes';
import { prepareModel } from './prepareModel';
import { referencePrepared, type ReferenceRun } from './runReference';
import { fitPrepared } from './runVariationalFit';

export interface CompareRequest extends FitRequest {
  method: VariationalMethod;
  reference: ReferenceRequest;
  // Options of a NUTS reference (chains, warmup, draws); Stan's defaults when absent.
  referenceOptions?: FitOptions;
  // Warning thresholds (sd ratio band, mean error, ...); the defaults of src/core/diagnose/compare otherwise.
  thresholds?: Partial<CompareThresholds>;
}


function chainsOf(result: FitResult): Record<string, Float64Array[]> {
  const out: Record<string, Float64Array[]> = {};
  const k = Math.max(1, result.chains);
  for (const [name, x] of Object.entries(result.draws)) {
    const n = Math.floor(x.length / k);
    out[name] = Array.from({ length: k }, (_, c) => Float64Array.from(x.slice(c * n, (c + 1) * n), (v) => (v === null ? NaN : v)));
  }
  return out;
}

export function referenceInput(ref: ReferenceRun): ReferenceInput {
  const r = ref.result;
  const kind = r.method === 'exact' ? 'exact' : r.method === 'nuts' ? 'nuts' : 'imported';
  const pick = (key: 'rhat' | 'essBulk' | 'essTail'): Record<string, number> | undefined => {
    const out: Record<string, number> = {};
    for (const [name, s] of Object.entries(r.summary)) if (s[key] !== undefined) out[name] = s[key]!;
    return Object.keys(out).length ? out : undefined;
  };
  return {
    kind, draws: chainsOf(r), ...(ref.exact ? { exact: ref.exact } : {}),
    health: {
      rhat: pick('rhat'), essBulk: pick('essBulk'), essTail: pick('essTail'),
      ...(r.sampler ? { divergences: r.sampler.divergences, treedepthSaturated: r.sampler.treedepthSaturations, maxTreedepth: r.sampler.maxTreedepth } : {}),
    },
  };
}

// The report from results already computed (the host can also compare a stored fit with a stored reference).
export function buildCompareReport(
  approx: FitResult & { method: VariationalMethod }, ref: ReferenceRun | null, program: CompareInput['program'], source: string,
  thresholds?: Partial<CompareThresholds>,
): CompareReport {
  const draws: Record<string, Float64Array> = {};
  for (const [name, x] of Object.entries(approx.draws)) draws[name] = Float64Array.from(x, (v) => (v === null ? NaN : v));
  const report = compareDraws({
    approximation: {
      method: approx.method, draws, khat: approx.khat, ...(approx.khatThreshold !== null ? { khatThreshold: approx.khatThreshold } : {}),
      convergence: { converged: approx.ok && isConvergedStop(approx.stopCode), stopCode: approx.stopCode, stopReason: approx.stopReason },
    },
    reference: ref ? referenceInput(ref) : null,
    program, source, thresholds,
  });
  return {
    schema: 'vigil.report', version: RESULT_SCHEMA_VERSION, approximation: approx, reference: ref?.result ?? null,
    referenceKind: report.referenceKind, thresholds: report.thresholds, parameters: report.parameters, joint: report.joint, warnings: report.warnings,
  };
}

export async function runCompare(request: CompareRequest, control: RunControl = {}): Promise<RunOutcome<CompareReport>> {
  control.onProgress?.({ stage: 'compile', phase: 'compiling', iteration: 0, maxIterations: 0 });
  const prep = prepareModel(request.model, request.data);
  if (!prep.ok) return prep;
  const fit = await fitPrepared(prep.prepared, request.method, request, control);
  if (!fit.ok) return fit;
  const approx = fit.value.result as FitResult & { method: VariationalMethod };
  if (request.reference.kind === 'none') {
    control.onProgress?.({ stage: 'compare', phase: 'comparing', iteration: 0, maxIterations: 0 });
    return { ok: true, value: buildCompareReport(approx, null, prep.prepared.program, request.model.source, request.thresholds), warnings: [] };
  }
  const refRequest: FitRequest = { ...request, options: request.referenceOptions };
  const ref = await referencePrepared(prep.prepared, refRequest, request.reference, control);
  if (!ref.ok) return ref;
  control.onProgress?.({ stage: 'compare', phase: 'comparing', iteration: 0, maxIterations: 0 });
  const report = buildCompareReport(approx, ref.value, prep.prepared.program, request.model.source, request.thresholds);
  const why = ref.value.notExact;
  const notExact = why.length
    ? [{ source: 'engine' as const, file: null, severity: 'warning' as const, code: 'not-exact', message: `no exact posterior, so NUTS is the reference: ${why.map((r) => r.replace(/\.$/, '')).join('; ')}.`, span: null }]
    : [];
  return { ok: true, value: report, warnings: [...ref.warnings, ...notExact] };
}
