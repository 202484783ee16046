// The whole program -> the body of a factory function `(R, G, T, D) => model parts`, where R is the
// value runtime, G the gradient runtime, T the tape, D the data (JS values by Stan name). The factory
// reads the data, runs transformed data once, and returns:
//   lpV(theta, jacobian)           value-only log density (plain numbers)
//   lpG(theta, jacobian, grad)     log density and gradient (reverse mode on the tape)
//   write(theta, tp, gq, rng)      constrained parameters (+ transformed parameters, generated quantities)
//   unconstrain(values)            named constrained parameter values -> theta
//   dim, meta                      unconstrained size; output variables with their evaluated sizes
import type { IRDecl, IRExpr, IRProgram, IRStmt } from '../ir/ir';
import { CompileError, EmitContext, type Mode, mangle, str } from './emitContext';
import { emitExpr } from './emitExpr';
import { emitStmt, Lines } from './emitStmt';
import { adjointEligible, emitAdjointLpG } from './emitAdjoint';

function varsIn(e: IRExpr | null, out: Set<string>): Set<string> {
  if (!e) return out;
  const rec = (x: IRExpr | null) => varsIn(x, out);
  switch (e.k) {
    case 'Var':
      out.add(e.name);
      break;
    case 'Bin':
      rec(e.a), rec(e.b);
      break;
    case 'Un':
      rec(e.a);
      break;
    case 'Cond':
      rec(e.c), rec(e.a), rec(e.b);
      break;
    case 'Idx':
      rec(e.target);
      for (const i of e.idx) if (i.k === 'One' || i.k === 'Multi') rec(i.e);
      else if (i.k === 'Range') rec(i.lo), rec(i.hi);
      break;
    case 'Call':
    case 'Dist':
    case 'Arr':
    case 'RowVec':
      for (const a of e.k === 'Arr' || e.k === 'RowVec' ? e.elems : e.args) rec(a);
      break;
    default:
      break;
  }
  return out;
}

// Factory-level expression (data only): sizes and bounds.
function factoryExpr(cx: EmitContext, e: IRExpr | null, fallback: string): string {
  return e ? emitExpr(cx, e).c : fallback;
}

function sizesCode(cx: EmitContext, d: IRDecl): string {
  const name = str(d.name);
  const arr = d.arraySizes.map((s) => `R.checkSize(${emitExpr(cx, s).c}, ${name})`).join(', ');
  const base = d.baseSizes.map((s) => `R.checkSize(${emitExpr(cx, s).c}, ${name})`).join(', ');
  return `[${arr}], [${base}]`;
}

// Bounds (or offset/multiplier) that read parameters, evaluated where the parameter is read.
function boundExprs(d: IRDecl): (IRExpr | null)[] {
  const tr = d.transform;
  return tr.kind === 'lub' ? [tr.lower, tr.upper] : tr.kind === 'offmul' ? [tr.offset, tr.multiplier] : [];
}

function dynamicBounds(d: IRDecl, params: Set<string>): boolean {
  return boundExprs(d).some((e) => [...varsIn(e, new Set())].some((v) => params.has(v)));
}

function boundsCode(cx: EmitContext, d: IRDecl, params: Set<string>): string {
  const tr = d.transform;
  if (dynamicBounds(d, params)) {
    if (tr.kind !== 'lub' && tr.kind !== 'offmul') throw new CompileError(`Bounds of '${d.name}' cannot depend on parameters.`);
    return `{ kind: ${str(tr.kind)}, a: NaN, b: NaN }`;
  }
  if (tr.kind === 'lub') return `{ kind: 'lub', a: ${factoryExpr(cx, tr.lower, '-Infinity')}, b: ${factoryExpr(cx, tr.upper, 'Infinity')} }`;
  if (tr.kind === 'offmul') return `{ kind: 'offmul', a: ${factoryExpr(cx, tr.offset, '0')}, b: ${factoryExpr(cx, tr.multiplier, '1')} }`;
  return `{ kind: ${str(tr.kind)}, a: 0, b: 0 }`;
}

function specCode(cx: EmitContext, d: IRDecl, params: Set<string>): string {
  return `R.p.spec(${str(d.name)}, ${str(d.t.base)}, ${sizesCode(cx, d)}, ${boundsCode(cx, d, params)})`;
}

function isVector(d: IRDecl): boolean {
  return d.t.dims === 0 && (d.t.base === 'vector' || d.t.base === 'row_vector');
}

// Vector parameters read by inline loops into preallocated buffers (BV_ value, BG_ gradient code).
function fastVector(d: IRDecl): boolean {
  const tr = d.transform;
  return isVector(d) && (tr.kind === 'none' || (tr.kind === 'lub' && !tr.upper && tr.lower !== null && tr.lower.t.dims === 0 && tr.lower.t.base !== 'vector'));
}

