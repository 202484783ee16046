// Univariate densities over vectors as inline loops: `y ~ normal(mu + tau * z, sigma)` evaluates the
// element expressions, the density term and its partials in one loop, and sends the partials straight
// to the nodes (tape code) or adjoint slots (adjoint code) the arguments read; scalars read inside the
// element expressions (`alpha` in `alpha + X * beta`) get one summed partial. A data matrix times a
// parameter vector in an argument is computed before the loop into a scratch buffer and differentiated
// after it with one product by the transpose (matvecFused.ts). Consecutive densities over vectors of the
// same length share one loop (emitDistsFused).
import type { IRExpr } from '../ir/ir';
import type { E, EmitContext, LeafHook } from './emitContext';
import { type Dual, dualOf } from './emitDual';
import { emitExpr, emitPlain } from './emitExpr';
import { hasInlineKernel, inlineKernel } from './inlineKernels';
import { isVec, plan, sizeCheck } from './emitLoops';
import { Lines } from './emitStmt';

type DistE = IRExpr & { k: 'Dist' };

interface Parts {
  n: string | null; // the loop length (code), null for a density of scalars
  body: string[]; // the loop body (or straight-line code)
  after: string[]; // after the loop
}

function varsAd(cx: EmitContext, e: IRExpr): boolean {
  if (e.k === 'Var') return cx.lookup(e.name).ad;
  const kids = e.k === 'Bin' ? [e.a, e.b] : e.k === 'Un' ? [e.a] : e.k === 'Call' ? e.args : [];
  return kids.some((x) => varsAd(cx, x));
}

// Value code: any matrix * vector in a density's vector argument is read only by the density loop, so
// it goes into this call site's scratch buffer instead of a new vector per evaluation.
function valueMatVec(cx: EmitContext, a: IRExpr, b: IRExpr, idx: string): LeafHook {
  const M = emitExpr(cx, a), v = emitExpr(cx, b);
  const m = cx.fresh('M'), val = cx.fresh('mv');
  cx.L.line(`const ${m} = ${M.c};`);
  cx.L.line(`const ${val} = R.mvf.mvInto(${m}, ${v.c}, null, R.mvf.scratch(SCR, ${JSON.stringify(`${cx.mode}V${val}`)}, ${m}.rows));`);
  return { code: `${val}[${idx}]`, len: `${m}.rows`, adj: () => '', ad: M.ad || v.ad };
}

