// Statements -> JavaScript lines.
import type { IRDecl, IRExpr, IRPrintArg, IRStmt, IRType } from '../ir/ir';
import { at, CompileError, type E, type EmitContext, str } from './emitContext';
import { emitBinary, emitExpr, emitGuarded, indexSpec, isScalar } from './emitExpr';
import { canInlineDist, emitElementwiseInto, isElementwiseOp } from './emitLoops';
import { emitDistInline } from './emitDensity';
import { emitTruncation } from './emitTruncation';

export class Lines {
  readonly out: string[] = [];
  private depth = 0;
  constructor(depth = 0) {
    this.depth = depth;
  }
  line(s: string): void {
    this.out.push('  '.repeat(this.depth) + s);
  }
  open(s: string): void {
    this.line(s);
    this.depth++;
  }
  close(s = '}'): void {
    this.depth--;
    this.line(s);
  }
  text(): string {
    return this.out.join('\n');
  }
}

// Is the value of this expression possibly shared with a variable (so assignment must copy)?
function aliases(e: IRExpr): boolean {
  return e.k === 'Var' || (e.k === 'Idx' && e.idx.every((i) => i.k === 'One'));
}

function isContainer(t: IRType): boolean {
  return !isScalar(t);
}

// The initial value of a declared variable with no initialiser (NaN, as Stan).
export function emptyValue(cx: EmitContext, d: IRDecl, ad: boolean): string {
  const name = str(d.name);
  const sizes = d.baseSizes.map((s) => `R.checkSize(${emitExpr(cx, s).c}, ${name})`);
  const node = cx.grad && ad;
  const fill = node ? 'NANN' : d.t.base === 'int' ? '(-2147483648)' : 'NaN';
  let elem: string;
  if (d.t.base === 'int' || d.t.base === 'real') elem = d.t.base === 'int' ? '(-2147483648)' : fill;
  else if (d.t.base === 'matrix') elem = `new R.Mat(${sizes[0]}, ${sizes[1]}, new ${node ? 'Int32Array' : 'Float64Array'}(${sizes[0]} * ${sizes[1]}).fill(${fill}))`;
  else elem = `new ${node ? 'Int32Array' : 'Float64Array'}(${sizes[0]}).fill(${fill})`;
  if (d.t.dims === 0) return elem;
  const arr = d.arraySizes.map((s) => `R.checkSize(${emitExpr(cx, s).c}, ${name})`).join(', ');
  return `R.newArray([${arr}], () => ${elem})`;
}

// Convert a value for storage in a variable of the given ad level (copying shared containers).
function storeValue(cx: EmitContext, rhs: IRExpr, e: E, ad: boolean): string {
  const v = cx.as(e, ad);
  return isContainer(e.t) && aliases(rhs) && v.c === e.c ? `R.copy(${v.c})` : v.c;
}

function printArgs(cx: EmitContext, args: IRPrintArg[]): string {
  if (args.length === 0) return '""';
  return args.map((a) => (a.k === 'Str' ? str(a.s) : `R.fmt(${cx.val(emitExpr(cx, a))})`)).join(' + ');
}

export function emitStmt(cx: EmitContext, s: IRStmt, L: Lines): void {
  const saved = cx.L;
  cx.L = L;
  try {
    at('span' in s ? s.span : 'decl' in s ? s.decl.span : undefined, () => emitStmtIn(cx, s, L));
  } finally {
    cx.L = saved;
  }
}

