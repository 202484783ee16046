// Reads a checked Stan program with its data into what conjugacy detection works on: the parameters
// (with their element ids, bounds and flattened names) and the density terms of the model block, each
// with symbolic arguments, loops unrolled on the data.
import type { DeclType, Expr, Program, Stmt, VarDecl } from '../../stan/ast';
import type { CheckResult } from '../../stan/checkContext';
import type { Span } from '../../stan/span';
import type { DataValue } from '../../data/dataValue';
import { flatElementName } from '../../data/dataValue';
import { type EvalContext, evalExpr, evalIndexed, num, Unsupported } from './symEval';
import { add, div, mul, numbers, paramRef, type SVal, type Sym } from './symValue';

export type ParamKind = 'real' | 'positive' | 'unit' | 'simplex' | 'other';

export interface ParamVar {
  name: string;
  kind: ParamKind;
  // Full shape (array dims, then vector/matrix sizes); a simplex[K] has K elements (its last dim).
  shape: number[];
  firstId: number;
  count: number;
  lower: number | null;
  upper: number | null;
  // Row-major flattened names, `theta[2,3]`.
  flatNames: string[];
}

// One density term: `lhs ~ family(args)` or `target += family_lpdf(lhs | args)`; family '' for a
// `target +=` expression that is not a density call.
export interface Factor {
  family: string;
  args: SVal[]; // variate first
  span: Span;
  text: string;
  truncated: boolean;
}

export interface ModelReading {
  params: ParamVar[];
  // element id -> its variable index
  owner: number[];
  factors: Factor[];
}

const DENSITY_SUFFIX = /_(lpdf|lupdf|lpmf|lupmf)$/;

function declShape(ctx: EvalContext, t: DeclType): number[] {
  const dims = t.arrayDims.map((e) => num(ctx, e));
  const sizes = t.sizes.map((e) => num(ctx, e));
  if (t.base === 'cholesky_factor_cov' && sizes.length === 1) sizes.push(sizes[0]);
  if (['cov_matrix', 'corr_matrix', 'cholesky_factor_corr'].includes(t.base)) sizes.push(sizes[0]);
  return [...dims, ...sizes];
}

function filled(shape: number[], v: Sym): SVal {
  return { shape, el: new Array(shape.reduce((a, b) => a * b, 1)).fill(v) };
}

function boundOf(ctx: EvalContext, e: Expr | null): number | null {
  if (!e) return null;
  const v = evalExpr(ctx, e);
  const n = numbers(v);
  if (!n || n.length !== 1) throw new Unsupported('a parameter bound that is not a single number from data is not analysed', e.span);
  return n[0];
}

function kindOf(t: DeclType, lower: number | null, upper: number | null): ParamKind {
  if (t.base === 'simplex') return 'simplex';
  if (!['real', 'vector', 'row_vector', 'matrix'].includes(t.base)) return 'other';
  if (t.bounds?.offset || t.bounds?.multiplier) return lower === null && upper === null ? 'real' : 'other';
  if (lower === null && upper === null) return 'real';
  if (lower === 0 && upper === null) return 'positive';
  if (lower === 0 && upper === 1) return 'unit';
  return 'other';
}

export function readModel(program: Program, check: CheckResult, data: Map<string, DataValue>, source?: string): ModelReading {
  const ctx: EvalContext = { env: new Map(), types: check.exprTypes, budget: { left: 5e6 } };
  for (const [name, v] of data) ctx.env.set(name, { shape: v.shape, el: Array.from(v.values) });
  const textOf = (span: Span) => (source ? source.slice(span.start.offset, span.end.offset) : `line ${span.start.line}`);
  const reading: ModelReading = { params: [], owner: [], factors: [] };
  const run = (stmts: Stmt[], model: boolean) => {
    for (const s of stmts) exec(ctx, s, model ? reading.factors : null, textOf);
  };
  run(program.transformedData?.statements ?? [], false);
  for (const s of program.parameters?.statements ?? []) {
    if (s.kind !== 'VarDecl') continue;
    const lower = boundOf(ctx, s.type.bounds?.lower ?? null);
    const upper = boundOf(ctx, s.type.bounds?.upper ?? null);
    const shape = declShape(ctx, s.type);
    const count = shape.reduce((a, b) => a * b, 1);
    const firstId = reading.owner.length;
    const p: ParamVar = {
      name: s.name.name, kind: kindOf(s.type, lower, upper), shape, firstId, count, lower, upper,
      flatNames: Array.from({ length: count }, (_, i) => flatElementName(s.name.name, shape, i)),
    };
    for (let i = 0; i < count; i++) reading.owner.push(reading.params.length);
    reading.params.push(p);
    ctx.env.set(p.name, { shape, el: Array.from({ length: count }, (_, i) => paramRef(firstId + i)) });
  }
  run(program.transformedParameters?.statements ?? [], false);
  run(program.model?.statements ?? [], true);
  return reading;
}

function declare(ctx: EvalContext, d: VarDecl): void {
  const shape = declShape(ctx, d.type);
  ctx.env.set(d.name.name, d.init ? fit(evalExpr(ctx, d.init), shape) : filled(shape, NaN));
}