// Reading the parameters from theta in one mode: scalars and plain vectors inline, the rest through
// the runtime.
// The bound expressions of a parameter with dynamic bounds, as code in this mode.
function dynBoundCodes(cx: EmitContext, d: IRDecl): { a: string; b: string; infA: boolean; infB: boolean } {
  const [ea, eb] = boundExprs(d);
  const lub = d.transform.kind === 'lub';
  const code = (e: IRExpr | null, dflt: number): string => {
    if (!e) return cx.grad ? `T.c(${dflt})` : String(dflt);
    return cx.as(emitExpr(cx, e), cx.grad).c;
  };
  return { a: code(ea, 0), b: code(eb, lub ? 0 : 1), infA: lub && !ea, infB: lub && !eb };
}

function emitParams(cx: EmitContext, ir: IRProgram, L: Lines, jac: string, buffers: boolean): void {
  const grad = cx.mode === 'grad';
  const params = new Set(ir.parameters.map((d) => d.name));
  cx.L = L;
  for (const d of ir.parameters) {
    const O = mangle('O', d.name), P = mangle('P', d.name);
    const tr = d.transform;
    if (dynamicBounds(d, params)) {
      const b = dynBoundCodes(cx, d);
      const v = cx.declare(d.name, d.t, true);
      L.line(`const ${v.js} = R.p.readDyn(${grad ? 'T' : 'R.numberOps'}, ${grad ? 'IOTA' : 'theta'}, ${O}, ${P}, ${b.a}, ${b.b}, ${b.infA}, ${b.infB});`);
      L.line(`if (${jac}) ${grad ? 'T.target(R.p.lj)' : 'LPC[0] += R.p.lj'};`);
      continue;
    }
    const v = cx.declare(d.name, d.t, true);
    if (d.t.dims === 0 && d.t.base === 'real' && (tr.kind === 'none' || (tr.kind === 'lub' && !tr.upper && tr.lower))) {
      const u = grad ? O : `theta[${O}]`;
      if (tr.kind === 'none') {
        L.line(`const ${v.js} = ${u};`);
      } else {
        L.line(`const ${v.js} = ${grad ? `T.addc(T.exp(${u}), ${P}.a)` : `Math.exp(${u}) + ${P}.a`};`);
        L.line(`if (${jac}) ${grad ? `T.target(${u})` : `LPC[0] += ${u}`};`);
      }
      continue;
    }
    if (buffers && fastVector(d)) {
      if (tr.kind === 'none' && grad) {
        L.line(`const ${v.js} = ${mangle('N', d.name)};`);
        continue;
      }
      const B = mangle(grad ? 'BG' : 'BV', d.name);
      L.open(`for (let $i = 0; $i < ${B}.length; $i++) {`);
      if (tr.kind === 'none') L.line(`${B}[$i] = theta[${O} + $i];`);
      else if (grad) {
        L.line(`const $u = ${O} + $i, $e = Math.exp(T.val[$u]), $k = T.node($e + ${P}.a);`);
        L.line(`T.edge($k, $u, $e);`);
        L.line(`${B}[$i] = $k;`);
        L.line(`if (${jac}) T.target($u);`);
      } else {
        L.line(`${B}[$i] = Math.exp(theta[${O} + $i]) + ${P}.a;`);
        L.line(`if (${jac}) LPC[0] += theta[${O} + $i];`);
      }
      L.close();
      L.line(`const ${v.js} = ${B};`);
      continue;
    }
    L.line(`const ${v.js} = R.p.read(${grad ? 'T' : 'R.numberOps'}, ${grad ? 'IOTA' : 'theta'}, ${O}, ${P});`);
    if (tr.kind !== 'none') L.line(`if (${jac}) ${grad ? 'T.target(R.p.lj)' : 'LPC[0] += R.p.lj'};`);
  }
}

function emitBlock(cx: EmitContext, stmts: IRStmt[], L: Lines, localAd: boolean): void {
  cx.localAd = localAd;
  for (const s of stmts) emitStmt(cx, s, L);
}

function emitChecks(cx: EmitContext, decls: IRDecl[], L: Lines, grad: boolean): void {
  for (const d of decls) {
    const tr = d.transform;
    if (tr.kind === 'none' || tr.kind === 'offmul') continue;
    const v = cx.lookup(d.name);
    const val = grad && v.ad ? `G.valueOf(T, ${v.js})` : v.js;
    L.line(`R.p.check(${val}, ${mangle('P', d.name)});`);
  }
}

