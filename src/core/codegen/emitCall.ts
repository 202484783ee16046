// Calls -> JavaScript: library functions (a table: value form and tape form), densities (univariate
// families of the math library, multivariate ones over ScalarOps), rng functions, and user-defined
// functions (one instance per parameter-argument pattern).
import type { IRExpr, IRFunction, IRType } from '../ir/ir';
import { T_INT, T_REAL } from '../ir/ir';
import { univariateFamilies } from '../math/registry';
import { CompileError, type E, type EmitContext, mangle, str } from './emitContext';
import { emitExpr, isScalar } from './emitExpr';

// Scalar functions: value form (a JS function expression), and the Tape method when differentiable.
const UNARY: Record<string, [string, string | null]> = {
  exp: ['Math.exp', 'exp'],
  log: ['Math.log', 'log'],
  sqrt: ['Math.sqrt', 'sqrt'],
  square: ['R.m.square', 'square'],
  inv: ['R.m.inv', 'inv'],
  log1p: ['Math.log1p', 'log1p'],
  expm1: ['Math.expm1', 'expm1'],
  log1m: ['R.m.log1m', 'log1m'],
  log1p_exp: ['R.m.log1pExp', 'log1p_exp'],
  inv_logit: ['R.m.invLogit', 'inv_logit'],
  logit: ['R.m.logit', 'logit'],
  log_inv_logit: ['R.m.logInvLogit', 'log_inv_logit'],
  log1m_inv_logit: ['R.m.log1mInvLogit', 'log1m_inv_logit'],
  lgamma: ['R.m.lgamma', 'lgamma'],
  abs: ['Math.abs', 'abs'],
  fabs: ['Math.abs', 'abs'],
  tanh: ['Math.tanh', 'tanh'],
  sin: ['Math.sin', 'sin'],
  cos: ['Math.cos', 'cos'],
  atan: ['Math.atan', 'atan'],
  tan: ['Math.tan', null],
  asin: ['Math.asin', null],
  acos: ['Math.acos', null],
  sinh: ['Math.sinh', null],
  cosh: ['Math.cosh', null],
  asinh: ['Math.asinh', null],
  acosh: ['Math.acosh', null],
  atanh: ['Math.atanh', null],
  cbrt: ['Math.cbrt', null],
  log2: ['Math.log2', null],
  log10: ['Math.log10', null],
  exp2: ['R.m.exp2', null],
  floor: ['Math.floor', null],
  ceil: ['Math.ceil', null],
  round: ['Math.round', null],
  trunc: ['Math.trunc', null],
  tgamma: ['R.m.tgamma', null],
  digamma: ['R.m.digamma', null],
  erf: ['R.m.erf', null],
  erfc: ['R.m.erfc', null],
  Phi: ['R.m.Phi', null],
  inv_Phi: ['R.m.invPhi', null],
  Phi_approx: ['R.m.PhiApprox', null],
  inv_sqrt: ['R.m.invSqrt', null],
  inv_square: ['R.m.invSquare', null],
  step: ['R.m.step', null],
  int_step: ['R.m.intStep', null],
  is_inf: ['R.m.isInf', null],
  is_nan: ['R.m.isNan', null],
};

// Two-argument scalar functions: value form and tape method (both arguments nodes) when differentiable.
const BINARY: Record<string, [string, string | null]> = {
  pow: ['Math.pow', 'pow'],
  fmin: ['Math.min', 'fmin'],
  fmax: ['Math.max', 'fmax'],
  log_sum_exp: ['R.m.logSumExp2', 'log_sum_exp2'],
  atan2: ['Math.atan2', null],
  hypot: ['Math.hypot', null],
  fdim: ['R.m.fdim', null],
  fmod: ['R.m.fmod', null],
  lbeta: ['R.m.lbeta', null],
  lchoose: ['R.m.lchoose', null],
  binomial_coefficient_log: ['R.m.lchoose', null],
  log_diff_exp: ['R.m.logDiffExp', null],
};

// Functions whose derivative is zero almost everywhere: evaluated on values, the result is data.
const PIECEWISE_CONSTANT = new Set(['floor', 'ceil', 'round', 'trunc', 'step', 'int_step', 'is_inf', 'is_nan']);

const CONSTANTS: Record<string, string> = {
  pi: 'Math.PI',
  e: 'Math.E',
  sqrt2: 'Math.SQRT2',
  log2: 'Math.LN2',
  log10: 'Math.LN10',
  not_a_number: 'NaN',
  positive_infinity: 'Infinity',
  negative_infinity: '(-Infinity)',
  machine_precision: 'Number.EPSILON',
};

