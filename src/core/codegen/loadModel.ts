// Source -> compiled model: check, lower, emit, then build the model object with `new Function`, passing
// the runtime explicitly (the generated code sees only R, G, T and the data).
import type { Rng } from '../infer/rng';
import { lowerProgram } from '../ir/lower';
import type { IRProgram } from '../ir/ir';
import type { CompiledModel } from '../model/CompiledModel';
import type { JsonValue } from '../model/JsonValue';
import { analyzeStan } from '../stan/analyze';
import type { Program } from '../stan/ast';
import type { DataValue } from '../data/dataValue';
import { loadData } from '../data/loadData';
import type { StanDiagnostic } from '../stan/diagnostic';
import type { Span } from '../stan/span';
import { DroppedConstant } from './droppedConstant';
import { CompileError } from './emitContext';
import { emitModel } from './emitModel';
import { gradRuntime, makeRuntime } from './runtime';
import type { VarSpec } from './paramSpec';
import { unconstrain as unconstrainSpec, withBounds } from './paramSpec';
import { StanError } from './stanError';
import { Tape } from './tape';
import { flatNames, flatValues, fromJson, toJson, unconstrainedNames } from './values';

interface ModelParts {
  lpV(theta: ArrayLike<number>, jacobian: boolean): number;
  lpG(theta: ArrayLike<number>, jacobian: boolean, grad: Float64Array): number;
  write(theta: ArrayLike<number>, wantTp: boolean, wantGq: boolean, rng: Rng | null): Record<string, unknown>;
  dynBounds(values: Record<string, unknown>): Record<string, [unknown, unknown]>;
  dim: number;
  params: VarSpec[];
  tparams: VarSpec[];
  gqs: VarSpec[];
}

export type CompileResult = { ok: true; model: CompiledModel; ir: IRProgram } | { ok: false; diagnostics: StanDiagnostic[] };

const START: Span = { start: { line: 1, col: 1, offset: 0 }, end: { line: 1, col: 1, offset: 0 } };

function error(message: string, span: Span = START, code = 'compile'): StanDiagnostic {
  return { severity: 'error', code, message, span };
}

// Compile a program to JavaScript source (no data needed).
export function compileToJs(source: string): { ok: true; js: string; ir: IRProgram } | { ok: false; diagnostics: StanDiagnostic[] } {
  const r = compileProgram(source);
  return r.ok ? { ok: true, js: r.js, ir: r.ir } : r;
}

function compileProgram(source: string): { ok: true; js: string; ir: IRProgram; program: Program } | { ok: false; diagnostics: StanDiagnostic[] } {
  const analysis = analyzeStan(source);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { ok: false, diagnostics: errors };
  const lowered = lowerProgram(analysis.program, analysis.check);
  if (!lowered.ir) return { ok: false, diagnostics: lowered.diagnostics };
  try {
    return { ok: true, js: emitModel(lowered.ir), ir: lowered.ir, program: analysis.program };
  } catch (e) {
    if (e instanceof CompileError) return { ok: false, diagnostics: [error(e.message, e.span)] };
    throw e;
  }
}

// The data a model is bound to: the data loader's values (loadData(program, text).values, validated
// against this program's declarations: used as they are), or values in CmdStan JSON shapes by Stan name
// (validated here by the same loader, with its messages).
export type ModelData = ReadonlyMap<string, DataValue> | Record<string, unknown>;

// CmdStan JSON text of JS values: non-finite numbers as CmdStan writes them, typed arrays as arrays.
function cmdStanJson(values: Record<string, unknown>): string {
  return JSON.stringify(values, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array);
    return v;
  });
}

function validated(program: Program, data: ModelData): { ok: true; values: ReadonlyMap<string, DataValue> } | { ok: false; diagnostics: StanDiagnostic[] } {
  if (data instanceof Map) return { ok: true, values: data };
  const loaded = loadData(program, cmdStanJson(data as Record<string, unknown>));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  // Spans point into the serialised values, which the caller never saw: the messages name the variable.
  if (errors.length) return { ok: false, diagnostics: errors.map((d) => error(d.message, START, 'data')) };
  return { ok: true, values: loaded.values };
}

// Compile a program and bind it to data.
export function compileModel(source: string, data: ModelData = {}, print: (line: string) => void = () => {}): CompileResult {
  const js = compileProgram(source);
  if (!js.ok) return js;
  const values = validated(js.program, data);
  if (!values.ok) return values;
  let parts: ModelParts;
  try {
    parts = instantiate(js.js, values.values, print);
  } catch (e) {
    if (e instanceof StanError) return { ok: false, diagnostics: [error(e.message, START, 'data')] };
    throw e;
  }
  // the same program keeping the constants `~` drops, built only when asked for (droppedConstant.ts)
  const keeping = () => instantiate(emitModel(js.ir, { keepConstants: true }), values.values, () => {}).lpV;
  return { ok: true, model: new Model(parts, js.js, new DroppedConstant(parts.lpV, keeping)), ir: js.ir };
}

