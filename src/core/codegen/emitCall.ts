// Calls -> JavaScript: library functions (a table: value form and tape form), densities (univariate
// families of the math library, multivariate ones over ScalarOps), rng functions, and user-defined
// functions (one instance per parameter-argument pattern).
import type { IRExpr, IRFunction, IRType } from '../ir/ir';
import { T_INT, T_REAL } from '../ir/ir';
import { univariateFamilies } from '../math/registry';
import { at, CompileError, type E, type EmitContext, mangle, str } from './emitContext';
import { emitExpr, isScalar } from './emitExpr';
import { unaryFns } from './scalarFunctions';
import { SHAPED_CALLS } from './emitShapedCall';
import { BINARY, CONSTANTS, CONTAINER, CONTAINER_GRAD, GLM_DENSITIES, LIFT_ALL, LIFT_SOME, MATRIX_DENSITIES, MULTIVARIATE, PIECEWISE_CONSTANT, UNARY } from './callTables';

function notDifferentiable(fn: string): never {
  throw new CompileError(`'${fn}' with arguments that depend on parameters is not yet supported.`);
}

export function emitCall(cx: EmitContext, e: IRExpr & ({ k: 'Call' } | { k: 'Dist' })): E {
  return at(e.span, () => emitCallAt(cx, e));
}

function emitCallAt(cx: EmitContext, e: IRExpr & ({ k: 'Call' } | { k: 'Dist' })): E {
  if (e.k === 'Dist') return emitDist(cx, e);
  if (e.user) return emitUserCall(cx, e.fn, e.args, e.t);
  const fn = e.fn;
  const args = e.args.map((a) => emitExpr(cx, a));
  const ad = args.some((a) => a.ad);
  const anyNode = args.some((a) => cx.node(a));
  if (args.length === 0 && CONSTANTS[fn]) return { c: CONSTANTS[fn], ad: false, t: T_REAL };
  if (args.length === 0 && (fn === 'target' || fn === 'get_lp')) return cx.grad ? { c: 'T.current()', ad: true, t: T_REAL } : { c: 'LPC[0]', ad: true, t: T_REAL };
  if (fn === 'log_mix' && args.length === 3 && args.every((a) => isScalar(a.t))) {
    if (!anyNode) return { c: `R.m.logMix(${args.map((a) => a.c).join(', ')})`, ad, t: T_REAL };
    return { c: `T.log_mix(${args.map((a) => cx.as(a, true).c).join(', ')})`, ad: true, t: T_REAL };
  }
  if (fn.endsWith('_rng')) return emitRng(cx, fn.slice(0, -4), args, e.t);
  if (args.length === 1 && UNARY[fn] && !(fn === 'log_sum_exp' && !isScalar(args[0].t))) {
    const [vf, gf] = UNARY[fn];
    const a = args[0];
    if (!cx.node(a)) return { c: isScalar(a.t) ? `${vf}(${a.c})` : `R.vmap(${vf}, ${a.c})`, ad: a.ad, t: e.t };
    if (!gf && PIECEWISE_CONSTANT.has(fn)) return { c: isScalar(a.t) ? `${vf}(${cx.val(a)})` : `R.vmap(${vf}, ${cx.val(a)})`, ad: false, t: e.t };
    if (gf) return { c: isScalar(a.t) ? `T.${gf}(${a.c})` : `G.vmapG(T, T.${gf}, ${a.c})`, ad: true, t: e.t };
    if (!unaryFns[fn]) notDifferentiable(fn);
    return { c: isScalar(a.t) ? `T.unary(${a.c}, R.sf.${fn})` : `G.vmapFnG(T, R.sf.${fn}, ${a.c})`, ad: true, t: e.t };
  }
  if (args.length === 2 && (fn === 'min' || fn === 'max') && isScalar(args[0].t) && isScalar(args[1].t)) {
    return emitBinaryFunction(cx, fn === 'min' ? 'fmin' : 'fmax', args[0], args[1], e.t);
  }
  if (args.length === 2 && BINARY[fn]) return emitBinaryFunction(cx, fn, args[0], args[1], e.t);
  const shaped = SHAPED_CALLS[fn]?.(args.length);
  if (shaped) return shaped(cx, args, e.t);
  if (fn === 'rep_matrix' && args.length === 2 && args[0].t.base === 'row_vector') {
    // m copies of a row vector as rows: the transpose of the column form.
    return { c: cx.node(args[0]) ? `G.transposeG(R.c.repMatrix(${args[0].c}, ${args[1].c}))` : `R.transpose(R.c.repMatrix(${args[0].c}, ${args[1].c}))`, ad, t: e.t };
  }
  if (CONTAINER[fn]) {
    if (!anyNode) return { c: `${CONTAINER[fn]}(${args.map((a) => a.c).join(', ')})`, ad: ad && e.t.base !== 'int', t: e.t };
    const g = CONTAINER_GRAD[fn];
    if (!g) notDifferentiable(fn);
    const lifts = (i: number) => LIFT_ALL.has(fn) || (LIFT_SOME[fn] ?? []).includes(i);
    const lifted = args.map((a, i) => (lifts(i) && a.t.base !== 'int' ? cx.as(a, true) : a));
    const mask = lifted.reduce((m, a, i) => m | (cx.node(a) ? 1 << i : 0), 0);
    const intResult = e.t.base === 'int';
    return { c: g(lifted.map((a) => a.c), mask), ad: ad && !intResult, t: e.t };
  }
  throw new CompileError(`The function '${fn}' is not yet supported by the compiler.`);
}

