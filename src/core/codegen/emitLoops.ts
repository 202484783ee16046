// Elementwise vector expressions as loops, and univariate densities as inline loops. A vector
// expression built from elementwise operations (`mu + tau * z`, `exp(a) ./ b`) is evaluated element by
// element with no intermediate vectors; in gradient code each element is one fused node. A density over
// vectors (`y ~ normal(mu + tau * z, sigma)`) calls the math library's scalar kernel per element and
// becomes one node whose edges go straight to the nodes the arguments read.
import type { IRExpr, IRType } from '../ir/ir';
import { univariateFamilies } from '../math/registry';
import type { E, EmitContext } from './emitContext';
import { type Dual, dualOf, dualOfE, materialize } from './emitDual';
import { emitExpr, emitPlain, isScalar } from './emitExpr';
import { hasInlineKernel, inlineKernel } from './inlineKernels';

const ELEMENTWISE_UNARY = new Set(['exp', 'log', 'sqrt', 'square', 'inv', 'log1p', 'expm1', 'log1m', 'log1p_exp', 'inv_logit', 'logit', 'log_inv_logit', 'log1m_inv_logit', 'lgamma', 'tanh', 'sin', 'cos', 'atan', 'abs', 'fabs']);

// One-dimensional containers whose elements are scalars.
export function isVec(t: IRType): boolean {
  return (t.dims === 0 && (t.base === 'vector' || t.base === 'row_vector')) || (t.dims === 1 && (t.base === 'real' || t.base === 'int'));
}

// Does the expression have an elementwise operation at its top (worth a loop)?
export function isElementwiseOp(e: IRExpr): boolean {
  if (!isVec(e.t)) return false;
  if (e.k === 'Bin') {
    if (['+', '-', '.*', './'].includes(e.op)) return (isVec(e.a.t) || isScalar(e.a.t)) && (isVec(e.b.t) || isScalar(e.b.t));
    if (e.op === '*') return (isScalar(e.a.t) && isVec(e.b.t)) || (isVec(e.a.t) && isScalar(e.b.t));
    if (e.op === '/') return isVec(e.a.t) && isScalar(e.b.t);
    return false;
  }
  if (e.k === 'Un') return e.op === '-' || e.op === '+';
  if (e.k === 'Call') return !e.user && e.args.length === 1 && ELEMENTWISE_UNARY.has(e.fn) && isVec(e.args[0].t);
  return false;
}

const SCALAR_OP: Record<string, string> = { '+': '+', '-': '-', '.*': '*', './': '/', '*': '*', '/': '/' };

interface Plan {
  leaves: string[]; // container leaves (JS temps), for the length check
  expr: IRExpr; // the per-element scalar expression over compiler variables
  ad: boolean;
}

// Hoist the non-elementwise parts of a vector expression before the loop, and rewrite it as a scalar
// expression over `$e<k>` (element $i of a container leaf) and `$h<k>` (a hoisted scalar).
function plan(cx: EmitContext, e: IRExpr, idx: string, leaves: string[], invariant: string[] = []): { expr: IRExpr; ad: boolean } {
  const scalarT = (t: IRType): IRType => ({ base: t.base === 'int' ? 'int' : 'real', dims: 0 });
  if (isScalar(e.t)) {
    const h = emitExpr(cx, e);
    const name = cx.fresh('h');
    cx.L.line(`const ${name} = ${h.c};`);
    cx.declareRaw(name, name, h.t, h.ad, h.adj);
    if (h.ad) invariant.push(h.adj ?? name);
    return { expr: { k: 'Var', name, t: h.t }, ad: h.ad };
  }
  if (!isElementwiseOp(e)) {
    const h: E = emitExpr(cx, e);
    const name = cx.fresh('v');
    cx.L.line(`const ${name} = ${h.c};`);
    leaves.push(name);
    const el = cx.fresh('e');
    const t = scalarT(e.t);
    cx.declareRaw(el, `${name}[${idx}]`, t, h.ad, h.adjElem ? h.adjElem(idx) : undefined);
    return { expr: { k: 'Var', name: el, t }, ad: h.ad };
  }
  const t = scalarT(e.t);
  if (e.k === 'Bin') {
    const a = plan(cx, e.a, idx, leaves, invariant), b = plan(cx, e.b, idx, leaves, invariant);
    return { expr: { k: 'Bin', op: SCALAR_OP[e.op], a: a.expr, b: b.expr, t }, ad: a.ad || b.ad };
  }
  if (e.k === 'Un') {
    const a = plan(cx, e.a, idx, leaves, invariant);
    return { expr: { k: 'Un', op: e.op as '-', a: a.expr, t }, ad: a.ad };
  }
  const c = e as IRExpr & { k: 'Call' };
  const a = plan(cx, c.args[0], idx, leaves, invariant);
  return { expr: { k: 'Call', fn: c.fn, args: [a.expr], user: false, t }, ad: a.ad };
}

