// Truncated sampling statements (`y ~ D(...) T[lo, hi]`): the bounds check and the normaliser (the log
// of the probability of [lo, hi]), for a scalar y and, element by element, for a vector y.
import type { IRExpr, IRStmt, IRType } from '../ir/ir';
import { CompileError, type E, type EmitContext, str } from './emitContext';
import { emitBinary, emitExpr, isScalar } from './emitExpr';
import { addTarget, type Lines } from './emitStmt';

export function emitTruncation(cx: EmitContext, s: IRStmt & { k: 'Tilde' }, L: Lines): void {
  const d = s.dist;
  const tr = s.trunc!;
  if (!isScalar(d.args[0].t)) return emitVectorTruncation(cx, s, L);
  const y = emitExpr(cx, d.args[0]);
  const cdf = (bound: IRExpr, suffix: 'lcdf' | 'lccdf'): E => emitExpr(cx, { ...d, suffix, propto: false, args: [bound, ...d.args.slice(1)] });
  const lo = tr.lo ? emitExpr(cx, tr.lo) : null;
  const hi = tr.hi ? emitExpr(cx, tr.hi) : null;
  const outside = [lo ? `${cx.val(y)} < ${cx.val(lo)}` : '', hi ? `${cx.val(y)} > ${cx.val(hi)}` : ''].filter(Boolean).join(' || ');
  L.line(`if (${outside}) ${cx.grad ? 'T.targetConst(-Infinity)' : 'LPC[0] = -Infinity'};`);
  let norm: E;
  if (lo && hi) {
    const a = cdf(tr.hi!, 'lcdf'), b = cdf(tr.lo!, 'lcdf');
    if (cx.node(a) || cx.node(b)) {
      // log(exp(a) - exp(b)) = a + log1m(exp(b - a))
      const diff = emitBinary(cx, '-', b, a, { base: 'real', dims: 0 });
      norm = { c: `T.add(${cx.as(a, true).c}, T.log1m(T.exp(${diff.c})))`, ad: true, t: a.t };
    } else norm = { c: `R.d.logDiffExpV(${a.c}, ${b.c})`, ad: a.ad || b.ad, t: a.t };
  } else if (lo) norm = cdf(tr.lo!, 'lccdf');
  else norm = cdf(tr.hi!, 'lcdf');
  // Under `~`, a normaliser that depends on no parameter is a constant and is dropped.
  if (!norm.ad) return;
  addTarget(cx, cx.node(norm) ? { ...norm, c: `T.neg(${norm.c})` } : { ...norm, c: `(-${norm.c})` }, L);
}

// `y ~ D(...) T[lo, hi]` over a vector y: the normaliser (and the bounds check) of each element, whose
// arguments are element n of each vector argument (the density itself was added vectorised).
function emitVectorTruncation(cx: EmitContext, s: IRStmt & { k: 'Tilde' }, L: Lines): void {
  const d = s.dist;
  const tr = s.trunc!;
  cx.push();
  const n = cx.fresh('n');
  const scalarT = (t: IRType): IRType => ({ base: t.base === 'int' ? 'int' : 'real', dims: 0 });
  // Vector arguments are evaluated once, before the loop; element n inside it.
  const elem = (x: IRExpr): IRExpr => {
    if (isScalar(x.t)) return x;
    if (!(x.t.dims === 1 && isScalar({ base: x.t.base, dims: 0 })) && !(x.t.dims === 0 && (x.t.base === 'vector' || x.t.base === 'row_vector')))
      throw new CompileError('Truncation is supported over vectors and one-dimensional arrays only.');
    const e = emitExpr(cx, x);
    const name = cx.fresh('tv');
    L.line(`const ${name} = ${e.c};`);
    cx.declareRaw(name, name, x.t, e.ad);
    return { k: 'Idx', target: { k: 'Var', name, t: x.t }, idx: [{ k: 'One', e: { k: 'Var', name: n, t: { base: 'int', dims: 0 } } }], t: scalarT(x.t) };
  };
  const args = d.args.map(elem);
  const lo = tr.lo ? elem(tr.lo) : null;
  const hi = tr.hi ? elem(tr.hi) : null;
  const y = (args[0] as IRExpr & { k: 'Idx' }).target as IRExpr & { k: 'Var' };
  const len = cx.lookup(y.name).js;
  for (const a of [...args.slice(1), lo, hi]) {
    if (a?.k !== 'Idx' || a.target.k !== 'Var' || a.target.name === y.name) continue;
    const js = cx.lookup(a.target.name).js;
    L.line(`if (${js}.length !== ${len}.length) throw new R.StanError(${str(`${d.family}: truncation: size mismatch`)} + " (" + ${len}.length + " and " + ${js}.length + ").");`);
  }
  L.open(`for (let ${n} = 1; ${n} <= ${len}.length; ${n}++) {`);
  cx.declareRaw(n, n, { base: 'int', dims: 0 }, false);
  emitTruncation(cx, { ...s, dist: { ...d, args }, trunc: { lo, hi } }, L);
  L.close();
  cx.pop();
}
