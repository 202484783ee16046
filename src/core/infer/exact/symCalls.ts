// Library function calls on symbolic values: everything is computed on data; on parameters only what
// conjugacy needs (sqrt, square, inverse and powers of one parameter, sums and dot products of affine
// forms); any other function of a parameter becomes Opaque.
import type { CallExpr } from '../../stan/ast';
import { lgamma } from '../../math/special/lgamma';
import { type EvalContext, evalExpr, map, num, spend, Unsupported, zip } from './symEval';
import { add, apply1, logOf, mul, numbers, opaqueOf, pow, type SVal, type Sym, scalar } from './symValue';

const unaryNumeric: Record<string, (x: number) => number> = {
  exp: Math.exp, log: Math.log, log1p: Math.log1p, expm1: Math.expm1, log2: Math.log2, log10: Math.log10,
  fabs: Math.abs, abs: Math.abs, floor: Math.floor, ceil: Math.ceil, round: Math.round, trunc: Math.trunc,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, tanh: Math.tanh, cbrt: Math.cbrt, lgamma,
  inv_logit: (x) => 1 / (1 + Math.exp(-x)), logit: (x) => Math.log(x / (1 - x)),
  sqrt: Math.sqrt, square: (x) => x * x, inv: (x) => 1 / x, inv_sqrt: (x) => 1 / Math.sqrt(x), inv_square: (x) => 1 / (x * x),
};
// Functions that keep a power of one parameter a power.
const powerOf: Record<string, number> = { sqrt: 0.5, square: 2, inv: -1, inv_sqrt: -0.5, inv_square: -2 };

const constants: Record<string, number> = {
  pi: Math.PI, e: Math.E, sqrt2: Math.SQRT2, log2: Math.LN2, log10: Math.LN10,
  not_a_number: NaN, positive_infinity: Infinity, negative_infinity: -Infinity, machine_precision: Number.EPSILON,
};

function sumAll(ctx: EvalContext, v: SVal): Sym {
  spend(ctx, v.el.length);
  return v.el.reduce<Sym>((a, b) => add(a, b), 0);
}

function needNumbers(v: SVal, call: CallExpr): number[] {
  const n = numbers(v);
  if (!n) throw new Unsupported(`${call.callee.name}() of a parameter is not analysed`, call.span);
  return n;
}

function rep(x: SVal, count: number): SVal {
  const el: Sym[] = [];
  for (let i = 0; i < count; i++) el.push(...x.el);
  return { shape: [count, ...x.shape], el };
}

export function callSym(ctx: EvalContext, call: CallExpr): SVal {
  const name = call.callee.name;
  if (call.args.length === 0 && name in constants) return scalar(constants[name]);
  const args = call.args.map((a) => evalExpr(ctx, a));
  const a0 = args[0];
  if (args.length === 1 && name in unaryNumeric) {
    const p = powerOf[name];
    const symbolic = name === 'log' ? logOf : p === undefined ? undefined : (m: Parameters<typeof logOf>[0]) => pow(m, p);
    return map(a0, (s) => apply1(unaryNumeric[name], s, symbolic));
  }
  switch (name) {
    case 'pow':
      return zip(args[0], args[1], pow, call.span);
    case 'fmin':
    case 'fmax':
    case 'fdim':
      return zip(args[0], args[1], (x, y) =>
        typeof x === 'number' && typeof y === 'number' ? (name === 'fmin' ? Math.min(x, y) : name === 'fmax' ? Math.max(x, y) : Math.max(x - y, 0)) : opaqueOf(x, y));
    case 'min':
    case 'max': {
      const all = args.flatMap((a) => needNumbers(a, call));
      return scalar(name === 'min' ? Math.min(...all) : Math.max(...all));
    }
    case 'sum':
      return scalar(sumAll(ctx, a0));
    case 'mean':
      return scalar(mul(sumAll(ctx, a0), 1 / a0.el.length));
    case 'sd':
    case 'variance': {
      const x = needNumbers(a0, call);
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      const v = x.reduce((s, y) => s + (y - m) ** 2, 0) / (x.length - 1);
      return scalar(name === 'sd' ? Math.sqrt(v) : v);
    }
    case 'size':
      return scalar(a0.shape.length === 0 ? 1 : a0.shape[0]);
    case 'num_elements':
      return scalar(a0.el.length);
    case 'rows':
      return scalar(a0.shape.length === 0 ? 1 : a0.shape[0]);
    case 'cols':
      return scalar(a0.shape.length === 2 ? a0.shape[1] : 1);
    case 'rep_vector':
    case 'rep_row_vector':
      return { shape: [num(ctx, call.args[1])], el: rep(a0, num(ctx, call.args[1])).el };
    case 'rep_array': {
      let v = a0;
      for (let i = call.args.length - 1; i >= 1; i--) v = rep(v, num(ctx, call.args[i]));
      return v;
    }
    case 'rep_matrix': {
      const r = num(ctx, call.args[1]);
      const c = num(ctx, call.args[2]);
      return { shape: [r, c], el: rep(a0, r * c).el };
    }
    case 'to_vector':
    case 'to_row_vector':
    case 'to_array_1d':
      if (a0.shape.length <= 1) return { shape: [a0.el.length], el: a0.el };
      if (a0.shape.length === 2 && name !== 'to_array_1d') {
        // Stan flattens matrices column-major
        const [r, c] = a0.shape;
        const el: Sym[] = [];
        for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) el.push(a0.el[i * c + j]);
        return { shape: [r * c], el };
      }
      return { shape: [a0.el.length], el: a0.el };
    case 'dot_product': {
      spend(ctx, a0.el.length);
      return scalar(a0.el.reduce<Sym>((s, x, i) => add(s, mul(x, args[1].el[i])), 0));
    }
    case 'dot_self':
      return scalar(a0.el.reduce<Sym>((s, x) => add(s, mul(x, x)), 0));
    case 'segment':
    case 'head':
    case 'tail': {
      const n = a0.shape[0];
      const inner = a0.el.length / Math.max(n, 1);
      const [start, len] =
        name === 'segment' ? [num(ctx, call.args[1]) - 1, num(ctx, call.args[2])] : name === 'head' ? [0, num(ctx, call.args[1])] : [n - num(ctx, call.args[1]), num(ctx, call.args[1])];
      return { shape: [len, ...a0.shape.slice(1)], el: a0.el.slice(start * inner, (start + len) * inner) };
    }
    case 'append_row':
    case 'append_array': {
      const parts = args.map((a) => (a.shape.length === 0 ? { shape: [1], el: a.el } : a));
      return { shape: [parts[0].shape[0] + parts[1].shape[0], ...parts[0].shape.slice(1)], el: [...parts[0].el, ...parts[1].el] };
    }
    case 'col':
    case 'row': {
      const [r, c] = a0.shape;
      const k = num(ctx, call.args[1]) - 1;
      const el = name === 'col' ? Array.from({ length: r }, (_, i) => a0.el[i * c + k]) : a0.el.slice(k * c, k * c + c);
      return { shape: [el.length], el };
    }
    case 'log_sum_exp': {
      const x = args.flatMap((a) => needNumbers(a, call));
      const m = Math.max(...x);
      return scalar(m + Math.log(x.reduce((s, v) => s + Math.exp(v - m), 0)));
    }
    default:
      if (args.every((a) => numbers(a))) throw new Unsupported(`the function ${name}() is not evaluated by the exact-posterior reader`, call.span);
      // A function of parameters we do not model: depends on them in an unknown way.
      return scalar(opaqueOf(...args.flatMap((a) => a.el)));
  }
}