const MULTIVARIATE: Record<string, string> = {
  dirichlet: 'R.mvd.dirichlet',
  lkj_corr_cholesky: 'R.mvd.lkjCorrCholesky',
  multi_normal_cholesky: 'R.mvd.multiNormalCholesky',
  multi_normal: 'R.mvd.multiNormal',
};

// Container functions: value form only; in gradient code parameter-dependent arguments use the tape
// form when one exists (see CONTAINER_GRAD) or are not yet supported.
const CONTAINER: Record<string, string> = {
  sum: 'R.c.sum',
  mean: 'R.c.mean',
  variance: 'R.c.variance',
  sd: 'R.c.sd',
  max: 'R.c.max',
  min: 'R.c.min',
  prod: 'R.c.prod',
  dot_self: 'R.c.dotSelf',
  dot_product: 'R.dot',
  num_elements: 'R.c.numElements',
  size: 'R.c.size',
  rows: 'R.c.rows',
  cols: 'R.c.cols',
  rep_vector: 'R.c.repVector',
  rep_row_vector: 'R.c.repVector',
  rep_array: 'R.c.repArray',
  rep_matrix: 'R.c.repMatrix',
  to_vector: 'R.c.toVector',
  to_row_vector: 'R.c.toVector',
  to_array_1d: 'R.c.toArray1d',
  softmax: 'R.c.softmax',
  log_softmax: 'R.c.logSoftmax',
  cumulative_sum: 'R.c.cumulativeSum',
  head: 'R.c.head',
  tail: 'R.c.tail',
  segment: 'R.c.segment',
  append_row: 'R.c.append',
  diag_matrix: 'R.c.diagMatrix',
  diag_pre_multiply: 'R.c.diagPreMultiply',
  col: 'R.c.col',
  row: 'R.c.row',
  identity_matrix: 'R.c.identityMatrix',
  linspaced_vector: 'R.c.linspaced',
  sort_asc: 'R.c.sortAsc',
  sort_desc: 'R.c.sortDesc',
  reverse: 'R.c.reverse',
  squared_distance: 'R.c.squaredDistance',
  distance: 'R.c.distance',
  log_sum_exp: 'R.c.logSumExp',
  cholesky_decompose: 'R.c.choleskyDecompose',
  multiply_lower_tri_self_transpose: 'R.c.multiplyLowerTriSelfTranspose',
  append_col: 'R.c.appendCol',
  gp_exp_quad_cov: 'R.c.gpExpQuadCov',
  cov_exp_quad: 'R.c.gpExpQuadCov',
  quad_form_diag: 'R.c.quadFormDiag',
  add_diag: 'R.c.addDiag',
  sort_indices_asc: 'R.c.sortIndicesAsc',
  sort_indices_desc: 'R.c.sortIndicesDesc',
  rank: 'R.c.rank',
};

