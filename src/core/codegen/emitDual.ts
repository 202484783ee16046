// Fused scalar expressions for gradient code. A parameter-dependent scalar expression is emitted as
// straight-line code that computes its value AND its partial derivatives with respect to the tape
// nodes it reads (forward mode, done symbolically at compile time), and becomes ONE tape node with one
// edge per node read: `mu + tau * z[j]` is one node with three edges instead of two nodes with four.
// Temporaries are emitted into the current statement's lines (cx.L) before the statement.
import type { IRExpr } from '../ir/ir';
import type { E, EmitContext } from './emitContext';
import { unaryFns } from './scalarFunctions';

export interface Term {
  n: string; // a tape node (code)
  d: string; // the partial derivative (code)
}

// value: code of a local or a literal (cheap to repeat); terms: empty for data.
export interface Dual {
  v: string;
  terms: Term[];
  // The dual IS its one node (value and derivative), so that node stands for it.
  leaf?: boolean;
}

const MAX_TERMS = 24;

// Local derivative of f at x (value code) with result r (value code).
const DERIV: Record<string, (x: string, r: string) => string> = {
  exp: (_x, r) => r,
  log: (x) => `1 / ${x}`,
  sqrt: (_x, r) => `0.5 / ${r}`,
  square: (x) => `2 * ${x}`,
  inv: (_x, r) => `-(${r} * ${r})`,
  log1p: (x) => `1 / (1 + ${x})`,
  expm1: (_x, r) => `(${r} + 1)`,
  log1m: (x) => `-1 / (1 - ${x})`,
  log1p_exp: (x) => `R.m.invLogit(${x})`,
  inv_logit: (_x, r) => `${r} * (1 - ${r})`,
  logit: (x) => `1 / (${x} * (1 - ${x}))`,
  log_inv_logit: (x) => `R.m.invLogit(-${x})`,
  log1m_inv_logit: (x) => `-R.m.invLogit(${x})`,
  lgamma: (x) => `R.m.digamma(${x})`,
  tanh: (_x, r) => `(1 - ${r} * ${r})`,
  sin: (x) => `Math.cos(${x})`,
  cos: (x) => `-Math.sin(${x})`,
  atan: (x) => `1 / (1 + ${x} * ${x})`,
  abs: (x) => `(${x} > 0 ? 1 : ${x} < 0 ? -1 : 0)`,
  fabs: (x) => `(${x} > 0 ? 1 : ${x} < 0 ? -1 : 0)`,
};
const VALUE: Record<string, string> = {
  exp: 'Math.exp',
  log: 'Math.log',
  sqrt: 'Math.sqrt',
  square: 'R.m.square',
  inv: 'R.m.inv',
  log1p: 'Math.log1p',
  expm1: 'Math.expm1',
  log1m: 'R.m.log1m',
  log1p_exp: 'R.m.log1pExp',
  inv_logit: 'R.m.invLogit',
  logit: 'R.m.logit',
  log_inv_logit: 'R.m.logInvLogit',
  log1m_inv_logit: 'R.m.log1mInvLogit',
  lgamma: 'R.m.lgamma',
  tanh: 'Math.tanh',
  sin: 'Math.sin',
  cos: 'Math.cos',
  atan: 'Math.atan',
  abs: 'Math.abs',
  fabs: 'Math.abs',
};

// The fused forms of the other differentiable scalar functions call scalarFunctions.ts (R.sf).
export function hasDeriv(fn: string): boolean {
  return DERIV[fn] !== undefined || unaryFns[fn] !== undefined;
}

const isScalarT = (t: IRExpr['t']) => t.dims === 0 && (t.base === 'real' || t.base === 'int');

export function isFusable(e: IRExpr): boolean {
  if (!isScalarT(e.t)) return false;
  // (row_vector * vector is a real scalar too, but not scalar arithmetic)
  if (e.k === 'Bin') return isScalarT(e.a.t) && isScalarT(e.b.t) && (['+', '-', '*', '/', '.*', './'].includes(e.op) || (e.op === '^' && e.b.k === 'Lit'));
  if (e.k === 'Un') return e.op === '-' || e.op === '+';
  if (e.k === 'Call') return !e.user && e.args.length === 1 && hasDeriv(e.fn);
  return false;
}

function tmp(cx: EmitContext, code: string, base = 't'): string {
  if (/^[$\w.]+$/.test(code) && !code.includes('[')) return code;
  const t = cx.fresh(base);
  cx.L.line(`const ${t} = ${code};`);
  return t;
}

