// Library calls whose code depends on the static types of the arguments (vectors and row vectors share
// storage, so the generator says which is which), and the functions written over ScalarOps or with
// tape forms of their own: linear algebra (matrixProducts.ts, luFunctions.ts), joining and reshaping
// (reshapeFns.ts), sorting, reductions (gradReductions.ts), Gaussian-process covariances.
import type { IRType } from '../ir/ir';
import { CompileError, type E, type EmitContext } from './emitContext';
import { isScalar } from './emitExpr';

type Emit = (cx: EmitContext, args: E[], t: IRType) => E;

// A vector as a one-column matrix, a row vector as a one-row matrix.
function mat(a: E): string {
  if (a.t.dims === 0 && a.t.base === 'vector') return `R.asColMat(${a.c})`;
  if (a.t.dims === 0 && a.t.base === 'row_vector') return `R.asRowMat(${a.c})`;
  return a.c;
}

const anyNode = (cx: EmitContext, args: E[]) => args.some((a) => cx.node(a));

// Written over ScalarOps: value code passes R.numberOps; gradient code the tape, real arguments lifted.
function overOps(code: (ops: string, a: E[]) => string): Emit {
  return (cx, args, t) => {
    const ad = args.some((a) => a.ad);
    if (!anyNode(cx, args)) return { c: code('R.numberOps', args), ad, t };
    const lifted = args.map((a) => (a.t.base === 'int' ? a : cx.as(a, true)));
    return { c: code('T', lifted), ad: true, t };
  };
}

// A value form and a gradient form taking the node mask (bit i: argument i holds nodes).
function withMask(value: (a: E[]) => string, grad: (a: E[], mask: number) => string): Emit {
  return (cx, args, t) => {
    const mask = args.reduce((m, a, i) => m | (cx.node(a) ? 1 << i : 0), 0);
    return { c: mask ? grad(args, mask) : value(args), ad: args.some((a) => a.ad), t };
  };
}

// Functions that only move elements: one form for numbers and nodes.
function structural(code: (a: E[], node: string) => string): Emit {
  return (cx, args, t) => {
    const node = anyNode(cx, args);
    return { c: code(args, node ? 'true' : 'false'), ad: args.some((a) => a.ad), t };
  };
}

// Joining: every argument as nodes when one is; scalars become one-element vectors.
function joined(cx: EmitContext, args: E[]): { parts: E[]; node: boolean } {
  const node = anyNode(cx, args);
  const parts = args.map((a) => {
    const l = cx.as(a, node);
    if (!isScalar(a.t)) return l;
    return { ...l, c: node ? `Int32Array.of(${l.c})` : `Float64Array.of(${l.c})`, t: { base: 'vector', dims: 0 } as IRType };
  });
  return { parts, node };
}

function appendVectors(cx: EmitContext, args: E[], t: IRType): E {
  const { parts, node } = joined(cx, args);
  return { c: `R.c.append(${parts[0].c}, ${parts[1].c}, ${node})`, ad: node || args.some((a) => a.ad), t };
}

const gp: Emit = (cx, args, t) => {
  // (x, alpha, rho) or (x1, x2, alpha, rho)
  const cross = args.length === 4;
  const [x1, x2] = [args[0], cross ? args[1] : null];
  const [alpha, rho] = args.slice(cross ? 2 : 1);
  if (!isScalar(rho.t)) throw new CompileError('gp_exp_quad_cov with one length scale per dimension is not yet supported.');
  const xNodes = cx.node(x1) || (x2 !== null && cx.node(x2));
  const ad = args.some((a) => a.ad);
  if (!anyNode(cx, args)) return { c: `R.gp.gpExpQuadCov(${x1.c}, ${x2 ? x2.c : 'null'}, ${alpha.c}, ${rho.c})`, ad, t };
  const pts = (x: E) => (xNodes ? cx.as(x, true).c : x.c);
  return { c: `R.gp.gpExpQuadCovOps(T, ${pts(x1)}, ${x2 ? pts(x2) : 'null'}, ${cx.as(alpha, true).c}, ${cx.as(rho, true).c}, ${xNodes})`, ad: true, t };
};

const distance = (root: boolean): Emit => (cx, args, t) => {
  const wrap = (a: E) => (isScalar(a.t) ? { ...a, c: `[${a.c}]` } : a);
  const [a, b] = args.map(wrap);
  const mask = (cx.node(a) ? 1 : 0) | (cx.node(b) ? 2 : 0);
  if (!mask) return { c: `R.c.${root ? 'distance' : 'squaredDistance'}(${a.c}, ${b.c})`, ad: false, t };
  return { c: `G.squaredDistanceG(T, ${a.c}, ${b.c}, ${mask}, ${root})`, ad: true, t };
};

const reduction = (name: string): Emit => (cx, args, t) => {
  if (!cx.node(args[0])) return { c: `R.c.${name}(${args[0].c})`, ad: args[0].ad, t };
  return { c: `G.${name}G(T, ${args[0].c})`, ad: true, t };
};

const sort = (dir: number): Emit => (cx, args, t) => {
  const a = args[0];
  if (!cx.node(a)) return { c: `R.c.sorted(${a.c}, ${dir})`, ad: a.ad, t };
  return { c: `R.c.sorted(${a.c}, ${dir}, G.valueOf(T, ${a.c}))`, ad: true, t };
};