// Tape forms of container functions whose arguments may be parameters: code template over the
// (already emitted) arguments; `lift` says data arguments are lifted to nodes first.
const CONTAINER_GRAD: Record<string, (a: string[], mask: number) => string> = {
  sum: (a) => `G.sumG(T, ${a[0]})`,
  dot_self: (a) => `G.dotSelfG(T, ${a[0]})`,
  dot_product: (a, m) => `G.dotG(T, ${a[0]}, ${a[1]}, ${m})`,
  log_sum_exp: (a) => `G.logSumExpG(T, ${a[0]})`,
  mean: (a) => `T.divc(G.sumG(T, ${a[0]}), ${a[0]}.length)`,
  num_elements: (a) => `R.c.numElements(${a[0]})`,
  size: (a) => `R.c.size(${a[0]})`,
  rows: (a) => `R.c.rows(${a[0]})`,
  cols: (a) => `R.c.cols(${a[0]})`,
  rep_vector: (a) => `R.c.repVector(${a[0]}, ${a[1]}, true)`,
  rep_row_vector: (a) => `R.c.repVector(${a[0]}, ${a[1]}, true)`,
  rep_array: (a) => `R.c.repArray(${a.join(', ')})`,
  to_vector: (a) => `R.c.toVector(${a[0]}, true)`,
  to_row_vector: (a) => `R.c.toVector(${a[0]}, true)`,
  head: (a) => `R.c.head(${a[0]}, ${a[1]})`,
  tail: (a) => `R.c.tail(${a[0]}, ${a[1]})`,
  segment: (a) => `R.c.segment(${a[0]}, ${a[1]}, ${a[2]})`,
  col: (a) => `R.c.col(${a[0]}, ${a[1]})`,
  row: (a) => `R.c.row(${a[0]}, ${a[1]})`,
  softmax: (a) => `R.c.softmaxOps(T, ${a[0]})`,
  log_softmax: (a) => `R.c.logSoftmaxOps(T, ${a[0]})`,
  cumulative_sum: (a) => `R.c.cumulativeSumOps(T, ${a[0]})`,
  diag_pre_multiply: (a) => `R.c.diagPreMultiplyOps(T, ${a[0]}, ${a[1]})`,
  append_row: (a) => `R.c.append(${a[0]}, ${a[1]}, true)`,
  squared_distance: (a) => `R.c.squaredDistanceOps(T, ${a[0]}, ${a[1]})`,
  cholesky_decompose: (a) => `R.mvd.choleskyOps(T, ${a[0]})`,
  append_col: (a) => `R.c.appendCol(${a[0]}, ${a[1]}, true)`,
  gp_exp_quad_cov: (a) => `R.c.gpExpQuadCovOps(T, ${a[0]}, ${a[1]}, ${a[2]})`,
  cov_exp_quad: (a) => `R.c.gpExpQuadCovOps(T, ${a[0]}, ${a[1]}, ${a[2]})`,
  quad_form_diag: (a) => `R.c.quadFormDiagOps(T, ${a[0]}, ${a[1]})`,
  add_diag: (a) => `R.c.addDiagOps(T, ${a[0]}, ${a[1]})`,
  rep_matrix: (a) => `R.c.repMatrix(${a.join(', ')})`,
  // Integer results: computed on the values.
  sort_indices_asc: (a) => `R.c.sortIndicesAsc(G.valueOf(T, ${a[0]}))`,
  sort_indices_desc: (a) => `R.c.sortIndicesDesc(G.valueOf(T, ${a[0]}))`,
  rank: (a) => `R.c.rank(G.valueOf(T, ${a[0]}), ${a[1]})`,
};
// Container functions whose tape form needs every real argument as nodes.
// Container functions whose tape form needs some arguments as nodes (by position).
const LIFT_SOME: Record<string, number[]> = { gp_exp_quad_cov: [1, 2], cov_exp_quad: [1, 2], quad_form_diag: [0, 1] };
const LIFT_ALL = new Set(['add_diag', 'append_col', 'rep_matrix', 'rep_array', 'append_row', 'softmax', 'log_softmax', 'cumulative_sum', 'diag_pre_multiply', 'squared_distance', 'cholesky_decompose', 'rep_vector', 'rep_row_vector']);

function notDifferentiable(fn: string): never {
  throw new CompileError(`'${fn}' with arguments that depend on parameters is not yet supported.`);
}