function scale(cx: EmitContext, terms: Term[], f: string): Term[] {
  if (f === '1') return terms;
  return terms.map((t) => {
    let d = t.d === '1' ? f : `${t.d} * ${f}`;
    if (d.length > 48) d = tmp(cx, d, 'd');
    return { n: t.n, d };
  });
}

// A node (or node-valued code) as a dual: value read from the tape.
export function leaf(cx: EmitContext, nodeCode: string): Dual {
  const n = tmp(cx, nodeCode, 'n');
  return { v: tmp(cx, `T.val[${n}]`, 'x'), terms: [{ n, d: '1' }], leaf: true };
}

// Turn an emitted expression into a dual (nodes become leaves, data has no terms).
export function dualOfE(cx: EmitContext, e: E): Dual {
  if (e.adj) return { v: tmp(cx, e.c, 'x'), terms: [{ n: e.adj, d: '1' }] }; // an adjoint slot (any mode)
  if (cx.node(e)) return leaf(cx, e.c);
  return { v: tmp(cx, e.c, 'x'), terms: [] };
}

// The dual of an IR scalar expression; `emit` emits any sub-expression the ordinary way.
export function dualOf(cx: EmitContext, e: IRExpr, emit: (e: IRExpr) => E, plain: (e: IRExpr) => E): Dual {
  if (!isFusable(e)) return dualOfE(cx, emit(e));
  if (e.k === 'Un') {
    const a = dualOf(cx, e.a, emit, plain);
    if (e.op === '+') return a;
    return { v: tmp(cx, `-${a.v}`), terms: scale(cx, a.terms, '-1') };
  }
  if (e.k === 'Call') {
    const a = limit(cx, dualOf(cx, e.args[0], emit, plain));
    const r = tmp(cx, `${VALUE[e.fn] ?? `R.sf.${e.fn}.f`}(${a.v})`);
    if (!a.terms.length) return { v: r, terms: [] };
    const d = DERIV[e.fn] ? DERIV[e.fn](a.v, r) : `R.sf.${e.fn}.d(${a.v}, ${r})`;
    return { v: r, terms: scale(cx, a.terms, tmp(cx, d, 'g')) };
  }
  if (e.k !== 'Bin') return dualOfE(cx, plain(e));
  const ints = e.a.t.base === 'int' && e.b.t.base === 'int';
  if (ints) return dualOfE(cx, plain(e)); // integer arithmetic (integer division!) the ordinary way
  const a = dualOf(cx, e.a, emit, plain);
  if (e.op === '^') {
    const p = (e.b as { v: number }).v;
    const la = limit(cx, a);
    const r = tmp(cx, `Math.pow(${la.v}, ${p})`);
    return { v: r, terms: scale(cx, la.terms, tmp(cx, p === 2 ? `2 * ${la.v}` : `${p} * Math.pow(${la.v}, ${p - 1})`, 'g')) };
  }
  const b = dualOf(cx, e.b, emit, plain);
  switch (e.op) {
    case '+':
      return limit(cx, { v: tmp(cx, `${a.v} + ${b.v}`), terms: [...a.terms, ...b.terms] });
    case '-':
      return limit(cx, { v: tmp(cx, `${a.v} - ${b.v}`), terms: [...a.terms, ...scale(cx, b.terms, '-1')] });
    case '*':
    case '.*':
      return limit(cx, { v: tmp(cx, `${a.v} * ${b.v}`), terms: [...scale(cx, a.terms, b.v), ...scale(cx, b.terms, a.v)] });
    default: {
      // a / b: d/da = 1/b, d/db = -r/b
      const ib = tmp(cx, `1 / ${b.v}`, 'i');
      const r = tmp(cx, `${a.v} * ${ib}`);
      const terms = [...scale(cx, a.terms, ib)];
      if (b.terms.length) terms.push(...scale(cx, b.terms, tmp(cx, `-${r} * ${ib}`, 'g')));
      return limit(cx, { v: r, terms });
    }
  }
}

// Too many terms: make a node of it and continue from there.
function limit(cx: EmitContext, d: Dual): Dual {
  if (d.terms.length <= MAX_TERMS) return d;
  return leaf(cx, materialize(cx, d));
}

// Emit the node for a dual; returns its code (a node index, or T.c(v) for data).
export function materialize(cx: EmitContext, d: Dual): string {
  if (d.terms.length === 0) return `T.c(${d.v})`;
  if (d.leaf) return d.terms[0].n;
  const k = cx.fresh('k');
  cx.L.line(`const ${k} = T.node(${d.v});`);
  for (const t of d.terms) cx.L.line(`T.edge(${k}, ${t.n}, ${t.d});`);
  return k;
}
