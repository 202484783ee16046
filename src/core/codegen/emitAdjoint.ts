// Adjoint code: for models whose parameter-dependent code is straight-line (declarations with scalar or
// elementwise definitions, densities, `target +=`; no loops, branches or user functions there), the
// gradient is emitted as source code, with no tape: a forward pass computes values as the value-only
// code does; then each statement, in reverse order, recomputes its local partial derivatives (the same
// fused duals as tape code) and adds adjoint * partial into the adjoint slots of what it read. Densities
// are evaluated only in the reverse pass (their value and partials come from one kernel call). Other
// models use the tape (emitModel.ts).
import type { IRDecl, IRExpr, IRProgram, IRStmt } from '../ir/ir';
import type { EmitContext } from './emitContext';
import { mangle } from './emitContext';
import { dualOf } from './emitDual';
import { hasDeriv } from './emitDual';
import { emitExpr, emitPlain, isScalar } from './emitExpr';
import { canInlineDist, isElementwiseOp, isVec, makePlan } from './emitLoops';
import { emitDistsFused } from './emitDensity';
import { emitStmt, type Lines } from './emitStmt';
import { elementwiseOnly, inlineElementwiseTps } from './adjointInline';

function varsOf(e: IRExpr | null, out: Set<string> = new Set()): Set<string> {
  if (!e) return out;
  switch (e.k) {
    case 'Var':
      out.add(e.name);
      break;
    case 'Bin':
      varsOf(e.a, out), varsOf(e.b, out);
      break;
    case 'Un':
      varsOf(e.a, out);
      break;
    case 'Cond':
      varsOf(e.c, out), varsOf(e.a, out), varsOf(e.b, out);
      break;
    case 'Idx':
      varsOf(e.target, out);
      for (const i of e.idx) if (i.k === 'One' || i.k === 'Multi') varsOf(i.e, out);
      else if (i.k === 'Range') varsOf(i.lo, out), varsOf(i.hi, out);
      break;
    case 'Call':
    case 'Dist':
      for (const a of e.args) varsOf(a, out);
      break;
    case 'Arr':
    case 'RowVec':
      for (const a of e.elems) varsOf(a, out);
      break;
    default:
      break;
  }
  return out;
}

// User calls, and target() (which must see every density before it: this code reorders them).
function hasUserCall(e: IRExpr): boolean {
  if ((e.k === 'Call' || e.k === 'Dist') && e.user) return true;
  if (e.k === 'Call' && (e.fn === 'target' || e.fn === 'get_lp')) return true;
  const kids: IRExpr[] =
    e.k === 'Bin' ? [e.a, e.b] : e.k === 'Un' ? [e.a] : e.k === 'Cond' ? [e.c, e.a, e.b] : e.k === 'Call' || e.k === 'Dist' ? e.args : e.k === 'Arr' || e.k === 'RowVec' ? e.elems : e.k === 'Idx' ? [e.target] : [];
  return kids.some(hasUserCall);
}