export function emitCall(cx: EmitContext, e: IRExpr & ({ k: 'Call' } | { k: 'Dist' })): E {
  if (e.k === 'Dist') return emitDist(cx, e);
  if (e.user) return emitUserCall(cx, e.fn, e.args, e.t);
  const fn = e.fn;
  const args = e.args.map((a) => emitExpr(cx, a));
  const ad = args.some((a) => a.ad);
  const anyNode = args.some((a) => cx.node(a));
  if (args.length === 0 && CONSTANTS[fn]) return { c: CONSTANTS[fn], ad: false, t: T_REAL };
  if (args.length === 0 && (fn === 'target' || fn === 'get_lp')) return cx.grad ? { c: 'T.current()', ad: true, t: T_REAL } : { c: 'LP', ad: true, t: T_REAL };
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
    if (!gf) notDifferentiable(fn);
    return { c: isScalar(a.t) ? `T.${gf}(${a.c})` : `G.vmapG(T, T.${gf}, ${a.c})`, ad: true, t: e.t };
  }
  if (args.length === 2 && BINARY[fn] && isScalar(args[0].t) && isScalar(args[1].t)) {
    const [vf, gf] = BINARY[fn];
    if (!anyNode) return { c: `${vf}(${args[0].c}, ${args[1].c})`, ad, t: e.t };
    if (!gf) notDifferentiable(fn);
    return { c: `T.${gf}(${cx.as(args[0], true).c}, ${cx.as(args[1], true).c})`, ad: true, t: e.t };
  }
  if (fn === 'rep_matrix' && args.length === 2 && args[0].t.base === 'row_vector') {
    // m copies of a row vector as rows: the transpose of the column form.
    return { c: cx.node(args[0]) ? `G.transposeG(R.c.repMatrix(${args[0].c}, ${args[1].c}))` : `R.transpose(R.c.repMatrix(${args[0].c}, ${args[1].c}))`, ad, t: e.t };
  }
  if (CONTAINER[fn]) {
    if (!anyNode) return { c: `${CONTAINER[fn]}(${args.map((a) => a.c).join(', ')})`, ad: ad && e.t.base !== 'int', t: e.t };
    const g = CONTAINER_GRAD[fn];
    if (!g || (LIFT_SOME[fn] && fn !== 'quad_form_diag' && cx.node(args[0]))) notDifferentiable(fn);
    const lifts = (i: number) => LIFT_ALL.has(fn) || (LIFT_SOME[fn] ?? []).includes(i);
    const lifted = args.map((a, i) => (lifts(i) && a.t.base !== 'int' ? cx.as(a, true) : a));
    const mask = lifted.reduce((m, a, i) => m | (cx.node(a) ? 1 << i : 0), 0);
    const intResult = e.t.base === 'int';
    return { c: g(lifted.map((a) => a.c), mask), ad: ad && !intResult, t: e.t };
  }
  throw new CompileError(`The function '${fn}' is not yet supported by the compiler.`);
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
    return emitUserCall(cx, name, e.args, T_REAL);
  }
  const args = e.args.map((a) => emitExpr(cx, a));
  const ad = args.some((a) => a.ad);
  const fam = univariateFamilies.get(e.family);
  if (fam && args.length <= 4) {
    const F = cx.family(e.family);
    const pad = [...args.map((a) => a.c), '0', '0', '0', '0'].slice(0, 4).join(', ');
    if (e.suffix === 'lcdf' || e.suffix === 'lccdf') {
      const upper = e.suffix === 'lccdf';
      if (!args.every((a) => isScalar(a.t))) throw new CompileError(`Vectorised '${e.family}_${e.suffix}' is not yet supported.`);
      if (!cx.grad || !ad) return { c: `R.d.cdfV(${F}, ${upper}, ${pad})`, ad, t: T_REAL };
      const mask = args.reduce((m, a, i) => m | (a.ad ? 1 << i : 0), 0);
      return { c: `R.d.cdfG(T, ${F}, ${upper}, ${mask}, ${pad})`, ad: true, t: T_REAL };
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
  const mv = MULTIVARIATE[e.family];
  if (mv && (e.suffix === 'lpdf' || e.suffix === 'lpmf')) {
    const mask = args.reduce((m, a, i) => m | (a.ad ? 1 << i : 0), 0);
    if (!cx.grad || !ad) return { c: `${mv}(R.numberOps, ${e.propto}, ${mask}, ${args.map((a) => a.c).join(', ')})`, ad, t: T_REAL };
    const lifted = args.map((a) => cx.as(a, true).c);
    return { c: `${mv}(T, ${e.propto}, ${mask}, ${lifted.join(', ')})`, ad: true, t: T_REAL };
  }
  throw new CompileError(`The distribution '${e.family}_${e.suffix}' is not yet supported by the compiler.`);
}

const VECTOR_RNG = new Set(['categorical', 'categorical_logit', 'multi_normal_cholesky', 'multi_normal']);

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

function emitUserCall(cx: EmitContext, name: string, irArgs: IRExpr[], t: IRType): E {
  const args = irArgs.map((a) => emitExpr(cx, a));
  const candidates = cx.functions.filter((f) => f.name === name);
  const idx = candidates.findIndex((f) => compatible(f, args));
  if (idx < 0) throw new CompileError(`No definition of the function '${name}' for these arguments.`);
  const fn = candidates[idx];
  const mask = args.reduce((m, a, i) => m | (a.ad && fn.args[i].t.base !== 'int' ? 1 << i : 0), 0);
  const key = `${name}#${idx}#${cx.mode}#${mask}`;
  let inst = cx.instances.get(key);
  if (!inst) {
    inst = { fn, mode: cx.mode, mask, js: `${mangle('f', name)}_${idx}_${cx.mode === 'grad' ? 'g' : 'v'}${mask}` };
    cx.instances.set(key, inst);
    cx.pending.push(inst);
  }
  // The instance's mask follows the actual arguments, so no argument needs lifting.
  const retAd = mask !== 0 && t.base !== 'int';
  return { c: `${inst.js}(${args.map((a) => a.c).join(', ')})`, ad: retAd, t: t.base ? t : T_INT };
}
