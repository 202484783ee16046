// Convenience for the CLI and the worker: model text + CmdStan JSON data -> exact posterior. Compiles
// the model only when no conjugate form applies (quadrature needs its log density).
import { compileModel } from '../../codegen/loadModel';
import { loadData } from '../../data/loadData';
import { analyzeStan } from '../../stan/analyze';
import { exactPosterior, type ExactPosteriorInput } from './exactPosterior';
import type { ExactPosteriorResult } from './exactTypes';

export function exactPosteriorFromSource(source: string, jsonText: string | null, method: ExactPosteriorInput['method'] = 'auto'): ExactPosteriorResult {
  const fail = (reason: string): ExactPosteriorResult => ({ ok: false, reason, reasons: [reason] });
  const analysis = analyzeStan(source);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return fail(`the model has errors (first: line ${errors[0].span.start.line}: ${errors[0].message})`);
  const data = loadData(analysis.program, jsonText);
  const dataErrors = data.diagnostics.filter((d) => d.severity === 'error');
  if (dataErrors.length) return fail(`the data do not fit the model (${dataErrors[0].message})`);
  const input: ExactPosteriorInput = { program: analysis.program, check: analysis.check, data: data.values, source, method };
  let reasons: string[] = [];
  if (method !== 'quadrature') {
    const conjugate = exactPosterior({ ...input, method: 'conjugate' });
    if (conjugate.ok || method === 'conjugate') return conjugate;
    reasons = conjugate.reasons;
  }
  const compiled = compileModel(source, data.values);
  if (!compiled.ok) {
    reasons.push(`the model could not be compiled for quadrature (${compiled.diagnostics[0]?.message ?? 'unknown error'})`);
    return { ok: false, reasons, reason: reasons.join(' ') };
  }
  // Conjugacy was already ruled out above: go straight to quadrature, keeping its reasons.
  const q = exactPosterior({ ...input, model: compiled.model, method: 'quadrature' });
  if (q.ok) {
    if (method !== 'quadrature') q.explanation = q.explanation.replace(/^Quadrature was requested; the model has/, 'No conjugate form applies, but the model has');
    return q;
  }
  reasons.push(...q.reasons);
  return { ok: false, reasons, reason: reasons.join(' ') };
}