// Can this expression be differentiated by the dual machinery with adjoint slots?
function safe(e: IRExpr, ad: Set<string>, inDist = false): boolean {
  if (hasUserCall(e)) return false;
  if (![...varsOf(e)].some((v) => ad.has(v))) return true; // data only
  const scalar = isScalar(e.t);
  // data matrix * parameter vector in a density's vector argument (emitDensity.ts)
  if (inDist && e.k === 'Bin' && e.op === '*' && e.a.t.base === 'matrix' && e.a.t.dims === 0 && e.b.k === 'Var' && e.b.t.base === 'vector' && e.b.t.dims === 0)
    return ![...varsOf(e.a)].some((v) => ad.has(v));
  switch (e.k) {
    case 'Var':
      return scalar || isVec(e.t);
    case 'Bin':
      if (!scalar && !isElementwiseOp(e)) return false;
      if (scalar && !(isScalar(e.a.t) && isScalar(e.b.t))) return false; // row_vector * vector
      if (e.op === '^') return scalar && e.b.k === 'Lit' && safe(e.a, ad);
      return ['+', '-', '*', '/', '.*', './'].includes(e.op) && safe(e.a, ad, inDist && !scalar) && safe(e.b, ad, inDist && !scalar);
    case 'Un':
      return (e.op === '-' || e.op === '+') && safe(e.a, ad, inDist && !scalar);
    case 'Call':
      return (scalar || isElementwiseOp(e)) && e.args.length === 1 && hasDeriv(e.fn) && safe(e.args[0], ad, inDist && !scalar);
    case 'Idx':
      return scalar && e.target.k === 'Var' && isVec(e.target.t) && e.idx.length === 1 && e.idx[0].k === 'One' && safe(e.idx[0].e, ad);
    case 'Dist':
      return canInlineDist(e) && e.args.every((a) => safe(a, ad, isVec(a.t)));
    default:
      return false;
  }
}

function simpleParam(d: IRDecl, params: Set<string>): boolean {
  const tr = d.transform;
  const okType = d.t.dims === 0 && (d.t.base === 'real' || d.t.base === 'vector' || d.t.base === 'row_vector');
  const okTr = tr.kind === 'none' || (tr.kind === 'lub' && !tr.upper && tr.lower !== null && isScalar(tr.lower.t) && ![...varsOf(tr.lower)].some((v) => params.has(v)));
  return okType && okTr;
}

function okDecl(s: IRStmt & { k: 'Decl' }, ad: Set<string>): boolean {
  const d = s.decl;
  if (!s.init || d.t.dims !== 0 || !(d.t.base === 'real' || d.t.base === 'vector' || d.t.base === 'row_vector')) return false;
  if (d.t.base !== 'real' && !isElementwiseOp(s.init)) return false;
  return safe(s.init, ad);
}

export function adjointEligible(ir: IRProgram): boolean {
  const params = new Set(ir.parameters.map((d) => d.name));
  if (!ir.parameters.every((d) => simpleParam(d, params))) return false;
  const ad = new Set(params);
  for (const s of [...ir.transformedParameters, ...ir.model]) {
    if (s.k === 'Decl') {
      if (!okDecl(s, ad)) return false;
      ad.add(s.decl.name);
    } else if (s.k === 'Tilde') {
      if (s.trunc || !canInlineDist(s.dist) || !safe(s.dist, ad)) return false;
    } else if (s.k === 'Target') {
      if (!(canInlineDist(s.e) || isScalar(s.e.t)) || !safe(s.e, ad)) return false;
    } else return false;
  }
  return true;
}

