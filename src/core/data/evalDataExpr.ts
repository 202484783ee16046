// Evaluates the data-only expressions that size and bound data declarations (`array[N] real y`,
// `int<lower=1, upper=K> k`), using the data variables loaded so far. Anything richer is computed by
// the compiled model; here we only need what the data block itself may use.
import type { Expr } from '../stan/ast';
import { type DataValue, elementCount } from './dataValue';

export type EvalResult = { ok: true; value: number | DataValue } | { ok: false; message: string };

const fail = (message: string): EvalResult => ({ ok: false, message });
const num = (value: number): EvalResult => ({ ok: true, value });

const unaryFunctions: Record<string, (x: number) => number> = {
  abs: Math.abs, fabs: Math.abs, sqrt: Math.sqrt, exp: Math.exp, log: Math.log, floor: Math.floor,
  ceil: Math.ceil, round: Math.round, trunc: Math.trunc, square: (x) => x * x, inv: (x) => 1 / x,
  log10: Math.log10, log2: Math.log2, int_step: (x) => (x > 0 ? 1 : 0), to_int: Math.trunc,
};

export function evalDataExpr(e: Expr, env: ReadonlyMap<string, DataValue>): EvalResult {
  switch (e.kind) {
    case 'IntLiteral':
    case 'RealLiteral':
      return num(e.value);
    case 'Paren':
      return evalDataExpr(e.expr, env);
    case 'Identifier': {
      const v = env.get(e.name);
      if (!v) return fail(`'${e.name}' is not a data variable declared before this point`);
      return { ok: true, value: v.shape.length === 0 && !v.isComplex ? v.values[0] : v };
    }
    case 'Unary': {
      const r = scalar(evalDataExpr(e.operand, env));
      if (!r.ok) return r;
      const x = r.value as number;
      return num(e.op === '-' ? -x : e.op === '!' ? Number(x === 0) : x);
    }
    case 'Binary':
      return binary(e.op, scalar(evalDataExpr(e.left, env)), scalar(evalDataExpr(e.right, env)), isIntExpr(e, env));
    case 'Ternary': {
      const c = scalar(evalDataExpr(e.cond, env));
      if (!c.ok) return c;
      return evalDataExpr(c.value !== 0 ? e.then : e.else, env);
    }
    case 'Indexed':
      return indexed(e, env);
    case 'Call':
      return call(e.callee.name, e.args.map((a) => evalDataExpr(a, env)));
    default:
      return fail('this expression cannot be evaluated while reading data');
  }
}

function scalar(r: EvalResult): EvalResult {
  if (r.ok && typeof r.value !== 'number') return fail(`'${r.value.name}' is a container where a number is needed`);
  return r;
}

// Int arithmetic truncates division as Stan does; a literal with a '.' makes the expression real.
function isIntExpr(e: Expr, env: ReadonlyMap<string, DataValue>): boolean {
  switch (e.kind) {
    case 'IntLiteral':
      return true;
    case 'Identifier':
      return env.get(e.name)?.isInt ?? false;
    case 'Paren':
      return isIntExpr(e.expr, env);
    case 'Unary':
      return isIntExpr(e.operand, env);
    case 'Binary':
      return isIntExpr(e.left, env) && isIntExpr(e.right, env);
    case 'Indexed':
      return isIntExpr(e.target, env);
    default:
      return false;
  }
}

function binary(op: string, l: EvalResult, r: EvalResult, intMath: boolean): EvalResult {
  if (!l.ok) return l;
  if (!r.ok) return r;
  const a = l.value as number;
  const b = r.value as number;
  switch (op) {
    case '+': return num(a + b);
    case '-': return num(a - b);
    case '*': return num(a * b);
    case '/':
      if (intMath && b === 0) return fail('integer division by zero');
      return num(intMath ? Math.trunc(a / b) : a / b);
    case '%/%':
      if (b === 0) return fail('integer division by zero');
      return num(Math.trunc(a / b));
    case '%':
      if (b === 0) return fail('modulus by zero');
      return num(a % b);
    case '^': return num(Math.pow(a, b));
    case '<': return num(Number(a < b));
    case '<=': return num(Number(a <= b));
    case '>': return num(Number(a > b));
    case '>=': return num(Number(a >= b));
    case '==': return num(Number(a === b));
    case '!=': return num(Number(a !== b));
    case '&&': return num(Number(a !== 0 && b !== 0));
    case '||': return num(Number(a !== 0 || b !== 0));
    default: return fail(`operator '${op}' cannot be evaluated while reading data`);
  }
}

function indexed(e: Extract<Expr, { kind: 'Indexed' }>, env: ReadonlyMap<string, DataValue>): EvalResult {
  const t = evalDataExpr(e.target, env);
  if (!t.ok) return t;
  if (typeof t.value === 'number') return fail('a number cannot be indexed');
  const v = t.value;
  if (e.indexes.length > v.shape.length) return fail(`too many indexes for '${v.name}'`);
  let offset = 0;
  let stride = elementCount(v.shape);
  for (let d = 0; d < e.indexes.length; d++) {
    const ix = e.indexes[d];
    if (ix.kind !== 'IndexSingle') return fail('only single indexes can be evaluated while reading data');
    const r = scalar(evalDataExpr(ix.expr, env));
    if (!r.ok) return r;
    const i = r.value as number;
    if (!Number.isInteger(i) || i < 1 || i > v.shape[d]) return fail(`index ${i} out of range for '${v.name}' (size ${v.shape[d]})`);
    stride /= v.shape[d];
    offset += (i - 1) * stride;
  }
  const rest = v.shape.slice(e.indexes.length);
  if (rest.length === 0) return num(v.values[offset]);
  return { ok: true, value: { ...v, shape: rest, values: v.values.subarray(offset, offset + stride) } };
}

function call(name: string, args: EvalResult[]): EvalResult {
  for (const a of args) if (!a.ok) return a;
  const vals = args.map((a) => (a as { value: number | DataValue }).value);
  const containerSize = (v: number | DataValue, pick: (s: number[]) => number) =>
    typeof v === 'number' ? fail(`${name}() needs a container`) : num(pick(v.shape));
  if (name === 'size' && vals.length === 1) return containerSize(vals[0], (s) => s[0]);
  if (name === 'num_elements' && vals.length === 1) return containerSize(vals[0], elementCount);
  if (name === 'rows' && vals.length === 1) return containerSize(vals[0], (s) => s[s.length - 2] ?? s[0]);
  if (name === 'cols' && vals.length === 1) return containerSize(vals[0], (s) => s[s.length - 1]);
  const flat = (v: number | DataValue) => (typeof v === 'number' ? [v] : Array.from(v.values));
  if ((name === 'max' || name === 'min' || name === 'sum') && vals.length >= 1) {
    const all = vals.flatMap(flat);
    if (name === 'sum') return num(all.reduce((s, x) => s + x, 0));
    if (all.length === 0) return fail(`${name}() of an empty container`);
    return num(name === 'max' ? Math.max(...all) : Math.min(...all));
  }
  if ((name === 'pow' || name === 'fmin' || name === 'fmax') && vals.length === 2) {
    const [a, b] = vals;
    if (typeof a !== 'number' || typeof b !== 'number') return fail(`${name}() needs numbers`);
    return num(name === 'pow' ? Math.pow(a, b) : name === 'fmin' ? Math.min(a, b) : Math.max(a, b));
  }
  const f = unaryFunctions[name];
  if (f && vals.length === 1 && typeof vals[0] === 'number') return num(f(vals[0]));
  return fail(`${name}(...) cannot be evaluated while reading data`);
}
