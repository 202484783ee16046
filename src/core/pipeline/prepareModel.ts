// The front half of every run: check the program, validate the data against it (so users get the data
// loader's messages, naming the variable), then compile. Errors come back as values.
import { createHash } from 'node:crypto';
import { compileModel } from '../codegen/loadModel';
import { loadData } from '../data/loadData';
import type { CompiledModel } from '../model/CompiledModel';
import { analyzeStan } from '../stan/analyze';
import type { Program } from '../stan/ast';
import type { CheckResult } from '../stan/checkContext';
import type { DataValue } from '../data/dataValue';
import type { DataInput, ModelInput, RunError } from './pipelineTypes';
import { dataError, modelError } from './runError';

export interface PreparedModel {
  program: Program;
  check: CheckResult;
  // The validated data as the data loader holds it (what the compiled model, the chain workers and the
  // exact-posterior engine read).
  data: Map<string, DataValue>;
  model: CompiledModel;
  compileSeconds: number;
  modelHash: string;
  dataHash: string | null;
  warnings: RunError[];
}

export type PrepareOutcome = { ok: true; prepared: PreparedModel } | { ok: false; errors: RunError[] };

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// CmdStan writes non-finite reals as strings.
const SPECIAL: Record<string, number> = { Infinity: Infinity, '+Infinity': Infinity, '-Infinity': -Infinity, inf: Infinity, '-inf': -Infinity, NaN: NaN };

export function parseDataValues(text: string | null): Record<string, unknown> {
  if (text === null || text.trim() === '') return {};
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' && v in SPECIAL ? SPECIAL[v] : v)) as Record<string, unknown>;
}

export function prepareModel(model: ModelInput, data: DataInput): PrepareOutcome {
  const t0 = performance.now();
  const analysis = analyzeStan(model.source);
  const diagnostics = [...analysis.diagnostics].sort((a, b) => a.span.start.offset - b.span.start.offset);
  const modelErrors = diagnostics.filter((d) => d.severity === 'error').map((d) => modelError(model, d));
  if (modelErrors.length) return { ok: false, errors: modelErrors };
  const warnings = diagnostics.filter((d) => d.severity !== 'error').map((d) => modelError(model, d));

  const loaded = loadData(analysis.program, data.text);
  const dataErrors = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => dataError(model, data, d));
  if (dataErrors.length) return { ok: false, errors: dataErrors };

  // The data were read and validated once, above; the compiled model (and each chain worker) uses them as they are.
  const compiled = compileModel(model.source, loaded.values);
  if (!compiled.ok) {
    return {
      ok: false,
      errors: compiled.diagnostics.map((d) => (d.code === 'data' ? { ...modelError(model, d), source: 'data' as const, file: data.path, span: null } : modelError(model, d))),
    };
  }
  return {
    ok: true,
    prepared: {
      program: analysis.program, check: analysis.check, data: loaded.values, model: compiled.model, compileSeconds: (performance.now() - t0) / 1000,
      modelHash: sha256(model.source), dataHash: data.text === null ? null : sha256(data.text), warnings,
    },
  };
}