// Emits `function lpG(theta, jacobian, grad)` in adjoint form. cx: a value-mode context. valueOnly: emit
// `function lpV(theta, jacobian)` with the same fusion (inlined transformed parameters, vectors read in
// place, density loops shared), statements in their order, no adjoints.
export function emitAdjointLpG(cx: EmitContext, ir: IRProgram, L: Lines, checks: () => void, tpBuffers: Map<string, string>, valueOnly = false): void {
  cx.adjoint = !valueOnly;
  cx.L = L;
  L.open(valueOnly ? 'function lpV(theta, jacobian) {' : 'function lpG(theta, jacobian, grad) {');
  L.line('LPC[0] = 0;');
  // grad is never zeroed as a whole: scalars are assigned at the end, vectors read in place are assigned
  // by their first density loop (cx.addTo) or zeroed here (the line is filled in at the end).
  const zeroAt = L.out.length;
  L.line('');
  const zero: string[] = [];
  cx.freshSlots.clear();
  cx.push();
  const post: (() => void)[] = [];
  const fused = inlineElementwiseTps(ir.transformedParameters, ir.model);
  const stmts = [...fused.tps, ...fused.model];
  for (const d of ir.parameters) {
    const O = mangle('O', d.name), P = mangle('P', d.name);
    const lower = d.transform.kind === 'lub';
    const v = cx.declare(d.name, d.t, true);
    if (d.t.base === 'real') {
      const A = mangle('A', d.name);
      if (valueOnly) {
        L.line(`const ${v.js} = ${lower ? `Math.exp(theta[${O}]) + ${P}.a` : `theta[${O}]`};`);
        if (lower) L.line(`if (jacobian) LPC[0] += theta[${O}];`);
        continue;
      }
      if (!lower) {
        L.line(`const ${v.js} = theta[${O}];`);
        L.line(`let ${A} = 0;`);
        v.adj = A;
        post.push(() => L.line(`grad[${O}] = ${A};`));
        continue;
      }
      L.line(`const ${v.js} = Math.exp(theta[${O}]) + ${P}.a;`);
      L.line(`let ${A} = 0;`);
      L.line(`if (jacobian) LPC[0] += theta[${O}];`);
      v.adj = A;
      post.push(() => L.line(`grad[${O}] = ${A} * (${v.js} - ${P}.a) + (jacobian ? 1 : 0);`));
      continue;
    }
    if (!lower && elementwiseOnly(stmts, d.name)) {
      // Read in place: element i is theta[O + i], its adjoint grad[O + i].
      v.js = '(void 0)';
      v.elem = (i) => `theta[${O} + ${i}]`;
      v.len = `${P}.usize`;
      v.adjElem = (i) => `grad[${O} + ${i}]`;
      cx.freshSlots.set(`grad[${O} + `, `for (let $i = 0; $i < ${P}.usize; $i++) grad[${O} + $i] = 0;`);
      continue;
    }
    const B = mangle('BV', d.name);
    L.open(`for (let $i = 0; $i < ${B}.length; $i++) {`);
    if (!lower) L.line(`${B}[$i] = theta[${O} + $i];`);
    else {
      L.line(`${B}[$i] = Math.exp(theta[${O} + $i]) + ${P}.a;`);
      L.line(`if (jacobian) LPC[0] += theta[${O} + $i];`);
    }
    L.close();
    L.line(`const ${v.js} = ${B};`);
    if (valueOnly) continue;
    if (!lower) {
      v.adjElem = (i) => `grad[${O} + ${i}]`;
      zero.push(`for (let $i = 0; $i < ${B}.length; $i++) grad[${O} + $i] = 0;`);
      continue;
    }
    const A = mangle('AP', d.name); // preallocated by emitModel
    L.line(`${A}.fill(0);`);
    v.adjElem = (i) => `${A}[${i}]`;
    post.push(() => L.line(`for (let $i = 0; $i < ${B}.length; $i++) grad[${O} + $i] = ${A}[$i] * (${B}[$i] - ${P}.a) + (jacobian ? 1 : 0);`));
  }
  // Forward: values of the declared variables; densities wait for the reverse pass.
  cx.localAd = true;
  cx.prealloc = tpBuffers;
  for (const s of fused.tps) valueOnly ? emitStmt(cx, s, L) : forward(cx, s, L);
  cx.prealloc = new Map();
  // Inlined transformed parameters: their declared sizes, checked as the value code checks them.
  for (const { name, vars } of fused.sizes) {
    const P = mangle('P', name);
    for (const x of new Set(vars)) {
      const v = cx.lookup(x);
      const len = v.len ?? `${v.js}.length`;
      L.line(`if (${len} !== ${P}.baseSizes[0]) throw new R.StanError("size mismatch assigning a vector of size " + ${len} + " to '" + ${P}.name + "'.");`);
    }
  }
  checks();
  if (valueOnly) {
    valueStatements(cx, fused.model, L);
    cx.pop();
    L.line('return LPC[0];');
    L.close();
    return;
  }
  for (const s of fused.model) forward(cx, s, L);
  // Reverse
  // Runs of densities share one loop where their lengths agree (emitDistsFused).
  for (let k = stmts.length - 1; k >= 0; k--) {
    const run: (IRExpr & { k: 'Dist' })[] = [];
    while (k >= 0 && densityOf(stmts[k])) run.push(densityOf(stmts[k--])!);
    if (run.length) {
      L.open('{');
      emitDistsFused(cx, run);
      L.close();
      k++;
      continue;
    }
    reverse(cx, stmts[k], L);
  }
  for (let k = post.length - 1; k >= 0; k--) post[k]();
  zero.push(...cx.freshSlots.values()); // never written by a first loop
  L.out[zeroAt] = zero.map((z) => `  ${z}`).join('\n');
  cx.pop();
  L.line('return LPC[0];');
  L.close();
  cx.adjoint = false;
}