function emitInstances(cx: EmitContext, L: Lines): void {
  while (cx.pending.length) {
    const inst = cx.pending.shift()!;
    const { fn, mask } = inst;
    cx.isolated(() => {
      cx.push();
      const args = fn.args.map((a, i) => cx.declare(a.name, a.t, (mask & (1 << i)) !== 0));
      cx.localAd = mask !== 0;
      cx.propto = inst.propto;
      cx.fnRet = { t: fn.ret, ad: mask !== 0 && fn.ret !== null && fn.ret.base !== 'int' };
      L.open(`function ${inst.js}(${args.map((a) => a.js).join(', ')}) {`);
      emitStmt(cx, fn.body, L);
      L.close();
      cx.pop();
      cx.propto = true;
    });
  }
}

// keepConstants: `~` and _lupdf keep their constant terms too (Stan's log_prob with propto = false,
// see droppedConstant.ts); the default drops them as Stan's sampling statements do.
export function emitModel(ir: IRProgram, options: { keepConstants?: boolean } = {}): string {
  const cv = new EmitContext('value', ir.functions);
  const cg = new EmitContext('grad', ir.functions);
  const ca = new EmitContext('value', ir.functions); // adjoint-form gradient code
  const cf = new EmitContext('value', ir.functions); // fused value code (straight-line models)
  if (options.keepConstants) for (const cx of [cv, cg, ca, cf]) cx.propto = false;
  const params = new Set(ir.parameters.map((d) => d.name));
  const L = new Lines(0);
  L.line('"use strict";');
  L.line('const LPC = new Float64Array(1); let RNG = R.tdataRng(); let NANN = -1; const $S = new Float64Array(4); const SCR = new Map();');
  cv.L = L;
  cg.L = L;
  ca.L = L;
  const families = new Lines(0);
  // Data
  for (const d of ir.data) {
    const js = mangle('v', d.name);
    L.line(`const ${mangle('P', d.name)} = ${specCode(cv, d, params)};`);
    // D: the data loader's validated values (constraints included), see loadModel.ts.
    L.line(`const ${js} = R.readData(D, ${mangle('P', d.name)});`);
    cv.declare(d.name, d.t, false);
    cg.declare(d.name, d.t, false);
    ca.declare(d.name, d.t, false);
    cf.declare(d.name, d.t, false);
  }
  // Transformed data, run once (value code); its variables are data for both modes.
  cv.localAd = false;
  for (const s of ir.transformedData) {
    emitStmt(cv, s, L);
    if (s.k === 'Decl') cg.declare(s.decl.name, s.decl.t, false);
    if (s.k === 'Decl') ca.declare(s.decl.name, s.decl.t, false);
    if (s.k === 'Decl') cf.declare(s.decl.name, s.decl.t, false);
  }
  for (const d of ir.tdataDecls) if (d.transform.kind !== 'none') L.line(`const ${mangle('P', d.name)} = ${specCode(cv, d, params)};`);
  emitChecks(cv, ir.tdataDecls, L, false);
  // Parameter layout
  L.line('let DIM = 0;');
  for (const d of ir.parameters) {
    L.line(`const ${mangle('P', d.name)} = ${specCode(cv, d, params)};`);
    L.line(`const ${mangle('O', d.name)} = DIM; DIM += ${mangle('P', d.name)}.usize;`);
  }
  L.line('const IOTA = R.iota(DIM);');
  for (const d of ir.parameters) {
    if (!fastVector(d)) continue;
    L.line(`const ${mangle('N', d.name)} = IOTA.subarray(${mangle('O', d.name)}, ${mangle('O', d.name)} + ${mangle('P', d.name)}.usize);`);
    L.line(`const ${mangle('BV', d.name)} = new Float64Array(${mangle('P', d.name)}.usize), ${mangle('BG', d.name)} = new Int32Array(${mangle('P', d.name)}.usize);`);
    L.line(`const ${mangle('AP', d.name)} = new Float64Array(${mangle('P', d.name)}.usize);`);
  }
  for (const d of [...ir.tparamDecls, ...ir.gqDecls]) L.line(`const ${mangle('P', d.name)} = ${specCode(cv, d, params)};`);
  // Preallocated storage for vector transformed parameters (log density code only).
  const tpBuffers = ir.tparamDecls.filter(isVector);
  for (const d of tpBuffers) {
    L.line(`const ${mangle('BV', d.name)} = new Float64Array(${mangle('P', d.name)}.baseSizes[0]), ${mangle('BG', d.name)} = new Int32Array(${mangle('P', d.name)}.baseSizes[0]);`);
    L.line(`const ${mangle('AT', d.name)} = new Float64Array(${mangle('P', d.name)}.baseSizes[0]);`);
  }

  // Value-only log density
  const body = (cx: EmitContext, mode: Mode): Lines => {
    const B = new Lines(1);
    cx.push();
    emitParams(cx, ir, B, 'jacobian', true);
    cx.push();
    cx.prealloc = new Map(tpBuffers.map((d) => [d.name, mangle(mode === 'grad' ? 'BG' : 'BV', d.name)]));
    emitBlock(cx, ir.transformedParameters, B, true);
    cx.prealloc = new Map();
    emitChecks(cx, ir.tparamDecls, B, mode === 'grad');
    B.open('{');
    cx.push();
    emitBlock(cx, ir.model, B, true);
    cx.pop();
    B.close();
    cx.pop();
    cx.pop();
    return B;
  };
  const straight = adjointEligible(ir);
  if (straight) {
    // Straight-line model: the value code fused as the adjoint code is (emitAdjoint.ts).
    const B = new Lines(0);
    cf.L = B;
    emitAdjointLpG(cf, ir, B, () => emitChecks(cf, ir.tparamDecls, B, false), new Map(tpBuffers.map((d) => [d.name, mangle('BV', d.name)])), true);
    L.out.push(B.text());
  } else {
    L.open('function lpV(theta, jacobian) {');
    L.line('LPC[0] = 0;');
    L.out.push(body(cv, 'value').text());
    L.line('return LPC[0];');
    L.close();
  }
  if (straight) {
    // Straight-line model: gradient as adjoint source code, no tape (emitAdjoint.ts).
    const B = new Lines(0);
    emitAdjointLpG(ca, ir, B, () => emitChecks(ca, ir.tparamDecls, B, false), new Map(tpBuffers.map((d) => [d.name, mangle('BV', d.name)])));
    L.out.push(B.text());
  } else {
    L.open('function lpG(theta, jacobian, grad) {');
    L.line('T.reset(theta); NANN = T.c(NaN);');
    L.out.push(body(cg, 'grad').text());
    L.line('return T.gradient(grad);');
    L.close();
  }

  // Constrained values, transformed parameters, generated quantities
  L.open('function write(theta, wantTp, wantGq, rng) {');
  L.line('LPC[0] = 0; RNG = rng;');
  L.line('const out = {};');
  cv.push();
  emitParams(cv, ir, L, 'false', false);
  for (const d of ir.parameters) L.line(`out[${str(d.name)}] = ${mangle('v', d.name)};`);
  L.line('if (!wantTp && !wantGq) return out;');
  cv.push();
  emitBlock(cv, ir.transformedParameters, L, true);
  emitChecks(cv, ir.tparamDecls, L, false);
  for (const d of ir.tparamDecls) L.line(`out[${str(d.name)}] = ${mangle('v', d.name)};`);
  L.line('if (!wantGq) return out;');
  cv.push();
  emitBlock(cv, ir.generatedQuantities, L, false);
  emitChecks(cv, ir.gqDecls, L, false);
  for (const d of ir.gqDecls) L.line(`out[${str(d.name)}] = ${mangle('v', d.name)};`);
  cv.pop();
  cv.pop();
  cv.pop();
  L.line('return out;');
  L.close();

  // Evaluated bounds of parameters whose bounds depend on parameters (for unconstrain).
  L.open('function dynBounds(vals) {');
  L.line('const out = {};');
  cv.push();
  for (const d of ir.parameters) {
    if (dynamicBounds(d, params)) {
      const b = dynBoundCodes(cv, d);
      L.line(`out[${str(d.name)}] = [${b.infA ? '-Infinity' : b.a}, ${b.infB ? 'Infinity' : b.b}];`);
    }
    const v = cv.declare(d.name, d.t, false);
    L.line(`const ${v.js} = vals[${str(d.name)}];`);
  }
  cv.pop();
  L.line('return out;');
  L.close();

  emitInstances(cv, L);
  emitInstances(cg, L);
  emitInstances(ca, L);
  emitInstances(cf, L);
  for (const f of new Set([...cv.families, ...cg.families, ...ca.families, ...cf.families])) families.line(`const ${mangle('F', f)} = R.family(${str(f)});`);

  const meta = (ds: IRDecl[]) => `[${ds.map((d) => mangle('P', d.name)).join(', ')}]`;
  L.line(`return { lpV, lpG, write, dynBounds, dim: DIM, params: ${meta(ir.parameters)}, tparams: ${meta(ir.tparamDecls)}, gqs: ${meta(ir.gqDecls)} };`);
  return [L.out[0], families.text(), ...L.out.slice(1)].join('\n');
}
