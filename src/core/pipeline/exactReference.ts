// The exact posterior as a reference, when the program allows one (src/core/infer/exact: conjugate closed
// forms, or quadrature in one or two dimensions). Returns the reasons when it does not, so 'auto' can fall
// back to NUTS and say why. Transformed parameters and generated quantities are computed from exact draws
// by the compiled model, so every name can be compared.
import type { ExactMarginal } from '../diagnose/compare';
import { drawToJson } from '../infer/exact/drawToJson';
import { exactPosterior } from '../infer/exact/exactPosterior';
import { Rng } from '../infer/rng';
import { RESULT_SCHEMA, RESULT_SCHEMA_VERSION, type FitResult } from '../result/fitResult';
import { constrainDraws } from './constrainDraws';
import type { FitRequest } from './pipelineTypes';
import type { PreparedModel } from './prepareModel';
import { errorText } from './runError';
import { summariseIndependent } from './summariseNames';

export type ExactOutcome =
  | { ok: true; result: FitResult; marginals: Record<string, ExactMarginal> }
  | { ok: false; reasons: string[] };

// Draws from the exact posterior stand in for it where draws are needed (correlations, W1, coverage).
const DEFAULT_EXACT_DRAWS = 4000;
const EXACT_STREAM = 4242;

export function exactReference(prepared: PreparedModel, request: FitRequest): ExactOutcome {
  const t0 = performance.now();
  let ex;
  try {
    ex = exactPosterior({ program: prepared.program, check: prepared.check, data: prepared.data, source: request.model.source, model: prepared.model });
  } catch (e) {
    return { ok: false, reasons: [`the exact-posterior engine failed: ${errorText(e)}`] };
  }
  if (!ex.ok) return { ok: false, reasons: ex.reasons.length ? ex.reasons : [ex.reason] };
  const n = request.options?.draws ?? DEFAULT_EXACT_DRAWS;
  const m = prepared.model;
  const exactDraws = ex.draw(n, new Rng(request.seed, EXACT_STREAM));
  const theta = new Float64Array(n * m.dim);
  try {
    for (let i = 0; i < n; i++) theta.set(m.unconstrain(drawToJson(exactDraws, ex.shapes, i)), i * m.dim);
  } catch (e) {
    return { ok: false, reasons: [`exact draws could not be mapped onto the model's parameters: ${errorText(e)}`] };
  }
  const draws = constrainDraws(m, theta, n, request.seed);
  // Parameters: the exact draws themselves (no round trip through the transforms).
  for (const name of ex.names) if (name in draws) draws[name] = Array.from(exactDraws[name]);
  const summary = summariseIndependent(draws);
  const marginals: Record<string, ExactMarginal> = {};
  for (const [name, p] of Object.entries(ex.parameters)) {
    marginals[name] = { mean: p.mean, sd: p.sd, q5: p.q5, q50: p.q50, q95: p.q95 };
    summary[name] = { mean: p.mean, sd: p.sd, q5: p.q5, q50: p.q50, q95: p.q95 };
  }
  const result: FitResult = {
    schema: RESULT_SCHEMA, version: RESULT_SCHEMA_VERSION, method: 'exact', algorithm: ex.kind, seed: request.seed, chains: 1,
    model: { file: request.model.path, hash: prepared.modelHash }, data: { file: request.data.path, hash: prepared.dataHash },
    draws,
    names: { parameters: [...m.parameterNames], transformedParameters: [...m.transformedParameterNames], generatedQuantities: [...m.generatedQuantityNames] },
    summary, elbo: [],
    stopReason: ex.kind === 'conjugate' ? 'exact posterior in closed form' : 'exact posterior by quadrature', stopCode: 'exact', ok: true,
    khat: null, khatThreshold: null, timing: { seconds: (performance.now() - t0) / 1000, compileSeconds: prepared.compileSeconds },
    gradientEvaluations: 0, explanation: ex.explanation,
  };
  return { ok: true, result, marginals };
}