export function makePlan(cx: EmitContext, e: IRExpr, idx: string): Plan {
  const leaves: string[] = [];
  const p = plan(cx, e, idx, leaves);
  return { leaves, expr: p.expr, ad: p.ad };
}

function sizeCheck(cx: EmitContext, n: string, leaves: string[], what: string): void {
  for (const l of leaves) cx.L.line(`if (${l}.length !== ${n}) throw new R.StanError(${JSON.stringify(`${what}: size mismatch`)} + " (" + ${n} + " and " + ${l}.length + ").");`);
}

// Evaluate an elementwise vector expression into a destination (a JS variable to assign, or a
// preallocated buffer when `buffer` is given). `wantAd`: the destination holds tape nodes.
export function emitElementwiseInto(cx: EmitContext, e: IRExpr, dest: string, declare: boolean, wantAd: boolean, buffer: string | null): void {
  cx.push();
  const i = cx.fresh('i');
  const p = makePlan(cx, e, i);
  const n = cx.fresh('n');
  cx.L.line(`const ${n} = ${p.leaves[0]}.length;`);
  sizeCheck(cx, n, p.leaves.slice(1), 'elementwise operation');
  const node = cx.grad && wantAd;
  const alloc = buffer ?? `new ${node ? 'Int32Array' : 'Float64Array'}(${n})`;
  if (buffer) cx.L.line(`if (${buffer}.length !== ${n}) throw new R.StanError("size mismatch assigning a vector of size " + ${n} + ".");`);
  cx.L.line(`${declare ? 'let ' : ''}${dest} = ${alloc};`);
  cx.L.open(`for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
  if (cx.grad) {
    const d = dualOf(cx, p.expr, (x) => emitExpr(cx, x), (x) => emitPlain(cx, x));
    cx.L.line(`${dest}[${i}] = ${node ? materialize(cx, d) : d.v};`);
  } else {
    cx.L.line(`${dest}[${i}] = ${emitExpr(cx, p.expr).c};`);
  }
  cx.L.close();
  cx.pop();
}

// ----- densities -----

export function canInlineDist(e: IRExpr): boolean {
  return e.k === 'Dist' && !e.user && (e.suffix === 'lpdf' || e.suffix === 'lpmf') && univariateFamilies.has(e.family) && e.args.length <= 4 && e.args.every((a) => isScalar(a.t) || isVec(a.t));
}

// `target += family_lpdf(...)` / `~` for a univariate family, inline. Adds to the target.
export function emitDistInline(cx: EmitContext, e: IRExpr & { k: 'Dist' }): void {
  const F = cx.family(e.family);
  const KP = `${F}.logDensityWithPartials`, KV = `${F}.logDensity`;
  cx.push();
  const i = cx.fresh('i');
  const leaves: string[] = [];
  const vecArg = e.args.map((a) => isVec(a.t));
  // Scalars read inside the element expressions (`alpha` in `alpha + X * beta`) get one summed partial.
  const invariant: string[] = [];
  const parts = e.args.map((a) => (isVec(a.t) ? plan(cx, a, i, leaves, invariant) : null));
  // Scalar arguments: evaluated once (as duals in gradient code).
  const dualMode = cx.grad || cx.adjoint;
  const scalars: (Dual | E | null)[] = e.args.map((a, j) => {
    if (vecArg[j]) return null;
    const x = emitExpr(cx, a);
    return dualMode ? dualOfE(cx, x) : x;
  });
  const ad = e.args.map((a, j) => (vecArg[j] ? parts[j]!.ad : dualMode ? (scalars[j] as Dual).terms.length > 0 : (scalars[j] as E).ad));
  let flags = e.propto ? 128 : 0;
  ad.forEach((x, j) => (flags |= x ? 0 : 1 << j));
  const anyAd = ad.some((x) => x);
  const s = cx.fresh('s');
  const loop = leaves.length > 0;
  const n = cx.fresh('n');
  if (loop) {
    cx.L.line(`const ${n} = ${leaves[0]}.length;`);
    sizeCheck(cx, n, leaves.slice(1), `${e.family}_${e.suffix}`);
  }
  const grad = dualMode && anyAd;
  const k = cx.fresh('k');
  const g = e.args.map(() => cx.fresh('g'));
  // Where a partial goes: an edge from this density's node (tape), or straight into an adjoint slot.
  const put = (n: string, d: string): string => (cx.adjoint ? `${n} += ${d};` : `T.edge(${k}, ${n}, ${d});`);
  cx.L.line(`let ${s} = 0;`);
  if (grad) {
    if (!cx.adjoint) cx.L.line(`const ${k} = T.node(0);`);
    e.args.forEach((_, j) => !vecArg[j] && ad[j] && cx.L.line(`let ${g[j]} = 0;`));
  }
  const acc = new Map<string, string>();
  if (grad) {
    for (const n of new Set(invariant)) {
      const a = cx.fresh('acc');
      acc.set(n, a);
      cx.L.line(`let ${a} = 0;`);
    }
  }
  if (loop) cx.L.open(`for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
  const vals: string[] = [];
  const duals: (Dual | null)[] = [];
  e.args.forEach((_, j) => {
    if (!vecArg[j]) {
      const sc = scalars[j]!;
      vals.push(dualMode ? (sc as Dual).v : (sc as E).c);
      duals.push(dualMode ? (sc as Dual) : null);
      return;
    }
    if (dualMode) {
      const d = dualOf(cx, parts[j]!.expr, (x) => emitExpr(cx, x), (x) => emitPlain(cx, x));
      vals.push(d.v);
      duals.push(d);
    } else {
      vals.push(emitExpr(cx, parts[j]!.expr).c);
      duals.push(null);
    }
  });
  while (vals.length < 4) vals.push('0');
  // The partial of argument j of this element (code).
  let part = (j: number) => `$S[${j}]`;
  if (hasInlineKernel(e.family)) {
    const kern = inlineKernel(cx, e.family, F, flags, vals, ad.map((x) => x && grad));
    cx.L.line(`${s} += ${kern.lp};`);
    if (grad) {
      const ds = e.args.map((_, j) => {
        if (!ad[j]) return '0';
        const t = cx.fresh('p');
        cx.L.line(`const ${t} = ${kern.d(j)};`);
        return t;
      });
      part = (j) => ds[j];
    }
  } else if (grad) cx.L.line(`${s} += ${KP}($S, ${flags}, ${vals.join(', ')});`);
  else cx.L.line(`${s} += ${KV}(${flags}, ${vals.join(', ')});`);
  if (grad) {
    e.args.forEach((_, j) => {
      if (!ad[j]) return;
      if (!vecArg[j]) cx.L.line(`${g[j]} += ${part(j)};`);
      else
        for (const t of duals[j]!.terms) {
          const d = t.d === '1' ? part(j) : `${part(j)} * ${t.d}`;
          cx.L.line(acc.has(t.n) ? `${acc.get(t.n)} += ${d};` : put(t.n, d));
        }
    });
  }
  if (loop) cx.L.close();
  for (const [node, a] of acc) cx.L.line(put(node, a));
  cx.L.line(`if (${s} !== ${s}) R.d.fail(${F}, ${JSON.stringify(e.suffix)});`);
  if (grad) {
    e.args.forEach((_, j) => {
      if (vecArg[j] || !ad[j]) return;
      for (const t of (duals[j] as Dual).terms) cx.L.line(put(t.n, t.d === '1' ? g[j] : `${g[j]} * ${t.d}`));
    });
    if (cx.adjoint) cx.L.line(`LP += ${s};`);
    else {
      cx.L.line(`T.val[${k}] = ${s};`);
      cx.L.line(`T.target(${k});`);
    }
  } else if (cx.grad) cx.L.line(`T.targetConst(${s});`);
  else cx.L.line(`LP += ${s};`);
  cx.pop();
}