// Value code of straight-line model statements in order, consecutive densities sharing loops.
function valueStatements(cx: EmitContext, stmts: IRStmt[], L: Lines): void {
  for (let k = 0; k < stmts.length; k++) {
    const run: (IRExpr & { k: 'Dist' })[] = [];
    while (k < stmts.length && densityOf(stmts[k])) run.push(densityOf(stmts[k++])!);
    if (run.length) {
      L.open('{');
      emitDistsFused(cx, run);
      L.close();
      k--;
      continue;
    }
    emitStmt(cx, stmts[k], L);
  }
}

function forward(cx: EmitContext, s: IRStmt, L: Lines): void {
  if (s.k !== 'Decl') return;
  emitStmt(cx, s, L);
  const v = cx.lookup(s.decl.name);
  const A = `$A_${s.decl.name}`;
  if (s.decl.t.base === 'real') {
    L.line(`let ${A} = 0;`);
    v.adj = A;
  } else {
    // Transformed parameters have preallocated adjoints (AT_); model locals get fresh ones.
    const pre = cx.prealloc.has(s.decl.name) ? mangle('AT', s.decl.name) : null;
    if (pre) L.line(`const ${A} = ${pre}.length === ${v.js}.length ? ${pre}.fill(0) : new Float64Array(${v.js}.length);`);
    else L.line(`const ${A} = new Float64Array(${v.js}.length);`);
    v.adjElem = (i) => `${A}[${i}]`;
  }
}

function densityOf(s: IRStmt): (IRExpr & { k: 'Dist' }) | null {
  if (s.k === 'Tilde') return s.dist;
  if (s.k === 'Target' && canInlineDist(s.e)) return s.e as IRExpr & { k: 'Dist' };
  return null;
}

function reverse(cx: EmitContext, s: IRStmt, L: Lines): void {
  cx.L = L;
  L.open('{');
  cx.push();
  const emit = (x: IRExpr) => emitExpr(cx, x);
  const plain = (x: IRExpr) => emitPlain(cx, x);
  if (s.k === 'Target') {
    const d = dualOf(cx, s.e, emit, plain);
    L.line(`LPC[0] += ${d.v};`);
    for (const t of d.terms) L.line(cx.addTo(t.n, t.d, null));
  } else if (s.k === 'Decl') {
    const v = cx.lookup(s.decl.name);
    if (s.decl.t.base === 'real') {
      const d = dualOf(cx, s.init!, emit, plain);
      for (const t of d.terms) L.line(cx.addTo(t.n, `${v.adj} * ${t.d}`, null));
    } else {
      const i = cx.fresh('i');
      const p = makePlan(cx, s.init!, i);
      L.open(`for (let ${i} = 0; ${i} < ${v.js}.length; ${i}++) {`);
      const a = cx.fresh('a');
      L.line(`const ${a} = ${v.adjElem!(i)};`);
      L.line(`if (${a} !== 0) {`);
      const d = dualOf(cx, p.expr, emit, plain);
      for (const t of d.terms) L.line(`  ${cx.addTo(t.n, `${a} * ${t.d}`, null)}`);
      L.line('}');
      L.close();
    }
  }
  cx.pop();
  L.close();
}

export type { IRDecl };