// Emits the code before the loop into cx.L; returns the loop body and the code after it.
function distParts(cx: EmitContext, e: DistE, i: string): Parts {
  const F = cx.family(e.family);
  const KP = `${F}.logDensityWithPartials`, KV = `${F}.logDensity`;
  const pre = cx.L;
  const leaves: string[] = [];
  const vecArg = e.args.map((a) => isVec(a.t));
  const invariant: string[] = [];
  const dualMode = cx.grad || cx.adjoint;
  // Data matrix * parameter vector leaves: values before the loop, partials collected per row.
  const mvs: { M: string; v: string; val: string; adj: string; vAdj?: (j: string) => string; nodes: boolean }[] = [];
  // Not inside user functions: a recursive call could reuse this call site's scratch buffers.
  cx.leafHook = cx.fnRet !== null
    ? null
    : (x, idx) => {
        if (x.k !== 'Bin' || x.op !== '*' || x.a.t.base !== 'matrix' || x.a.t.dims !== 0 || x.b.t.base !== 'vector' || x.b.t.dims !== 0) return null;
        if (!dualMode) return valueMatVec(cx, x.a, x.b, idx);
        if (varsAd(cx, x.a) || !varsAd(cx, x.b) || x.b.k !== 'Var') return null;
        const vInfo = cx.lookup(x.b.name);
        if (vInfo.elem || (cx.adjoint && !vInfo.adjElem)) return null;
        const M = cx.fresh('M'), val = cx.fresh('mv'), adj = cx.fresh('dmv');
        const nodes = cx.grad;
        pre.line(`const ${M} = ${emitExpr(cx, x.a).c};`);
        const key = `${cx.mode}${cx.adjoint ? 'A' : ''}${val}`;
        pre.line(`const ${val} = R.mvf.mvInto(${M}, ${vInfo.js}, ${nodes ? 'T.val' : 'null'}, R.mvf.scratch(SCR, ${JSON.stringify(key + 'v')}, ${M}.rows));`);
        pre.line(`const ${adj} = R.mvf.scratch(SCR, ${JSON.stringify(key + 'a')}, ${M}.rows);`);
        pre.line(`const ${adj}t = R.mvf.scratch(SCR, ${JSON.stringify(key + 't')}, ${M}.cols);`);
        mvs.push({ M, v: vInfo.js, val, adj, vAdj: vInfo.adjElem, nodes });
        return { code: `${val}[${idx}]`, len: `${M}.rows`, adj: (j) => `${adj}[${j}]` };
      };
  let parts: ({ expr: IRExpr; ad: boolean } | null)[];
  try {
    parts = e.args.map((a) => (isVec(a.t) ? plan(cx, a, i, leaves, invariant) : null));
  } finally {
    cx.leafHook = null;
  }
  // A scalar argument is fused (emitDual.ts): the density's node takes edges straight to the nodes
  // the expression reads, with no node of its own (y[i] ~ normal(a[g[i]] + b[g[i]] * x[i], sigma)).
  const scalars: (Dual | E | null)[] = e.args.map((a, j) => {
    if (vecArg[j]) return null;
    return dualMode ? dualOf(cx, a, (x) => emitExpr(cx, x), (x) => emitPlain(cx, x)) : emitExpr(cx, a);
  });
  const ad = e.args.map((a, j) => (vecArg[j] ? parts[j]!.ad : dualMode ? (scalars[j] as Dual).terms.length > 0 : (scalars[j] as E).ad));
  let flags = e.propto && cx.propto ? 128 : 0;
  ad.forEach((x, j) => (flags |= x ? 0 : 1 << j));
  const anyAd = ad.some((x) => x);
  const s = cx.fresh('s');
  const loop = leaves.length > 0;
  const n = loop ? cx.fresh('n') : null;
  if (n) {
    pre.line(`const ${n} = ${leaves[0]};`);
    sizeCheck(cx, n, leaves.slice(1), `${e.family}_${e.suffix}`);
  }
  const grad = dualMode && anyAd;
  const k = cx.fresh('k');
  const g = e.args.map(() => cx.fresh('g'));
  const slots = new Set(mvs.map((m) => m.adj));
  // Where a partial goes: an edge from this density's node (tape), or straight into an adjoint slot.
  const put = (node: string, d: string, inLoop = false): string => {
    if (slots.has(node.slice(0, node.indexOf('[')))) return `${node} += ${d};`;
    return cx.adjoint ? cx.addTo(node, d, inLoop && n !== null ? i : null) : `T.edge(${k}, ${node}, ${d});`;
  };
  pre.line(`let ${s} = 0;`);
  if (grad) {
    if (!cx.adjoint) pre.line(`const ${k} = T.node(0);`);
    e.args.forEach((_, j) => !vecArg[j] && ad[j] && pre.line(`let ${g[j]} = 0;`));
  }
  for (const m of mvs) pre.line(`${m.adj}.fill(0);`);
  const acc = new Map<string, string>();
  if (grad) {
    for (const node of new Set(invariant)) {
      const a = cx.fresh('acc');
      acc.set(node, a);
      pre.line(`let ${a} = 0;`);
    }
  }
  const B = new Lines(0);
  cx.L = B;
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
      // Element values in temporaries: the kernel reads each several times.
      const c = emitExpr(cx, parts[j]!.expr).c;
      const t = /^[$\w]+$/.test(c) ? c : cx.fresh('x');
      if (t !== c) B.line(`const ${t} = ${c};`);
      vals.push(t);
      duals.push(null);
    }
  });
  while (vals.length < 4) vals.push('0');
  // The partial of argument j of this element (code).
  let part = (j: number) => `$S[${j}]`;
  if (hasInlineKernel(e.family)) {
    const kern = inlineKernel(cx, e.family, F, flags, vals, ad.map((x) => x && grad));
    B.line(`${s} += ${kern.lp};`);
    if (grad) {
      const ds = e.args.map((_, j) => {
        if (!ad[j]) return '0';
        const t = cx.fresh('p');
        B.line(`const ${t} = ${kern.d(j)};`);
        return t;
      });
      part = (j) => ds[j];
    }
  } else if (grad) B.line(`${s} += ${KP}($S, ${flags}, ${vals.join(', ')});`);
  else B.line(`${s} += ${KV}(${flags}, ${vals.join(', ')});`);
  if (grad) {
    e.args.forEach((_, j) => {
      if (!ad[j]) return;
      if (!vecArg[j]) B.line(`${g[j]} += ${part(j)};`);
      else
        for (const t of duals[j]!.terms) {
          const d = t.d === '1' ? part(j) : `${part(j)} * ${t.d}`;
          B.line(acc.has(t.n) ? `${acc.get(t.n)} += ${d};` : put(t.n, d, true));
        }
    });
  }
  const A = new Lines(0);
  cx.L = A;
  for (const [node, a] of acc) A.line(put(node, a));
  A.line(`if (${s} !== ${s}) R.d.fail(${F}, ${JSON.stringify(e.suffix)});`);
  for (const m of mvs) {
    if (m.nodes) A.line(`R.mvf.mvEdges(T, ${k}, ${m.M}, ${m.v}, ${m.adj});`);
    else {
      const j = cx.fresh('j');
      A.line(`R.mvf.mtvInto(${m.M}, ${m.adj}, ${m.adj}t);`);
      A.line(`for (let ${j} = 0; ${j} < ${m.M}.cols; ${j}++) ${cx.addTo(m.vAdj!(j), `${m.adj}t[${j}]`, null)}`);
    }
  }
  if (grad) {
    e.args.forEach((_, j) => {
      if (vecArg[j] || !ad[j]) return;
      for (const t of (duals[j] as Dual).terms) A.line(put(t.n, t.d === '1' ? g[j] : `${g[j]} * ${t.d}`));
    });
    if (cx.adjoint) A.line(`LPC[0] += ${s};`);
    else {
      A.line(`T.val[${k}] = ${s};`);
      A.line(`T.target(${k});`);
    }
  } else if (cx.grad) A.line(`T.targetConst(${s});`);
  else A.line(`LPC[0] += ${s};`);
  cx.L = pre;
  return { n, body: B.out, after: A.out };
}

