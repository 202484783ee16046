// Expressions -> JavaScript. Scalar arithmetic is emitted inline (plain operators in value code, tape
// method calls where parameters flow in gradient code); containers call the runtime.
import type { IRExpr, IRIndex, IRType } from '../ir/ir';
import { T_INT, T_REAL } from '../ir/ir';
import { emitBinaryFunction, emitCall } from './emitCall';
import { SHAPED_CALLS } from './emitShapedCall';
import { CompileError, type E, type EmitContext, numLit, str } from './emitContext';
import { dualOf, isFusable, materialize } from './emitDual';

export function isScalar(t: IRType): boolean {
  return t.dims === 0 && (t.base === 'int' || t.base === 'real');
}

// The Stan variable an expression indexes into, for error messages.
function rootName(e: IRExpr): string {
  if (e.k === 'Var') return e.name;
  if (e.k === 'Idx') return rootName(e.target);
  return 'expression';
}

export function emitExpr(cx: EmitContext, e: IRExpr): E {
  // Gradient code: a real scalar expression becomes one fused tape node (see emitDual.ts).
  if (cx.grad && cx.noHoist === 0 && e.t.base === 'real' && isFusable(e)) {
    const d = dualOf(cx, e, (x) => emitExpr(cx, x), (x) => emitPlain(cx, x));
    if (d.terms.length === 0) return { c: d.v, ad: false, t: e.t };
    return { c: materialize(cx, d), ad: true, t: e.t };
  }
  return emitPlain(cx, e);
}

// Emit code evaluated only conditionally (branches of ?:, right operands of && and ||, while
// conditions): no temporaries may be hoisted before the statement.
export function emitGuarded(cx: EmitContext, e: IRExpr): E {
  cx.noHoist++;
  try {
    return emitExpr(cx, e);
  } finally {
    cx.noHoist--;
  }
}

export function emitPlain(cx: EmitContext, e: IRExpr): E {
  switch (e.k) {
    case 'Lit':
      return { c: numLit(e.v), ad: false, t: e.t };
    case 'Var': {
      const v = cx.lookup(e.name);
      return { c: v.js, ad: v.ad, t: v.t, adj: v.adj, adjElem: v.adjElem };
    }
    case 'Bin': {
      const a = emitExpr(cx, e.a);
      const lazy = e.op === '&&' || e.op === '||';
      return emitBinary(cx, e.op, a, lazy ? emitGuarded(cx, e.b) : emitExpr(cx, e.b), e.t);
    }
    case 'Un': {
      const a = emitExpr(cx, e.a);
      if (e.op === '+') return a;
      if (e.op === '!') return { c: `(${cx.val(a)} ? 0 : 1)`, ad: false, t: T_INT };
      if (e.op === "'") return { c: cx.node(a) ? `G.transposeG(${a.c})` : `R.transpose(${a.c})`, ad: a.ad, t: e.t };
      if (isScalar(a.t)) return { c: cx.node(a) ? `T.neg(${a.c})` : `(-${a.c})`, ad: a.ad, t: a.t };
      return { c: cx.node(a) ? `G.ewG(T, 1, 0, ${a.c}, 2)` : `R.neg(${a.c})`, ad: a.ad, t: a.t };
    }
    case 'Cond': {
      const c = emitExpr(cx, e.c);
      let a = emitGuarded(cx, e.a);
      let b = emitGuarded(cx, e.b);
      const ad = a.ad || b.ad;
      a = cx.as(a, ad);
      b = cx.as(b, ad);
      return { c: `(${cx.val(c)} ? ${a.c} : ${b.c})`, ad, t: e.t };
    }
    case 'Idx':
      return emitIndex(cx, e);
    case 'Arr': {
      const els = e.elems.map((x) => emitExpr(cx, x));
      const ad = els.some((x) => x.ad);
      return { c: `[${els.map((x) => cx.as(x, ad).c).join(', ')}]`, ad, t: e.t };
    }
    case 'RowVec': {
      const els = e.elems.map((x) => emitExpr(cx, x));
      const ad = els.some((x) => x.ad);
      const lifted = els.map((x) => cx.as(x, ad).c).join(', ');
      if (e.t.base === 'matrix') return { c: `R.rowsToMat([${lifted}], ${cx.node({ c: '', ad, t: e.t }) ? 'true' : 'false'})`, ad, t: e.t };
      return { c: cx.node({ c: '', ad, t: e.t }) ? `Int32Array.of(${lifted})` : `Float64Array.of(${lifted})`, ad, t: e.t };
    }
    case 'Call':
    case 'Dist':
      return emitCall(cx, e);
  }
}