function emitStmtIn(cx: EmitContext, s: IRStmt, L: Lines): void {
  switch (s.k) {
    case 'Decl': {
      const ad = cx.localAd && s.decl.t.base !== 'int';
      if (s.init && isElementwiseOp(s.init) && s.decl.t.dims === 0) {
        const v = cx.declare(s.decl.name, s.decl.t, ad);
        emitElementwiseInto(cx, s.init, v.js, true, v.ad, cx.prealloc.get(s.decl.name) ?? null);
        return;
      }
      let init: string;
      if (s.init) init = storeValue(cx, s.init, emitExpr(cx, s.init), ad);
      else if (isScalar(s.decl.t)) init = cx.grad && ad ? 'NANN' : s.decl.t.base === 'int' ? '(-2147483648)' : 'NaN';
      else init = emptyValue(cx, s.decl, ad);
      const v = cx.declare(s.decl.name, s.decl.t, ad);
      L.line(`let ${v.js} = ${init};`);
      return;
    }
    case 'Assign':
      emitAssign(cx, s, L);
      return;
    case 'Target':
    case 'Tilde': {
      const de = s.k === 'Target' ? s.e : s.dist;
      if (canInlineDist(de)) {
        emitDistInline(cx, de as IRExpr & { k: 'Dist' });
        if (s.k === 'Tilde' && s.trunc) emitTruncation(cx, s, L);
        return;
      }
      const e = emitExpr(cx, de);
      addTarget(cx, e, L);
      if (s.k === 'Tilde' && s.trunc) emitTruncation(cx, s, L);
      return;
    }
    case 'For': {
      const lo = emitExpr(cx, s.lo), hi = emitExpr(cx, s.hi);
      const end = cx.fresh('end');
      cx.push();
      const v = cx.declare(s.v, { base: 'int', dims: 0 }, false);
      L.open(`for (let ${v.js} = ${lo.c}, ${end} = ${hi.c}; ${v.js} <= ${end}; ${v.js}++) {`);
      emitStmt(cx, s.body, L);
      L.close();
      cx.pop();
      return;
    }
    case 'ForEach': {
      const over = emitExpr(cx, s.over);
      const t = over.t;
      const elemT: IRType = t.dims > 0 ? { base: t.base, dims: t.dims - 1 } : { base: 'real', dims: 0 };
      cx.push();
      const v = cx.declare(s.v, elemT, over.ad);
      L.open(`for (const ${v.js} of ${t.dims === 0 && t.base === 'matrix' ? `(${over.c}).data` : over.c}) {`);
      emitStmt(cx, s.body, L);
      L.close();
      cx.pop();
      return;
    }
    case 'While': {
      const c = emitGuarded(cx, s.c);
      L.open(`while (${cx.val(c)}) {`);
      emitStmt(cx, s.body, L);
      L.close();
      return;
    }
    case 'If': {
      const c = emitExpr(cx, s.c);
      L.open(`if (${cx.val(c)}) {`);
      emitStmt(cx, s.then, L);
      if (s.else) {
        L.close('} else {');
        L.open('');
        emitStmt(cx, s.else, L);
      }
      L.close();
      return;
    }
    case 'Break':
      L.line('break;');
      return;
    case 'Continue':
      L.line('continue;');
      return;
    case 'Return': {
      if (!s.e) {
        L.line('return;');
        return;
      }
      const e = emitExpr(cx, s.e);
      const ret = cx.fnRet;
      L.line(`return ${ret ? cx.as(e, ret.ad).c : e.c};`);
      return;
    }
    case 'Print':
      L.line(`R.print(${printArgs(cx, s.args)});`);
      return;
    case 'Reject':
      L.line(`throw new R.StanError(${printArgs(cx, s.args)});`);
      return;
    case 'Fatal':
      L.line(`throw new R.StanError(${printArgs(cx, s.args)}, true);`);
      return;
    case 'Block':
      L.open('{');
      cx.push();
      for (const x of s.body) emitStmt(cx, x, L);
      cx.pop();
      L.close();
      return;
    case 'Expr':
      L.line(`${emitExpr(cx, s.e).c};`);
      return;
  }
}

export function addTarget(cx: EmitContext, e: E, L: Lines): void {
  const scalar = isScalar(e.t);
  if (cx.node(e)) L.line(scalar ? `T.target(${e.c});` : `T.target(G.sumG(T, ${e.c}));`);
  else if (cx.grad) L.line(scalar ? `T.targetConst(${e.c});` : `T.targetConst(R.c.sum(${e.c}));`);
  else L.line(scalar ? `LPC[0] += ${e.c};` : `LPC[0] += R.c.sum(${e.c});`);
}