// A two-argument library function (scalarFunctions.ts), vectorised as Stan vectorises it: a scalar
// with a container, or two containers of one shape.
export function emitBinaryFunction(cx: EmitContext, fn: string, a: E, b: E, t: IRType): E {
  const ad = a.ad || b.ad;
  if (isScalar(a.t) && isScalar(b.t)) {
    const [vf, gf] = BINARY[fn];
    if (!cx.node(a) && !cx.node(b)) return { c: `${vf}(${a.c}, ${b.c})`, ad, t };
    const x = cx.as(a, true).c, y = cx.as(b, true).c;
    return { c: gf ? `T.${gf}(${x}, ${y})` : `T.binary(${x}, ${y}, R.bf.${fn})`, ad: true, t };
  }
  const mask = (cx.node(a) ? 1 : 0) | (cx.node(b) ? 2 : 0);
  if (!mask) return { c: `R.vmap2(R.bf.${fn}.f, ${a.c}, ${b.c})`, ad, t };
  return { c: `G.vmap2G(T, R.bf.${fn}, ${a.c}, ${b.c}, ${mask})`, ad: true, t };
}

// Density flags for the math library: bit i = argument i is data; PROPTO drops constant terms.
function flags(cx: EmitContext, args: E[], propto: boolean): number {
  let f = propto ? 128 : 0;
  args.forEach((a, i) => {
    if (!a.ad) f |= 1 << i;
  });
  return f;
}

function emitDist(cx: EmitContext, e: IRExpr & { k: 'Dist' }): E {
  if (e.user) {
    const name = `${e.family}_${e.suffix}`;
    return emitUserCall(cx, name, e.args, T_REAL, e.propto && cx.propto);
  }
  const args = e.args.map((a) => emitExpr(cx, a));
  const ad = args.some((a) => a.ad);
  e = { ...e, propto: e.propto && cx.propto };
  const fam = univariateFamilies.get(e.family);
  if (fam && args.length <= 4) {
    const F = cx.family(e.family);
    const pad = [...args.map((a) => a.c), '0', '0', '0', '0'].slice(0, 4).join(', ');
    if (e.suffix === 'lcdf' || e.suffix === 'lccdf') {
      const upper = e.suffix === 'lccdf';
      const vec = !args.every((a) => isScalar(a.t));
      if (!cx.grad || !ad) return { c: `R.d.${vec ? 'cdfVecV' : 'cdfV'}(${F}, ${upper}, ${pad})`, ad, t: T_REAL };
      const mask = args.reduce((m, a, i) => m | (a.ad ? 1 << i : 0), 0);
      return { c: `R.d.${vec ? 'cdfVecG' : 'cdfG'}(T, ${F}, ${upper}, ${mask}, ${pad})`, ad: true, t: T_REAL };
    }
    const f = flags(cx, args, e.propto);
    if (!cx.grad || !ad) return { c: `R.d.distV(${F}, ${f}, ${pad})`, ad, t: T_REAL };
    const mask = args.reduce((m, a, i) => m | (a.ad ? 1 << i : 0), 0);
    return { c: `R.d.distG(T, ${F}, ${f}, ${mask}, ${pad})`, ad: true, t: T_REAL };
  }
  if (['categorical', 'categorical_logit', 'multinomial'].includes(e.family) && e.suffix === 'lpmf' && args.length === 2) {
    const f = flags(cx, args, e.propto);
    if (!cx.grad || !ad) return { c: `R.vd.vecDensityV(${str(e.family)}, ${f}, ${args[0].c}, ${args[1].c})`, ad, t: T_REAL };
    return { c: `R.vd.vecDensityG(T, ${str(e.family)}, ${f}, ${args[0].c}, ${args[1].c})`, ad: true, t: T_REAL };
  }
  const md = MATRIX_DENSITIES[e.family] ? `R.md.${MATRIX_DENSITIES[e.family]}` : GLM_DENSITIES[e.family] ? `R.gd.${GLM_DENSITIES[e.family]}` : null;
  if (md && (e.suffix === 'lpdf' || e.suffix === 'lpmf')) {
    const f = flags(cx, args, e.propto);
    const mask = args.reduce((m, a, i) => m | (cx.node(a) ? 1 << i : 0), 0);
    const list = args.map((a) => a.c).join(', ');
    return { c: mask ? `${md}(T, ${f}, ${mask}, ${list})` : `${md}(null, ${f}, 0, ${list})`, ad, t: T_REAL };
  }
  const mv = MULTIVARIATE[e.family];
  if (mv && (e.suffix === 'lpdf' || e.suffix === 'lpmf')) {
    const mask = args.reduce((m, a, i) => m | (a.ad ? 1 << i : 0), 0);
    if (!cx.grad || !ad) return { c: `${mv}(R.numberOps, ${e.propto}, ${mask}, ${args.map((a) => a.c).join(', ')})`, ad, t: T_REAL };
    const lifted = args.map((a) => cx.as(a, true).c);
    return { c: `${mv}(T, ${e.propto}, ${mask}, ${lifted.join(', ')})`, ad: true, t: T_REAL };
  }
  throw new CompileError(`The distribution '${e.family}_${e.suffix}' is not yet supported by the compiler.`);
}