export const SHAPED_CALLS: Record<string, (nargs: number) => Emit | null> = {
  // reductions
  mean: () => reduction('mean'),
  variance: () => reduction('variance'),
  sd: () => reduction('sd'),
  prod: () => reduction('prod'),
  max: (n) => (n === 1 ? reduction('max') : null),
  min: (n) => (n === 1 ? reduction('min') : null),
  log_sum_exp: (n) => (n === 1 ? reduction('logSumExp') : null),
  squared_distance: () => distance(false),
  distance: () => distance(true),
  // products
  crossprod: () => overOps((o, [A]) => `R.mp.crossprodOps(${o}, ${A.c})`),
  tcrossprod: () => overOps((o, [A]) => `R.mp.tcrossprodOps(${o}, ${A.c})`),
  quad_form: () => overOps((o, [A, B]) => `R.mp.quadFormOps(${o}, ${A.c}, ${mat(B)}, ${B.t.base === 'vector'}, false)`),
  quad_form_sym: () => overOps((o, [A, B]) => `R.mp.quadFormOps(${o}, ${A.c}, ${mat(B)}, ${B.t.base === 'vector'}, true)`),
  trace_quad_form: () => overOps((o, [A, B]) => `R.mp.traceQuadFormOps(${o}, ${A.c}, ${mat(B)})`),
  columns_dot_product: () => overOps((o, [a, b]) => `R.mp.columnsDotProductOps(${o}, ${mat(a)}, ${mat(b)})`),
  rows_dot_product: () => overOps((o, [a, b]) => `R.mp.rowsDotProductOps(${o}, ${mat(a)}, ${mat(b)})`),
  columns_dot_self: () => overOps((o, [a]) => `R.mp.columnsDotSelfOps(${o}, ${mat(a)})`),
  rows_dot_self: () => overOps((o, [a]) => `R.mp.rowsDotSelfOps(${o}, ${mat(a)})`),
  diag_post_multiply: () => overOps((o, [M, v]) => `R.mp.diagPostMultiplyOps(${o}, ${M.c}, ${v.c})`),
  trace: () => overOps((o, [M]) => `R.mp.traceOps(${o}, ${M.c})`),
  multiply_lower_tri_self_transpose: () => overOps((o, [L]) => `R.mp.multiplyLowerTriSelfTransposeOps(${o}, ${L.c})`),
  cholesky_decompose: () => overOps((o, [S]) => `R.mvd.choleskyOps(${o}, R.mp.checkSymmetric('cholesky_decompose', ${o}, ${S.c}))`),
  gp_exp_quad_cov: () => gp,
  cov_exp_quad: () => gp,
  // LU-based
  inverse: () => withMask(([A]) => `R.lu.inverse(${A.c})`, ([A]) => `R.lu.inverseG(T, ${A.c})`),
  inverse_spd: () => withMask(([A]) => `R.lu.inverseSpd(${A.c})`, ([A]) => `R.lu.inverseSpdG(T, ${A.c})`),
  determinant: () => withMask(([A]) => `R.lu.determinant(${A.c})`, ([A]) => `R.lu.determinantG(T, ${A.c})`),
  log_determinant: () => withMask(([A]) => `R.lu.logDeterminant(${A.c})`, ([A]) => `R.lu.logDeterminantG(T, ${A.c})`),
  mdivide_left: () => withMask(([A, B]) => `R.lu.mdivideLeft(${A.c}, ${B.c})`, ([A, B], m) => `R.lu.mdivideLeftG(T, ${A.c}, ${B.c}, ${m})`),
  mdivide_right: () => withMask(([B, A]) => `R.lu.mdivideRight(${B.c}, ${A.c})`, ([B, A], m) => `R.lu.mdivideRightG(T, ${B.c}, ${A.c}, ${m})`),
  // joining and reshaping
  append_row: () => (cx, args, t) => {
    if (t.base === 'vector') return appendVectors(cx, args, t);
    const node = anyNode(cx, args);
    const [a, b] = args.map((x) => mat(cx.as(x, node)));
    return { c: `R.c.appendRowMat(${a}, ${b}, ${node})`, ad: node || args.some((x) => x.ad), t };
  },
  append_col: () => (cx, args, t) => {
    if (t.base === 'row_vector') return appendVectors(cx, args, t);
    const node = anyNode(cx, args);
    const [a, b] = args.map((x) => cx.as(x, node).c);
    return { c: `R.c.appendCol(${a}, ${b}, ${node})`, ad: node || args.some((x) => x.ad), t };
  },
  to_matrix: (n) =>
    n === 1
      ? structural(([x], node) => `R.c.toMatrix(${x.c}, ${x.t.dims === 0 && x.t.base === 'row_vector'}, ${node})`)
      : structural(([x, ...rest], node) => `R.c.toMatrixShaped(${x.c}, ${rest.map((r) => r.c).join(', ')}${rest.length === 2 ? ', 1' : ''}, ${node})`),
  to_array_2d: () => structural(([m]) => `R.c.toArray2d(${m.c})`),
  block: () => structural((a) => `R.c.block(${a.map((x) => x.c).join(', ')})`),
  sub_col: () => structural((a) => `R.c.subCol(${a.map((x) => x.c).join(', ')})`),
  sub_row: () => structural((a) => `R.c.subRow(${a.map((x) => x.c).join(', ')})`),
  diagonal: () => structural(([m]) => `R.c.diagonal(${m.c})`),
  diag_matrix: () => structural(([v], node) => `R.c.diagMatrix(${v.c}${node === 'true' ? ', T.c(0)' : ''})`),
  reverse: () => structural(([v]) => `R.c.reverse(${v.c})`),
  dims: () => (_cx, [x], t) => ({ c: `R.c.dims(${x.c})`, ad: false, t }),
  sort_asc: () => sort(1),
  sort_desc: () => sort(-1),
};