// x[2:4] = ..., x[idxs] = ..., m[:, j] = ...: in place through the runtime (R.assignIndex).
function emitSliceAssign(cx: EmitContext, s: IRStmt & { k: 'Assign' }, L: Lines): void {
  const v = cx.lookup(s.name);
  const idx = s.idx.flat();
  const lhsExpr: IRExpr = { k: 'Idx', target: { k: 'Var', name: s.name, t: v.t }, idx, t: s.lhsType };
  let rhs = emitExpr(cx, s.rhs);
  if (s.op !== '=') rhs = emitBinary(cx, s.op.slice(0, -1), emitExpr(cx, lhsExpr), rhs, s.lhsType);
  else if (isContainer(rhs.t) && aliases(s.rhs)) rhs = { ...rhs, c: `R.copy(${rhs.c})` };
  if (cx.grad && rhs.ad && !v.ad) throw new CompileError(`Cannot assign a parameter-dependent value to '${s.name}'.`);
  const value = cx.as(rhs, v.ad).c;
  L.line(`R.assignIndex(${v.js}, [${idx.map((i) => indexSpec(cx, i)).join(', ')}], ${value}, ${str(s.name)});`);
}

function emitAssign(cx: EmitContext, s: IRStmt & { k: 'Assign' }, L: Lines): void {
  if (s.idx.flat().some((i) => i.k !== 'One')) return emitSliceAssign(cx, s, L);
  const v = cx.lookup(s.name);
  const flatIdx = s.idx.flat().map((i) => (i as { k: 'One'; e: IRExpr }).e);
  const lhsExpr: IRExpr = flatIdx.length
    ? { k: 'Idx', target: { k: 'Var', name: s.name, t: v.t }, idx: flatIdx.map((e) => ({ k: 'One', e })), t: s.lhsType }
    : { k: 'Var', name: s.name, t: v.t };
  if (s.op === '=' && flatIdx.length === 0 && isElementwiseOp(s.rhs) && v.t.dims === 0) {
    // Fresh storage: the right-hand side may read the variable being assigned.
    const t = cx.fresh('w');
    emitElementwiseInto(cx, s.rhs, t, true, v.ad, null);
    L.line(`${v.js} = ${t};`);
    return;
  }
  let rhs = emitExpr(cx, s.rhs);
  if (s.op !== '=') {
    const op = s.op.slice(0, -1);
    rhs = emitBinary(cx, op, emitExpr(cx, lhsExpr), rhs, s.lhsType);
  } else if (isContainer(rhs.t) && aliases(s.rhs)) rhs = { ...rhs, c: `R.copy(${rhs.c})` };
  if (cx.grad && rhs.ad && !v.ad) throw new CompileError(`Cannot assign a parameter-dependent value to '${s.name}'.`);
  const value = cx.as(rhs, v.ad).c;
  if (flatIdx.length === 0) {
    L.line(`${v.js} = ${value};`);
    return;
  }
  const name = str(s.name);
  const idx = flatIdx.map((e) => emitExpr(cx, e).c);
  // Walk down the arrays, then the vector or matrix.
  let c = v.js;
  let t = v.t;
  let k = 0;
  const tmp = cx.fresh('c');
  L.open('{');
  L.line(`let ${tmp} = ${c};`);
  c = tmp;
  while (k < idx.length) {
    const last = k === idx.length - 1;
    if (t.dims > 0 || t.base === 'vector' || t.base === 'row_vector') {
      if (last) L.line(`${c}[R.ix(${idx[k]}, ${c}.length, ${name})] = ${value};`);
      else L.line(`${c} = ${c}[R.ix(${idx[k]}, ${c}.length, ${name})];`);
      t = t.dims > 0 ? { base: t.base, dims: t.dims - 1 } : { base: 'real', dims: 0 };
      k++;
    } else if (t.base === 'matrix') {
      if (k + 1 < idx.length) L.line(`R.mset(${c}, ${idx[k]}, ${idx[k + 1]}, ${value}, ${name});`);
      else L.line(`R.msetRow(${c}, ${idx[k]}, ${value}, ${name});`);
      k = idx.length;
    } else throw new CompileError(`Too many indexes assigning to '${s.name}'.`);
  }
  L.close();
}
