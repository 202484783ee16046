// Reads CmdStan JSON data for a Stan program and validates it against the data block's declarations:
// sizes, int-ness, bounds and constrained types. Every problem names the variable and what was expected
// and points at the place in the data file (or, when there is no data file, at the declaration).
import type { Program, VarDecl } from '../stan/ast';
import type { StanDiagnostic } from '../stan/diagnostic';
import type { Span } from '../stan/span';
import { checkDataConstraints } from './checkDataConstraints';
import { type DataValue, elementCount } from './dataValue';
import { type ExpectedShape, expectedShape } from './declShape';
import { type JsonNode, parseJsonWithSpans } from './jsonWithSpans';

export interface DataDiagnostic extends StanDiagnostic {
  // Which file the span is in.
  file: 'data' | 'model';
}

export interface DataLoadResult {
  values: Map<string, DataValue>;
  diagnostics: DataDiagnostic[];
}

const INT_MAX = 2147483647;
const specialReals: Record<string, number> = {
  nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity,
};

export function dataDeclarations(program: Program): VarDecl[] {
  return (program.data?.statements ?? []).filter((s): s is VarDecl => s.kind === 'VarDecl');
}

// `jsonText` null means no data file was found or given.
export function loadData(program: Program, jsonText: string | null): DataLoadResult {
  const values = new Map<string, DataValue>();
  const diagnostics: DataDiagnostic[] = [];
  const decls = dataDeclarations(program);
  let root: JsonNode | null = null;
  if (jsonText !== null) {
    const parsed = parseJsonWithSpans(jsonText);
    diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, message: `data file is not valid JSON: ${d.message}`, file: 'data' as const })));
    if (!parsed.value) return { values, diagnostics };
    root = parsed.value;
    if (root.kind !== 'object') {
      diagnostics.push({ severity: 'error', code: 'data', file: 'data', span: root.span, message: 'the data file must hold a JSON object mapping variable names to values' });
      return { values, diagnostics };
    }
  }
  const entries = new Map(root?.kind === 'object' ? root.entries.map((e) => [e.key, e]) : []);
  for (const decl of decls) {
    const name = decl.name.name;
    const where = `${decl.span.start.line}:${decl.span.start.col}`;
    const report = (span: Span, message: string, file: 'data' | 'model' = 'data') =>
      diagnostics.push({ severity: 'error', code: 'data', file, span, message: `data variable '${name}': ${message}` });
    const shape = expectedShape(decl.type, values);
    if (typeof shape === 'string') {
      report(decl.type.span, shape, 'model');
      continue;
    }
    const entry = entries.get(name);
    if (!entry) {
      if (elementCount(shape.shape) === 0 && shape.shape.length > 0) {
        values.set(name, { name, isInt: shape.isInt, isComplex: shape.isComplex, shape: shape.shape, values: new Float64Array(0) });
        continue;
      }
      const message = `missing: the model declares ${shape.text} ${name} (line ${where})`;
      if (root) report({ start: root.span.start, end: root.span.start }, message + ' but the data file has no such key');
      else report(decl.name.span, message + ' and no data file was given', 'model');
      continue;
    }
    const out = new Float64Array(elementCount(shape.shape) * (shape.isComplex ? 2 : 1));
    const problem = readNode(entry.value, shape, 0, out, { next: 0 });
    if (problem) {
      report(problem.span, problem.message);
      continue;
    }
    const value: DataValue = { name, isInt: shape.isInt, isComplex: shape.isComplex, shape: shape.shape, values: out };
    const violation = checkDataConstraints(decl.type, value, values);
    if (violation) {
      report(entry.value.span, violation);
      continue;
    }
    values.set(name, value);
  }
  return { values, diagnostics };
}

interface Problem {
  span: Span;
  message: string;
}

function readNode(node: JsonNode, want: ExpectedShape, depth: number, out: Float64Array, cursor: { next: number }): Problem | null {
  if (depth < want.shape.length) {
    const n = want.shape[depth];
    if (node.kind !== 'array') return { span: node.span, message: `expected ${want.text}, got ${describe(node)}${depth > 0 ? ' inside it' : ''}` };
    if (node.items.length !== n) {
      const what = depth === 0 ? '' : ` at nesting level ${depth + 1}`;
      return { span: node.span, message: `expected ${want.text}, got ${node.items.length} element${node.items.length === 1 ? '' : 's'}${what} where ${n} ${n === 1 ? 'is' : 'are'} needed` };
    }
    for (const item of node.items) {
      const p = readNode(item, want, depth + 1, out, cursor);
      if (p) return p;
    }
    return null;
  }
  if (want.isComplex) {
    if (node.kind !== 'array' || node.items.length !== 2) return { span: node.span, message: `expected ${want.text}: each complex number as [real, imaginary]` };
    for (const part of node.items) {
      const p = readScalar(part, want, out, cursor);
      if (p) return p;
    }
    return null;
  }
  return readScalar(node, want, out, cursor);
}

function readScalar(node: JsonNode, want: ExpectedShape, out: Float64Array, cursor: { next: number }): Problem | null {
  let x: number;
  if (node.kind === 'number') x = node.value;
  else if (node.kind === 'string' && node.value.toLowerCase() in specialReals) x = specialReals[node.value.toLowerCase()];
  else return { span: node.span, message: `expected ${want.text}, got ${describe(node)}${want.shape.length > 0 ? ' as an element' : ''}` };
  if (want.isInt) {
    if (!Number.isInteger(x)) return { span: node.span, message: `expected ${want.text}, got ${node.kind === 'number' ? node.text : node.value} (an int must be a whole number)` };
    if (Math.abs(x) > INT_MAX) return { span: node.span, message: `${x} is outside Stan's int range (±${INT_MAX})` };
  }
  out[cursor.next++] = x;
  return null;
}

function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'array': return `an array of ${node.items.length}`;
    case 'object': return 'an object';
    case 'string': return `the string "${node.value.slice(0, 40)}"`;
    case 'number': return `the number ${node.text}`;
    case 'bool': return `${node.value}`;
    case 'null': return 'null';
  }
}