const CMP = new Set(['<', '<=', '>', '>=', '==', '!=']);

export function emitBinary(cx: EmitContext, op: string, a: E, b: E, t: IRType): E {
  if (op === '&&' || op === '||') return { c: `((${cx.val(a)}) ${op} (${cx.val(b)}) ? 1 : 0)`, ad: false, t: T_INT };
  if (CMP.has(op)) {
    const jsOp = op === '==' ? '===' : op === '!=' ? '!==' : op;
    return { c: `(${cx.val(a)} ${jsOp} ${cx.val(b)} ? 1 : 0)`, ad: false, t: T_INT };
  }
  const ad = a.ad || b.ad;
  if (isScalar(a.t) && isScalar(b.t)) return scalarBinary(cx, op, a, b, t, ad);
  if (op === '.^' || op === '^') return emitBinaryFunction(cx, 'pow', a, b, t);
  // matrix division: B / A and A \ B
  if (op === '\\') return SHAPED_CALLS.mdivide_left(2)!(cx, [a, b], t);
  if (op === '/' && b.t.base === 'matrix' && b.t.dims === 0) return SHAPED_CALLS.mdivide_right(2)!(cx, [a, b], t);
  const mask = (cx.node(a) ? 1 : 0) | (cx.node(b) ? 2 : 0);
  const ewCode: Record<string, number> = { '+': 0, '-': 1, '.*': 2, './': 3 };
  let code = ewCode[op];
  if (op === '*' && (isScalar(a.t) || isScalar(b.t))) code = 2;
  if (op === '/' && (isScalar(a.t) || isScalar(b.t))) code = 3;
  if (code !== undefined) {
    return { c: mask ? `G.ewG(T, ${code}, ${a.c}, ${b.c}, ${mask})` : `R.ew(${code}, ${a.c}, ${b.c})`, ad, t };
  }
  if (op === '*') {
    const ta = a.t.base, tb = b.t.base;
    if (ta === 'row_vector' && tb === 'vector') return { c: mask ? `G.dotG(T, ${a.c}, ${b.c}, ${mask})` : `R.dot(${a.c}, ${b.c})`, ad, t: T_REAL };
    if (ta === 'matrix' && tb === 'vector') return { c: mask ? `G.mvG(T, ${a.c}, ${b.c}, ${mask})` : `R.mv(${a.c}, ${b.c})`, ad, t };
    if (ta === 'row_vector' && tb === 'matrix') return { c: mask ? `G.mmG(T, R.asRowMat(${a.c}), ${b.c}, ${mask}).data` : `R.vm(${a.c}, ${b.c})`, ad, t };
    if (ta === 'matrix' && tb === 'matrix') return { c: mask ? `G.mmG(T, ${a.c}, ${b.c}, ${mask})` : `R.mm(${a.c}, ${b.c})`, ad, t };
    if (ta === 'vector' && tb === 'row_vector') return { c: mask ? `G.mmG(T, R.asColMat(${a.c}), R.asRowMat(${b.c}), ${mask})` : `R.outer(${a.c}, ${b.c})`, ad, t };
  }
  throw new CompileError(`The operator '${op}' on ${a.t.base} and ${b.t.base} is not yet supported.`);
}