// Runs the emitted factory on the data: reads it, runs transformed data, returns the model parts.
function instantiate(js: string, data: ReadonlyMap<string, DataValue>, print: (line: string) => void): ModelParts {
  const factory = new Function('R', 'G', 'T', 'D', js) as (R: unknown, G: unknown, T: Tape, D: ReadonlyMap<string, DataValue>) => ModelParts;
  return factory(makeRuntime(print), gradRuntime, new Tape(), data);
}

class Model implements CompiledModel {
  readonly dim: number;
  readonly unconstrainedNames: string[];
  readonly parameterNames: string[];
  readonly transformedParameterNames: string[];
  readonly generatedQuantityNames: string[];
  lastError = '';

  constructor(
    private readonly parts: ModelParts,
    readonly source: string,
    private readonly constants: DroppedConstant,
  ) {
    this.dim = parts.dim;
    this.unconstrainedNames = parts.params.flatMap(unconstrainedNames);
    this.parameterNames = parts.params.flatMap(flatNames);
    this.transformedParameterNames = parts.tparams.flatMap(flatNames);
    this.generatedQuantityNames = parts.gqs.flatMap(flatNames);
  }

  private checkDim(theta: ArrayLike<number>): void {
    if (theta.length !== this.dim) throw new RangeError(`Expected an unconstrained point of length ${this.dim}, got ${theta.length}.`);
  }

  private rejected(e: unknown): number {
    if (e instanceof StanError && !e.fatal) {
      this.lastError = e.message;
      return -Infinity;
    }
    throw e;
  }

  logDensity(theta: ArrayLike<number>, options?: { jacobian?: boolean }): number {
    this.checkDim(theta);
    this.lastError = '';
    try {
      const v = this.parts.lpV(theta, options?.jacobian ?? true);
      return v !== v ? -Infinity : v;
    } catch (e) {
      return this.rejected(e);
    }
  }

  logDensityGradient(theta: ArrayLike<number>, gradOut: Float64Array, options?: { jacobian?: boolean }): number {
    this.checkDim(theta);
    this.lastError = '';
    try {
      const v = this.parts.lpG(theta, options?.jacobian ?? true, gradOut);
      return v !== v ? -Infinity : v;
    } catch (e) {
      gradOut.fill(NaN);
      return this.rejected(e);
    }
  }

  droppedConstant(theta: ArrayLike<number>): number {
    this.checkDim(theta);
    return this.constants.at(theta);
  }

  private named(values: Record<string, unknown>, specs: VarSpec[]): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    for (const s of specs) out[s.name] = toJson(values[s.name]) as JsonValue;
    return out;
  }

  constrain(theta: ArrayLike<number>): Record<string, JsonValue> {
    this.checkDim(theta);
    return this.named(this.parts.write(theta, false, false, null), this.parts.params);
  }

  unconstrain(values: Record<string, JsonValue>): Float64Array {
    const theta = new Float64Array(this.dim);
    const stored: Record<string, unknown> = {};
    for (const s of this.parts.params) {
      if (!(s.name in values)) throw new StanError(`unconstrain: no value for parameter '${s.name}'.`);
      stored[s.name] = fromJson(values[s.name], s);
    }
    const dyn = this.parts.dynBounds(stored);
    let off = 0;
    for (const s of this.parts.params) {
      const spec = dyn[s.name] ? withBounds(s, dyn[s.name][0], dyn[s.name][1]) : s;
      unconstrainSpec(stored[s.name], spec, theta, off);
      off += s.usize;
    }
    return theta;
  }

  transformedParameters(theta: ArrayLike<number>): Record<string, JsonValue> {
    this.checkDim(theta);
    return this.named(this.parts.write(theta, true, false, null), this.parts.tparams);
  }

  generatedQuantities(theta: ArrayLike<number>, rng: Rng): Record<string, JsonValue> {
    this.checkDim(theta);
    return this.named(this.parts.write(theta, true, true, rng), this.parts.gqs);
  }

  writeArray(theta: ArrayLike<number>, rng: Rng | null): Float64Array {
    this.checkDim(theta);
    const out: number[] = [];
    const params = this.parts.write(theta, false, false, null);
    for (const s of this.parts.params) flatValues(params[s.name], s, out);
    const rest = this.transformedParameterNames.length + (rng ? this.generatedQuantityNames.length : 0);
    try {
      const all = this.parts.write(theta, true, rng !== null, rng);
      for (const s of this.parts.tparams) flatValues(all[s.name], s, out);
      if (rng) for (const s of this.parts.gqs) flatValues(all[s.name], s, out);
    } catch (e) {
      if (!(e instanceof StanError) || e.fatal) throw e;
      this.lastError = e.message;
      out.length = this.parameterNames.length;
      for (let i = 0; i < rest; i++) out.push(NaN);
    }
    return Float64Array.from(out);
  }
}