const VECTOR_RNG = new Set(['ordered_logistic', 'categorical', 'categorical_logit', 'multi_normal_cholesky', 'multi_normal']);

function emitRng(cx: EmitContext, family: string, args: E[], t: IRType): E {
  if (VECTOR_RNG.has(family)) {
    if (cx.grad) throw new CompileError(`'${family}_rng' cannot be used where gradients are computed.`);
    return { c: `R.vd.rngs.${family}(RNG, ${args.map((a) => a.c).join(', ')})`, ad: false, t };
  }
  const fam = univariateFamilies.get(family);
  if (!fam) throw new CompileError(`The function '${family}_rng' is not yet supported by the compiler.`);
  if (cx.grad) throw new CompileError(`'${family}_rng' cannot be used where gradients are computed.`);
  const F = cx.family(family);
  const pad = [...args.map((a) => a.c), '0', '0', '0'].slice(0, 3).join(', ');
  const scalar = args.every((a) => isScalar(a.t));
  return { c: scalar ? `R.rng(${F}, RNG, ${pad})` : `R.rngVec(${F}, RNG, ${pad})`, ad: false, t };
}

function compatible(fn: IRFunction, args: E[]): boolean {
  return fn.args.length === args.length && fn.args.every((a, i) => a.t.dims === args[i].t.dims && (a.t.base === args[i].t.base || (a.t.base === 'real' && args[i].t.base === 'int')));
}

// propto: whether `_lupdf` calls inside the instance drop constants (a user _lpdf called as _lpdf keeps
// them; called as _lupdf or through ~ drops them; other functions inherit the caller's).
function emitUserCall(cx: EmitContext, name: string, irArgs: IRExpr[], t: IRType, propto = cx.propto): E {
  const args = irArgs.map((a) => emitExpr(cx, a));
  const candidates = cx.functions.filter((f) => f.name === name);
  const idx = candidates.findIndex((f) => compatible(f, args));
  if (idx < 0) throw new CompileError(`No definition of the function '${name}' for these arguments.`);
  const fn = candidates[idx];
  const mask = args.reduce((m, a, i) => m | (a.ad && fn.args[i].t.base !== 'int' ? 1 << i : 0), 0);
  const key = `${name}#${idx}#${cx.mode}#${mask}#${propto}`;
  let inst = cx.instances.get(key);
  if (!inst) {
    inst = { fn, mode: cx.mode, mask, propto, js: `${mangle('f', name)}_${idx}_${cx.mode === 'grad' ? 'g' : 'v'}${mask}${propto ? '' : 'k'}` };
    cx.instances.set(key, inst);
    cx.pending.push(inst);
  }
  // The instance's mask follows the actual arguments, so no argument needs lifting.
  const retAd = mask !== 0 && t.base !== 'int';
  return { c: `${inst.js}(${args.map((a) => a.c).join(', ')})`, ad: retAd, t: t.base ? t : T_INT };
}
