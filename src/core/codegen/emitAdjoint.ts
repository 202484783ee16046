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
import { canInlineDist, emitDistInline, isElementwiseOp, isVec, makePlan } from './emitLoops';
import { emitStmt, type Lines } from './emitStmt';

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

function hasUserCall(e: IRExpr): boolean {
  if ((e.k === 'Call' || e.k === 'Dist') && e.user) return true;
  const kids: IRExpr[] =
    e.k === 'Bin' ? [e.a, e.b] : e.k === 'Un' ? [e.a] : e.k === 'Cond' ? [e.c, e.a, e.b] : e.k === 'Call' || e.k === 'Dist' ? e.args : e.k === 'Arr' || e.k === 'RowVec' ? e.elems : e.k === 'Idx' ? [e.target] : [];
  return kids.some(hasUserCall);
}

// Can this expression be differentiated by the dual machinery with adjoint slots?
function safe(e: IRExpr, ad: Set<string>): boolean {
  if (hasUserCall(e)) return false;
  if (![...varsOf(e)].some((v) => ad.has(v))) return true; // data only
  const scalar = isScalar(e.t);
  switch (e.k) {
    case 'Var':
      return scalar || isVec(e.t);
    case 'Bin':
      if (!scalar && !isElementwiseOp(e)) return false;
      if (e.op === '^') return scalar && e.b.k === 'Lit' && safe(e.a, ad);
      return ['+', '-', '*', '/', '.*', './'].includes(e.op) && safe(e.a, ad) && safe(e.b, ad);
    case 'Un':
      return (e.op === '-' || e.op === '+') && safe(e.a, ad);
    case 'Call':
      return (scalar || isElementwiseOp(e)) && e.args.length === 1 && hasDeriv(e.fn) && safe(e.args[0], ad);
    case 'Idx':
      return scalar && e.target.k === 'Var' && isVec(e.target.t) && e.idx.length === 1 && e.idx[0].k === 'One' && safe(e.idx[0].e, ad);
    case 'Dist':
      return canInlineDist(e) && e.args.every((a) => safe(a, ad));
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

// Emits `function lpG(theta, jacobian, grad)` in adjoint form. cx: a value-mode context.
export function emitAdjointLpG(cx: EmitContext, ir: IRProgram, L: Lines, checks: () => void, tpBuffers: Map<string, string>): void {
  cx.adjoint = true;
  cx.L = L;
  L.open('function lpG(theta, jacobian, grad) {');
  L.line('LP = 0;');
  L.line('for (let $i = 0; $i < grad.length; $i++) grad[$i] = 0;');
  cx.push();
  const post: (() => void)[] = [];
  for (const d of ir.parameters) {
    const O = mangle('O', d.name), P = mangle('P', d.name);
    const lower = d.transform.kind === 'lub';
    const v = cx.declare(d.name, d.t, true);
    if (d.t.base === 'real') {
      if (!lower) {
        L.line(`const ${v.js} = theta[${O}];`);
        v.adj = `grad[${O}]`;
        continue;
      }
      const A = mangle('A', d.name);
      L.line(`const ${v.js} = Math.exp(theta[${O}]) + ${P}.a;`);
      L.line(`let ${A} = 0;`);
      L.line(`if (jacobian) LP += theta[${O}];`);
      v.adj = A;
      post.push(() => L.line(`grad[${O}] += ${A} * (${v.js} - ${P}.a) + (jacobian ? 1 : 0);`));
      continue;
    }
    const B = mangle('BV', d.name);
    L.open(`for (let $i = 0; $i < ${B}.length; $i++) {`);
    if (!lower) L.line(`${B}[$i] = theta[${O} + $i];`);
    else {
      L.line(`${B}[$i] = Math.exp(theta[${O} + $i]) + ${P}.a;`);
      L.line(`if (jacobian) LP += theta[${O} + $i];`);
    }
    L.close();
    L.line(`const ${v.js} = ${B};`);
    if (!lower) {
      v.adjElem = (i) => `grad[${O} + ${i}]`;
      continue;
    }
    const A = mangle('AP', d.name); // preallocated by emitModel
    L.line(`${A}.fill(0);`);
    v.adjElem = (i) => `${A}[${i}]`;
    post.push(() => L.line(`for (let $i = 0; $i < ${B}.length; $i++) grad[${O} + $i] += ${A}[$i] * (${B}[$i] - ${P}.a) + (jacobian ? 1 : 0);`));
  }
  // Forward: values of the declared variables; densities wait for the reverse pass.
  const stmts = [...ir.transformedParameters, ...ir.model];
  cx.localAd = true;
  cx.prealloc = tpBuffers;
  for (const s of ir.transformedParameters) forward(cx, s, L);
  cx.prealloc = new Map();
  checks();
  for (const s of ir.model) forward(cx, s, L);
  // Reverse
  for (let k = stmts.length - 1; k >= 0; k--) reverse(cx, stmts[k], L);
  for (let k = post.length - 1; k >= 0; k--) post[k]();
  cx.pop();
  L.line('return LP;');
  L.close();
  cx.adjoint = false;
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

function reverse(cx: EmitContext, s: IRStmt, L: Lines): void {
  cx.L = L;
  L.open('{');
  cx.push();
  const emit = (x: IRExpr) => emitExpr(cx, x);
  const plain = (x: IRExpr) => emitPlain(cx, x);
  if (s.k === 'Tilde') emitDistInline(cx, s.dist);
  else if (s.k === 'Target' && canInlineDist(s.e)) emitDistInline(cx, s.e as IRExpr & { k: 'Dist' });
  else if (s.k === 'Target') {
    const d = dualOf(cx, s.e, emit, plain);
    L.line(`LP += ${d.v};`);
    for (const t of d.terms) L.line(`${t.n} += ${t.d};`);
  } else if (s.k === 'Decl') {
    const v = cx.lookup(s.decl.name);
    if (s.decl.t.base === 'real') {
      const d = dualOf(cx, s.init!, emit, plain);
      for (const t of d.terms) L.line(`${t.n} += ${v.adj} * ${t.d};`);
    } else {
      const i = cx.fresh('i');
      const p = makePlan(cx, s.init!, i);
      L.open(`for (let ${i} = 0; ${i} < ${v.js}.length; ${i}++) {`);
      const a = cx.fresh('a');
      L.line(`const ${a} = ${v.adjElem!(i)};`);
      L.line(`if (${a} !== 0) {`);
      const d = dualOf(cx, p.expr, emit, plain);
      for (const t of d.terms) L.line(`  ${t.n} += ${a} * ${t.d};`);
      L.line('}');
      L.close();
    }
  }
  cx.pop();
  L.close();
}

export type { IRDecl };
