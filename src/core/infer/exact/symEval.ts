// Evaluates Stan expressions on symbolic values (symValue.ts): data give numbers, parameters give
// affine/power forms. Anything this reader does not understand stops the analysis with a reason
// (Unsupported), so detection never guesses.
import type { Expr, Index } from '../../stan/ast';
import type { ExprInfo } from '../../stan/checkContext';
import type { Span } from '../../stan/span';
import { callSym } from './symCalls';
import { add, div, mul, neg, numbers, opaqueOf, pow, type SVal, type Sym, scalar } from './symValue';

export class Unsupported extends Error {
  constructor(message: string, readonly span?: Span) {
    super(message);
  }
}

export interface EvalContext {
  env: Map<string, SVal>;
  types: Map<Expr, ExprInfo>;
  // Element operations left before giving up (big data would make the unrolled reading slow).
  budget: { left: number };
}

export function spend(ctx: EvalContext, n: number, span?: Span): void {
  ctx.budget.left -= n;
  if (ctx.budget.left < 0) throw new Unsupported('the model is too large to read element by element', span);
}

export function size(v: SVal): number {
  return v.el.length;
}

function typeName(ctx: EvalContext, e: Expr): string {
  const t = ctx.types.get(e)?.type;
  return t?.kind === 'prim' ? t.name : t?.kind === 'array' ? 'array' : '?';
}

export function num(ctx: EvalContext, e: Expr): number {
  const v = evalExpr(ctx, e);
  const n = numbers(v);
  if (!n || n.length !== 1) throw new Unsupported('expected a single number computed from data', e.span);
  return n[0];
}

export function evalExpr(ctx: EvalContext, e: Expr): SVal {
  switch (e.kind) {
    case 'IntLiteral':
    case 'RealLiteral':
      return scalar(e.value);
    case 'Paren':
      return evalExpr(ctx, e.expr);
    case 'Identifier': {
      const v = ctx.env.get(e.name);
      if (!v) throw new Unsupported(`the value of '${e.name}' is not known here`, e.span);
      return v;
    }
    case 'Unary': {
      const v = evalExpr(ctx, e.operand);
      if (e.op === '+') return v;
      if (e.op === '-') return map(v, neg);
      return map(v, (s) => (typeof s === 'number' ? (s === 0 ? 1 : 0) : opaqueOf(s)));
    }
    case 'Binary':
      return evalBinary(ctx, e.op, e.left, e.right, e.span);
    case 'Ternary': {
      const c = num(ctx, e.cond);
      return evalExpr(ctx, c !== 0 ? e.then : e.else);
    }
    case 'Indexed':
      return evalIndexed(ctx, evalExpr(ctx, e.target), e.indexes);
    case 'Transpose': {
      const v = evalExpr(ctx, e.operand);
      if (v.shape.length === 2) return transpose(v);
      return v;
    }
    case 'ArrayExpr':
    case 'RowVectorExpr': {
      const parts = e.elements.map((x) => evalExpr(ctx, x));
      if (parts.length === 0) return { shape: [0], el: [] };
      return { shape: [parts.length, ...parts[0].shape], el: parts.flatMap((p) => p.el) };
    }
    case 'Call':
      return callSym(ctx, e);
    default:
      throw new Unsupported(`this kind of expression (${e.kind}) is not analysed`, e.span);
  }
}

export function map(v: SVal, f: (s: Sym) => Sym): SVal {
  return { shape: v.shape, el: v.el.map(f) };
}

// Elementwise binary operation with scalar broadcasting.
export function zip(a: SVal, b: SVal, f: (x: Sym, y: Sym) => Sym, span?: Span): SVal {
  if (a.shape.length === 0 && b.shape.length > 0) return map(b, (y) => f(a.el[0], y));
  if (b.shape.length === 0) return map(a, (x) => f(x, b.el[0]));
  if (a.el.length !== b.el.length) throw new Unsupported('sizes do not match', span);
  return { shape: a.shape, el: a.el.map((x, i) => f(x, b.el[i])) };
}

function transpose(v: SVal): SVal {
  const [r, c] = v.shape;
  const el: Sym[] = new Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) el[j * r + i] = v.el[i * c + j];
  return { shape: [c, r], el };
}

function bool(x: boolean): number {
  return x ? 1 : 0;
}

