// Elementwise vector expressions as loops (univariate densities as inline loops: emitDensity.ts). A vector
// expression built from elementwise operations (`mu + tau * z`, `exp(a) ./ b`) is evaluated element by
// element with no intermediate vectors; in gradient code each element is one fused node. A density over
// vectors (`y ~ normal(mu + tau * z, sigma)`) calls the math library's scalar kernel per element and
// becomes one node whose edges go straight to the nodes the arguments read.
import type { IRExpr, IRType } from '../ir/ir';
import { univariateFamilies } from '../math/registry';
import type { E, EmitContext } from './emitContext';
import { dualOf, hasDeriv, materialize } from './emitDual';
import { emitExpr, emitPlain, isScalar } from './emitExpr';


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
  if (e.k === 'Call') return !e.user && e.args.length === 1 && hasDeriv(e.fn) && isVec(e.args[0].t);
  return false;
}

const SCALAR_OP: Record<string, string> = { '+': '+', '-': '-', '.*': '*', './': '/', '*': '*', '/': '/' };

interface Plan {
  leaves: string[]; // the lengths of the container leaves (code), for the length check
  expr: IRExpr; // the per-element scalar expression over compiler variables
  ad: boolean;
}

// Hoist the non-elementwise parts of a vector expression before the loop, and rewrite it as a scalar
// expression over `$e<k>` (element $i of a container leaf) and `$h<k>` (a hoisted scalar).
export function plan(cx: EmitContext, e: IRExpr, idx: string, leaves: string[], invariant: string[] = []): { expr: IRExpr; ad: boolean } {
  const scalarT = (t: IRType): IRType => ({ base: t.base === 'int' ? 'int' : 'real', dims: 0 });
  if (isScalar(e.t)) {
    const h = emitExpr(cx, e);
    const name = cx.fresh('h');
    cx.L.line(`const ${name} = ${h.c};`);
    cx.declareRaw(name, name, h.t, h.ad, h.adj);
    if (h.ad) invariant.push(h.adj ?? name);
    return { expr: { k: 'Var', name, t: h.t }, ad: h.ad };
  }
  if (e.k === 'Var' && cx.lookup(e.name).elem) {
    const v = cx.lookup(e.name);
    leaves.push(v.len!);
    const el = cx.fresh('e');
    cx.declareRaw(el, v.elem!(idx), scalarT(e.t), v.ad, v.adjElem ? v.adjElem(idx) : undefined);
    return { expr: { k: 'Var', name: el, t: scalarT(e.t) }, ad: v.ad };
  }
  const hook = !isElementwiseOp(e) && cx.leafHook ? cx.leafHook(e, idx) : null;
  if (hook) {
    leaves.push(hook.len);
    const el = cx.fresh('e');
    const ad = hook.ad ?? true;
    cx.declareRaw(el, hook.code, scalarT(e.t), ad, ad ? hook.adj(idx) : undefined);
    return { expr: { k: 'Var', name: el, t: scalarT(e.t) }, ad };
  }
  if (!isElementwiseOp(e)) {
    const h: E = emitExpr(cx, e);
    const name = cx.fresh('v');
    cx.L.line(`const ${name} = ${h.c};`);
    leaves.push(`${name}.length`);
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

export function sizeCheck(cx: EmitContext, n: string, leaves: string[], what: string): void {
  for (const l of leaves) cx.L.line(`if (${l} !== ${n}) throw new R.StanError(${JSON.stringify(`${what}: size mismatch`)} + " (" + ${n} + " and " + ${l} + ").");`);
}

// Evaluate an elementwise vector expression into a destination (a JS variable to assign, or a
// preallocated buffer when `buffer` is given). `wantAd`: the destination holds tape nodes.
export function emitElementwiseInto(cx: EmitContext, e: IRExpr, dest: string, declare: boolean, wantAd: boolean, buffer: string | null): void {
  cx.push();
  const i = cx.fresh('i');
  const p = makePlan(cx, e, i);
  const n = cx.fresh('n');
  cx.L.line(`const ${n} = ${p.leaves[0]};`);
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