// A declared value keeps its declared shape (a scalar initialiser fills a container).
function fit(v: SVal, shape: number[]): SVal {
  const n = shape.reduce((a, b) => a * b, 1);
  if (v.el.length === n) return { shape, el: v.el.slice() };
  if (v.el.length === 1) return filled(shape, v.el[0]);
  throw new Unsupported('a value does not fit its declared size');
}

function exec(ctx: EvalContext, s: Stmt, factors: Factor[] | null, textOf: (s: Span) => string): void {
  ctx.budget.left--;
  switch (s.kind) {
    case 'VarDecl':
      return declare(ctx, s);
    case 'Assign':
      return assign(ctx, s.lhs, s.op, evalExpr(ctx, s.rhs), s.span);
    case 'Block':
      for (const t of s.statements) exec(ctx, t, factors, textOf);
      return;
    case 'Profile':
      for (const t of s.body.statements) exec(ctx, t, factors, textOf);
      return;
    case 'For': {
      const lo = num(ctx, s.lower);
      const hi = num(ctx, s.upper);
      for (let i = lo; i <= hi; i++) {
        ctx.env.set(s.variable.name, { shape: [], el: [i] });
        exec(ctx, s.body, factors, textOf);
      }
      ctx.env.delete(s.variable.name);
      return;
    }
    case 'ForEach': {
      const v = evalExpr(ctx, s.iterable);
      const n = v.shape.length === 0 ? 1 : v.shape[0];
      for (let i = 0; i < n; i++) {
        ctx.env.set(s.variable.name, evalIndexed(ctx, v, [{ kind: 'IndexSingle', expr: { kind: 'IntLiteral', text: '', value: i + 1, span: s.span }, span: s.span }]));
        exec(ctx, s.body, factors, textOf);
      }
      ctx.env.delete(s.variable.name);
      return;
    }
    case 'If': {
      const c = num(ctx, s.cond);
      if (c !== 0) exec(ctx, s.then, factors, textOf);
      else if (s.else) exec(ctx, s.else, factors, textOf);
      return;
    }
    case 'Tilde': {
      if (!factors) throw new Unsupported('a ~ statement outside the model block', s.span);
      factors.push({
        family: s.distribution.name, args: [evalExpr(ctx, s.lhs), ...s.args.map((a) => evalExpr(ctx, a))],
        span: s.span, text: textOf(s.span), truncated: s.truncation !== null,
      });
      return;
    }
    case 'TargetPlus': {
      if (!factors) throw new Unsupported('target += outside the model block', s.span);
      return targetTerms(ctx, s.expr, factors, textOf);
    }
    case 'Print':
    case 'Empty':
      return;
    case 'Reject':
    case 'FatalError':
      throw new Unsupported('the model can reject (reject or fatal_error is reached with these data)', s.span);
    default:
      throw new Unsupported(`a ${s.kind} statement is not analysed`, s.span);
  }
}

// `target += a_lpdf(...) + b_lpdf(...)` is split into its density calls; other terms are kept whole.
function targetTerms(ctx: EvalContext, e: Expr, factors: Factor[], textOf: (s: Span) => string): void {
  if (e.kind === 'Paren') return targetTerms(ctx, e.expr, factors, textOf);
  if (e.kind === 'Binary' && e.op === '+') {
    targetTerms(ctx, e.left, factors, textOf);
    targetTerms(ctx, e.right, factors, textOf);
    return;
  }
  if (e.kind === 'Call' && DENSITY_SUFFIX.test(e.callee.name)) {
    factors.push({
      family: e.callee.name.replace(DENSITY_SUFFIX, ''), args: e.args.map((a) => evalExpr(ctx, a)),
      span: e.span, text: textOf(e.span), truncated: false,
    });
    return;
  }
  const v = evalExpr(ctx, e);
  if (numbers(v)) return; // a constant: no effect on the posterior
  factors.push({ family: '', args: [v], span: e.span, text: textOf(e.span), truncated: false });
}

function assign(ctx: EvalContext, lhs: Expr, op: string, rhs: SVal, span: Span): void {
  let name: string;
  let positions: number[] | null = null;
  if (lhs.kind === 'Identifier') name = lhs.name;
  else if (lhs.kind === 'Indexed' && lhs.target.kind === 'Identifier') {
    name = lhs.target.name;
    const cur = ctx.env.get(name);
    if (!cur) throw new Unsupported(`'${name}' is not known here`, span);
    const pos = evalIndexed(ctx, { shape: cur.shape, el: cur.el.map((_, i) => i) }, lhs.indexes);
    positions = pos.el as number[];
  } else throw new Unsupported('this assignment target is not analysed', span);
  const cur = ctx.env.get(name);
  if (!cur) throw new Unsupported(`'${name}' is not known here`, span);
  const targets = positions ?? cur.el.map((_, i) => i);
  if (rhs.el.length !== targets.length && rhs.el.length !== 1) throw new Unsupported('an assignment whose sizes do not match', span);
  const el = cur.el.slice();
  targets.forEach((p, i) => {
    const r = rhs.el.length === 1 ? rhs.el[0] : rhs.el[i];
    const old = el[p];
    el[p] =
      op === '=' ? r : op === '+=' ? add(old, r) : op === '-=' ? add(old, r, -1) : op === '*=' || op === '.*=' ? mul(old, r) : op === '/=' || op === './=' ? div(old, r) : NaN;
  });
  ctx.env.set(name, { shape: cur.shape, el });
}