function scalarBinary(cx: EmitContext, op: string, a: E, b: E, t: IRType, ad: boolean): E {
  const ints = a.t.base === 'int' && b.t.base === 'int';
  if (!cx.grad || !ad) {
    if (ints && (op === '/' || op === '%/%')) return { c: `R.idiv(${a.c}, ${b.c})`, ad: false, t: T_INT };
    if (ints && op === '%') return { c: `R.imod(${a.c}, ${b.c})`, ad: false, t: T_INT };
    if (op === '^' || op === '.^') return { c: `Math.pow(${a.c}, ${b.c})`, ad, t: T_REAL };
    if (['+', '-', '*', '/', '.*', './'].includes(op)) {
      const js = op === '.*' ? '*' : op === './' ? '/' : op;
      return { c: `(${a.c} ${js} ${b.c})`, ad, t };
    }
    throw new CompileError(`The operator '${op}' on scalars is not yet supported.`);
  }
  const A = a.ad, B = b.ad;
  const name: Record<string, [string, string, string]> = {
    // both nodes, node op data, data op node
    '+': ['add', 'addc', 'addc*'],
    '-': ['sub', 'subc', 'csub'],
    '*': ['mul', 'mulc', 'mulc*'],
    '.*': ['mul', 'mulc', 'mulc*'],
    '/': ['div', 'divc', 'cdiv'],
    './': ['div', 'divc', 'cdiv'],
    '^': ['pow', 'powc', 'cpow'],
    '.^': ['pow', 'powc', 'cpow'],
  };
  const n = name[op];
  if (!n) throw new CompileError(`The operator '${op}' on parameters is not yet supported.`);
  if (A && B) return { c: `T.${n[0]}(${a.c}, ${b.c})`, ad: true, t: T_REAL };
  if (A) return { c: `T.${n[1]}(${a.c}, ${b.c})`, ad: true, t: T_REAL };
  // data op node: commutative ops swap, the others have their own method
  if (n[2].endsWith('*')) return { c: `T.${n[2].slice(0, -1)}(${b.c}, ${a.c})`, ad: true, t: T_REAL };
  return { c: `T.${n[2]}(${a.c}, ${b.c})`, ad: true, t: T_REAL };
}

// Is this JS expression a plain (possibly indexed) variable, safe to repeat?
function simple(c: string): boolean {
  return /^v_[A-Za-z0-9_]+$/.test(c);
}

function emitIndex(cx: EmitContext, e: IRExpr & { k: 'Idx' }): E {
  const target = emitExpr(cx, e.target);
  const name = str(rootName(e.target));
  const allSingle = e.idx.every((i) => i.k === 'One');
  if (target.adjElem && e.idx.length === 1 && allSingle) {
    // Adjoint mode: an element of a parameter-dependent vector, with its adjoint slot.
    const i = emitExpr(cx, (e.idx[0] as { k: 'One'; e: IRExpr }).e).c;
    const j = cx.fresh('j');
    cx.L.line(`const ${j} = R.ix(${i}, ${target.c}.length, ${name});`);
    return { c: `${target.c}[${j}]`, ad: target.ad, t: e.t, adj: target.adjElem(j) };
  }
  if (!allSingle) {
    const specs = e.idx.map((i) => indexSpec(cx, i)).join(', ');
    return { c: `R.index(${target.c}, [${specs}], ${name})`, ad: target.ad, t: e.t };
  }
  let c = target.c;
  let t = target.t;
  const idx = e.idx.map((i) => emitExpr(cx, (i as { k: 'One'; e: IRExpr }).e).c);
  let k = 0;
  while (k < idx.length) {
    if (t.dims > 0 || t.base === 'vector' || t.base === 'row_vector') {
      c = simple(c) ? `${c}[R.ix(${idx[k]}, ${c}.length, ${name})]` : `R.at(${c}, ${idx[k]}, ${name})`;
      t = t.dims > 0 ? { base: t.base, dims: t.dims - 1 } : T_REAL;
      k++;
    } else if (t.base === 'matrix') {
      if (k + 1 < idx.length) {
        c = `R.mget(${c}, ${idx[k]}, ${idx[k + 1]}, ${name})`;
        t = T_REAL;
        k += 2;
      } else {
        c = `R.mrow(${c}, ${idx[k]}, ${name})`;
        t = { base: 'row_vector', dims: 0 };
        k++;
      }
    } else throw new CompileError(`Too many indexes for '${rootName(e.target)}'.`);
  }
  return { c, ad: target.ad, t: e.t };
}

export function indexSpec(cx: EmitContext, i: IRIndex): string {
  switch (i.k) {
    case 'One':
    case 'Multi':
      return emitExpr(cx, i.e).c;
    case 'Range':
      return `{ lo: ${i.lo ? emitExpr(cx, i.lo).c : 'null'}, hi: ${i.hi ? emitExpr(cx, i.hi).c : 'null'} }`;
    case 'All':
      return 'null';
  }
}