// `target += family_lpdf(...)` / `~` for a univariate family, inline. Adds to the target.
export function emitDistInline(cx: EmitContext, e: DistE): void {
  emitDistsFused(cx, [e]);
}

// Several densities: those over vectors share one loop when their lengths agree at run time.
export function emitDistsFused(cx: EmitContext, es: DistE[]): void {
  const L = cx.L;
  cx.push();
  const i = cx.fresh('i');
  const ps = es.map((e) => distParts(cx, e, i));
  const loops = ps.filter((p) => p.n !== null);
  const body = (p: Parts) => {
    if (p.n !== null) L.open(`for (let ${i} = 0; ${i} < ${p.n}; ${i}++) {`);
    for (const l of p.body) L.line(l);
    if (p.n !== null) L.close();
  };
  if (loops.length > 1) {
    L.open(`if (${loops.map((p) => `${p.n} === ${loops[0].n}`).slice(1).join(' && ')}) {`);
    L.open(`for (let ${i} = 0; ${i} < ${loops[0].n}; ${i}++) {`);
    for (const p of loops) for (const l of p.body) L.line(l);
    L.close();
    L.close();
    L.open('else {');
    for (const p of loops) body(p);
    L.close();
    for (const p of ps) if (p.n === null) body(p);
  } else for (const p of ps) body(p);
  for (const p of ps) for (const l of p.after) L.line(l);
  cx.pop();
}