function evalBinary(ctx: EvalContext, op: string, l: Expr, r: Expr, span: Span): SVal {
  if (op === '&&' || op === '||') {
    const a = num(ctx, l);
    if (op === '&&' && a === 0) return scalar(0);
    if (op === '||' && a !== 0) return scalar(1);
    return scalar(bool(num(ctx, r) !== 0));
  }
  const a = evalExpr(ctx, l);
  const b = evalExpr(ctx, r);
  spend(ctx, Math.max(a.el.length, b.el.length), span);
  const bothInt = typeName(ctx, l) === 'int' && typeName(ctx, r) === 'int';
  const cmp = (f: (x: number, y: number) => boolean) =>
    zip(a, b, (x, y) => {
      if (typeof x !== 'number' || typeof y !== 'number') throw new Unsupported('a condition depends on parameters', span);
      return bool(f(x, y));
    });
  switch (op) {
    case '+':
      return zip(a, b, (x, y) => add(x, y), span);
    case '-':
      return zip(a, b, (x, y) => add(x, y, -1), span);
    case '.*':
      return zip(a, b, mul, span);
    case './':
      return zip(a, b, div, span);
    case '.^':
    case '^':
      return zip(a, b, pow, span);
    case '/':
      if (bothInt) return zip(a, b, (x, y) => (typeof x === 'number' && typeof y === 'number' ? Math.trunc(x / y) : opaqueOf(x, y)));
      return zip(a, b, div, span);
    case '%/%':
      return zip(a, b, (x, y) => (typeof x === 'number' && typeof y === 'number' ? Math.trunc(x / y) : opaqueOf(x, y)));
    case '%':
      return zip(a, b, (x, y) => (typeof x === 'number' && typeof y === 'number' ? x % y : opaqueOf(x, y)));
    case '*':
      if (a.shape.length === 0 || b.shape.length === 0) return zip(a, b, mul, span);
      return matMul(ctx, a, typeName(ctx, l), b, typeName(ctx, r), span);
    case '==':
      return cmp((x, y) => x === y);
    case '!=':
      return cmp((x, y) => x !== y);
    case '<':
      return cmp((x, y) => x < y);
    case '<=':
      return cmp((x, y) => x <= y);
    case '>':
      return cmp((x, y) => x > y);
    case '>=':
      return cmp((x, y) => x >= y);
    default:
      throw new Unsupported(`the operator '${op}' is not analysed`, span);
  }
}

// Matrix products: vectors are columns, row vectors rows.
function matMul(ctx: EvalContext, a: SVal, ta: string, b: SVal, tb: string, span: Span): SVal {
  const dims = (v: SVal, t: string): [number, number] =>
    t === 'matrix' ? [v.shape[0], v.shape[1]] : t === 'row_vector' ? [1, v.el.length] : [v.el.length, 1];
  const [ar, ac] = dims(a, ta);
  const [br, bc] = dims(b, tb);
  if (ac !== br) throw new Unsupported('matrix sizes do not match', span);
  spend(ctx, ar * ac * bc, span);
  const el: Sym[] = new Array(ar * bc);
  for (let i = 0; i < ar; i++) {
    for (let j = 0; j < bc; j++) {
      let s: Sym = 0;
      for (let k = 0; k < ac; k++) {
        const x = a.el[i * ac + k];
        const y = b.el[k * bc + j];
        if (x === 0 || y === 0) continue;
        s = add(s, mul(x, y));
      }
      el[i * bc + j] = s;
    }
  }
  if (ar === 1 && bc === 1 && ta !== 'matrix' && tb !== 'matrix') return scalar(el[0]);
  const shape = ta === 'row_vector' && tb === 'matrix' ? [bc] : ta === 'matrix' && tb !== 'matrix' ? [ar] : [ar, bc];
  return { shape, el };
}

export function evalIndexed(ctx: EvalContext, v: SVal, indexes: Index[]): SVal {
  if (indexes.length > v.shape.length) throw new Unsupported('too many indexes');
  const picks: number[][] = [];
  const keep: boolean[] = [];
  indexes.forEach((ix, d) => {
    const n = v.shape[d];
    if (ix.kind === 'IndexAll') {
      picks.push(Array.from({ length: n }, (_, i) => i));
      keep.push(true);
    } else if (ix.kind === 'IndexRange') {
      const lo = ix.lower ? num(ctx, ix.lower) : 1;
      const hi = ix.upper ? num(ctx, ix.upper) : n;
      picks.push(Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo - 1 + i));
      keep.push(true);
    } else {
      const iv = evalExpr(ctx, ix.expr);
      const ns = numbers(iv);
      if (!ns) throw new Unsupported('an index depends on parameters', ix.span);
      picks.push(ns.map((x) => x - 1));
      keep.push(iv.shape.length > 0);
    }
    for (const p of picks[d]) if (!(p >= 0 && p < n)) throw new Unsupported(`index ${p + 1} out of range 1..${n}`, ix.span);
  });
  const rest = v.shape.slice(indexes.length);
  const restSize = rest.reduce((a, b) => a * b, 1);
  const strides: number[] = [];
  let s = restSize;
  for (let d = indexes.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= v.shape[d];
  }
  const el: Sym[] = [];
  const walk = (d: number, off: number) => {
    if (d === indexes.length) {
      for (let i = 0; i < restSize; i++) el.push(v.el[off + i]);
      return;
    }
    for (const p of picks[d]) walk(d + 1, off + p * strides[d]);
  };
  walk(0, 0);
  spend(ctx, el.length);
  const shape = [...picks.filter((_, d) => keep[d]).map((p) => p.length), ...rest];
  return { shape, el };
}
