// The entry point for exact posteriors. First looks for conjugate structure in the program (closed
// forms, see detectConjugate.ts); otherwise, for models with one or two unconstrained coordinates,
// integrates the posterior numerically (quadraturePosterior.ts). Says which applies and why, or why
// neither does.
import type { Program } from '../../stan/ast';
import type { CheckResult } from '../../stan/checkContext';
import type { DataValue } from '../../data/dataValue';
import type { CompiledModel } from '../../model/CompiledModel';
import type { Rng } from '../rng';
import { detectConjugate } from './detectConjugate';
import type { ExactParameterSummary, ExactPosteriorResult } from './exactTypes';
import type { Marginal } from './marginalFamilies';
import { quadraturePosterior } from './quadraturePosterior';
import { type QuadratureTarget, quadratureTargetFromModel } from './quadratureTarget';
import { readModel } from './readModel';
import { Unsupported } from './symEval';

export interface ExactPosteriorInput {
  // From analyzeStan(source) (the program must have no errors).
  program: Program;
  check: CheckResult;
  // From loadData(program, jsonText).values.
  data: Map<string, DataValue>;
  // The model text, to quote statements in explanations (otherwise statements are cited by line).
  source?: string;
  // For quadrature when no conjugate form applies (either the compiled model or a target).
  model?: CompiledModel;
  target?: QuadratureTarget;
  // 'auto' (default): conjugate if possible, else quadrature; or force one of them.
  method?: 'auto' | 'conjugate' | 'quadrature';
}

export function exactPosterior(input: ExactPosteriorInput): ExactPosteriorResult {
  const method = input.method ?? 'auto';
  let reasons: string[] = [];
  if (method !== 'quadrature') {
    const c = conjugatePosterior(input);
    if (c.ok || method === 'conjugate') return c;
    reasons = c.reasons;
  }
  const target = input.target ?? (input.model ? quadratureTargetFromModel(input.model) : null);
  if (!target) {
    reasons.push('no compiled model was given, so quadrature was not tried');
  } else if (target.dim > 2) {
    reasons.push(`the model has ${target.dim} unconstrained dimensions, and quadrature is used only for one or two`);
  } else {
    const q = quadraturePosterior(target);
    if (q.ok && method === 'quadrature') q.explanation = q.explanation.replace('No conjugate form applies, but the model has', 'Quadrature was requested; the model has');
    if (q.ok) return q;
    reasons.push(...q.reasons);
  }
  return { ok: false, reasons, reason: reasons.join(' ') };
}

export function conjugatePosterior(input: ExactPosteriorInput): ExactPosteriorResult {
  const failure = (reasons: string[]): ExactPosteriorResult => ({ ok: false, reasons, reason: reasons.join(' ') });
  let reading;
  try {
    reading = readModel(input.program, input.check, input.data, input.source);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return failure([`Vigil could not read the model's structure for a closed form: ${e.message}${e.span ? ` (line ${e.span.start.line})` : ''}.`]);
  }
  if (reading.params.length === 0) return failure(['the model has no parameters']);
  const det = detectConjugate(reading);
  if (!det.ok) return failure(det.reasons.map((r) => r + '.'));
  const marginals = new Map<number, Marginal>();
  for (const g of det.groups) for (const [id, m] of g.post.marginals) marginals.set(id, m);
  const names: string[] = [];
  const parameters: Record<string, ExactParameterSummary> = {};
  const shapes: Record<string, number[]> = {};
  for (const p of reading.params) {
    shapes[p.name] = p.shape;
    p.flatNames.forEach((name, i) => {
      names.push(name);
      parameters[name] = summarise(marginals.get(p.firstId + i)!);
    });
  }
  const explanation = det.groups.map((g) => g.post.explanation).join(' ');
  const nIds = reading.owner.length;
  return {
    ok: true, kind: 'conjugate', explanation, names, parameters, shapes,
    draw(n: number, rng: Rng) {
      const cols = names.map(() => new Float64Array(n));
      const out = new Float64Array(nIds);
      for (let s = 0; s < n; s++) {
        for (const g of det.groups) g.post.draw(rng, out);
        for (let id = 0; id < nIds; id++) cols[id][s] = out[id];
      }
      return Object.fromEntries(names.map((nm, id) => [nm, cols[id]]));
    },
  };
}

function summarise(m: Marginal): ExactParameterSummary {
  const lo = m.quantile(5e-4);
  const hi = m.quantile(1 - 5e-4);
  const n = 121;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = lo + ((hi - lo) * i) / (n - 1);
    y[i] = Math.exp(m.logDensity(x[i]));
  }
  return {
    mean: m.mean, sd: m.sd, q5: m.quantile(0.05), q50: m.quantile(0.5), q95: m.quantile(0.95),
    posterior: { family: m.family, params: m.params, text: m.text },
    logDensity: m.logDensity, density: { x, y },
  };
}
