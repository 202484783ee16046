// Types (and autodiff levels) of expressions.
import type { BinaryExpr, Expr, Identifier, Index, IndexedExpr } from './ast';
import { checkCall, complexNote } from './checkCall';
import type { CheckContext, ExprInfo } from './checkContext';
import { binaryOperatorFunction, unaryOperatorFunction } from './signatures/operatorRows';
import { resolveOverload } from './signatures/match';
import { librarySignatures } from './signatures/table';
import { describeSignatures } from './signatureList';
import { didYouMean } from './suggest';
import {
  type AdLevel,
  arrayOf,
  arrayDims,
  commonType,
  COMPLEX,
  ERROR,
  innermost,
  INT,
  isError,
  isInt,
  isIntBased,
  isPrim,
  maxAd,
  REAL,
  type StanType,
  typeToString,
  indexCapacity,
  COMPLEX_ROW_VECTOR,
  ROW_VECTOR,
  MATRIX,
  COMPLEX_MATRIX,
} from './types';
import type { Span } from './span';

export const ERROR_INFO: ExprInfo = { type: ERROR, ad: 'data' };

export function checkExpr(ctx: CheckContext, e: Expr): ExprInfo {
  let info: ExprInfo;
  try {
    info = e && typeof e === 'object' ? exprInfo(ctx, e) : ERROR_INFO;
  } catch {
    info = ERROR_INFO; // never let a malformed tree escape as an exception
  }
  // Ints can never carry gradients.
  if (info.ad === 'param' && isIntBased(info.type)) info = { type: info.type, ad: 'data' };
  if (e && typeof e === 'object') ctx.result.exprTypes.set(e, info);
  return info;
}

function exprInfo(ctx: CheckContext, e: Expr): ExprInfo {
  switch (e.kind) {
    case 'IntLiteral':
      return { type: INT, ad: 'data' };
    case 'RealLiteral':
      return { type: REAL, ad: 'data' };
    case 'ImagLiteral':
      return { type: COMPLEX, ad: 'data' };
    case 'StringLiteral':
      return ERROR_INFO; // the parser already reported a string outside print/reject
    case 'Identifier':
      return checkIdentifier(ctx, e);
    case 'Call':
      return checkCall(ctx, e, false);
    case 'Binary':
      return checkBinary(ctx, e);
    case 'Unary': {
      const a = checkExpr(ctx, e.operand);
      return applyOperator(ctx, unaryOperatorFunction[e.op], `prefix operator '${e.op}'`, [a], e.span);
    }
    case 'Transpose': {
      const a = checkExpr(ctx, e.operand);
      return applyOperator(ctx, 'transpose', "postfix operator '", [a], e.span);
    }
    case 'Ternary': {
      const c = checkExpr(ctx, e.cond);
      const a = checkExpr(ctx, e.then);
      const b = checkExpr(ctx, e.else);
      if (!isError(c.type) && !isInt(c.type)) {
        ctx.error('type', `The condition of '?:' must be an int; found ${typeToString(c.type)}.`, e.cond.span);
      }
      const t = commonType(a.type, b.type);
      if (!t) {
        ctx.error('type', `The branches of '?:' must have the same type; found ${typeToString(a.type)} and ${typeToString(b.type)}.`, e.span);
        return ERROR_INFO;
      }
      return { type: t, ad: maxAd(c.ad, maxAd(a.ad, b.ad)) };
    }
    case 'Indexed':
      return checkIndexed(ctx, e);
    case 'ArrayExpr': {
      const infos = e.elements.map((x) => checkExpr(ctx, x));
      if (infos.length === 0) return ERROR_INFO;
      let t: StanType | undefined = infos[0].type;
      for (const i of infos.slice(1)) t = t && commonType(t, i.type);
      if (!t) {
        ctx.error('type', `The elements of an array expression must all have the same type; found ${infos.map((i) => typeToString(i.type)).join(', ')}.`, e.span);
        return ERROR_INFO;
      }
      return { type: isError(t) ? ERROR : arrayOf(t, 1), ad: adOf(infos) };
    }
    case 'RowVectorExpr':
      return checkRowVectorExpr(ctx, e.elements, e.span);
    case 'Paren':
      return checkExpr(ctx, e.expr);
    case 'TupleExpr': {
      const infos = e.elements.map((x) => checkExpr(ctx, x));
      if (infos.some((i) => isError(i.type))) return ERROR_INFO;
      return { type: { kind: 'tuple', elems: infos.map((i) => i.type) }, ad: adOf(infos) };
    }
    case 'TupleProjection': {
      const t = checkExpr(ctx, e.target);
      if (isError(t.type)) return ERROR_INFO;
      if (t.type.kind !== 'tuple') {
        ctx.error('type', `Only tuples have elements '.${e.index}'; this expression is ${typeToString(t.type)}.`, e.span);
        return ERROR_INFO;
      }
      const elem = t.type.elems[e.index - 1];
      if (!elem) {
        ctx.error('type', `This tuple has ${t.type.elems.length} elements; there is no element ${e.index}.`, e.span);
        return ERROR_INFO;
      }
      return { type: elem, ad: t.ad };
    }
    default:
      return ERROR_INFO;
  }
}

export function adOf(infos: readonly ExprInfo[]): AdLevel {
  return infos.reduce<AdLevel>((acc, i) => maxAd(acc, i.ad), 'data');
}

function checkIdentifier(ctx: CheckContext, id: Identifier): ExprInfo {
  const v = ctx.scope.lookup(id.name);
  if (v) {
    ctx.result.bindings.set(id, v);
    if (ctx.declaring === id.name) {
      ctx.warn('self-reference', `'${id.name}' is used in its own initial value, before it has been given a value.`, id.span);
    }
    // Generated quantities run on plain numbers: even parameters are data there.
    return { type: v.type, ad: ctx.block === 'generated quantities' && !ctx.fn ? 'data' : v.ad };
  }
  reportUnknownIdentifier(ctx, id);
  return ERROR_INFO;
}

export function reportUnknownIdentifier(ctx: CheckContext, id: Identifier): void {
  if (ctx.reportedUnknown.has(id.name)) return;
  ctx.reportedUnknown.add(id.name);
  const later = ctx.laterGlobals.get(id.name);
  if (later && later.block === 'model' && ctx.block === 'generated quantities') {
    ctx.error('scope', `'${id.name}' is declared in the model block, whose variables are local to it; it cannot be used in generated quantities. Declare it in transformed parameters instead.`, id.span);
    return;
  }
  if (later && later.line >= id.span.start.line && !ctx.fn) {
    ctx.error('scope', `Identifier '${id.name}' is used before it is declared (it is declared at line ${later.line}, in the ${later.block} block).`, id.span);
    return;
  }
  if (ctx.userFunctions(id.name).length > 0 || librarySignatures(id.name).length > 0) {
    ctx.error('scope', `'${id.name}' is a function, not a variable; call it as ${id.name}(...).`, id.span);
    return;
  }
  ctx.error('scope', `Identifier '${id.name}' not in scope.${didYouMean(id.name, ctx.scope.names())}`, id.span);
}

function checkBinary(ctx: CheckContext, e: BinaryExpr): ExprInfo {
  const a = checkExpr(ctx, e.left);
  const b = checkExpr(ctx, e.right);
  if (e.op === '/' && isInt(a.type) && isInt(b.type)) {
    ctx.warn('int-division', 'Integer division rounds towards zero: int / int gives an int. Write 1.0 * a / b for real division, or use %/% if rounding is intended.', e.opSpan ?? e.span);
  }
  return applyOperator(ctx, binaryOperatorFunction[e.op], `infix operator '${e.op}'`, [a, b], e.opSpan ?? e.span);
}

// Types an operator application by the operator's rows in the library table.
export function applyOperator(ctx: CheckContext, fnName: string | undefined, what: string, args: ExprInfo[], span: Span): ExprInfo {
  if (!fnName || args.some((a) => isError(a.type))) return ERROR_INFO;
  const types = args.map((a) => a.type);
  const sigs = librarySignatures(fnName);
  const res = resolveOverload(sigs, types);
  if (res.ok) return { type: res.match.ret, ad: adOf(args) };
  const opName = what === "postfix operator '" ? "the transpose operator '" : what;
  let hint = '';
  if (what === "infix operator '*'" && resolveOverload(librarySignatures('elt_multiply'), types).ok) hint = " For elementwise multiplication use '.*'.";
  if (what === "infix operator '/'" && resolveOverload(librarySignatures('elt_divide'), types).ok) hint = " For elementwise division use './'.";
  if (what === "infix operator '^'" && resolveOverload(librarySignatures('elt_pow'), types).ok) hint = " For elementwise powers use '.^'.";
  ctx.error('type', `Ill-typed arguments supplied to ${opName}: (${types.map(typeToString).join(', ')}).${hint} Available signatures: ${describeSignatures(sigs, types, true)}${complexNote(types)}`, span);
  return ERROR_INFO;
}

function checkRowVectorExpr(ctx: CheckContext, elements: Expr[], span: Span): ExprInfo {
  const infos = elements.map((x) => checkExpr(ctx, x));
  if (infos.some((i) => isError(i.type))) return ERROR_INFO;
  const ad = adOf(infos);
  if (infos.every((i) => isPrim(i.type, 'int', 'real'))) return { type: ROW_VECTOR, ad };
  if (infos.every((i) => isPrim(i.type, 'int', 'real', 'complex'))) return { type: COMPLEX_ROW_VECTOR, ad };
  if (infos.every((i) => isPrim(i.type, 'row_vector'))) return { type: MATRIX, ad };
  if (infos.every((i) => isPrim(i.type, 'row_vector', 'complex_row_vector'))) return { type: COMPLEX_MATRIX, ad };
  ctx.error('type', `A row vector expression [...] needs all int/real/complex elements (a row vector) or all row_vector elements (a matrix); found ${infos.map((i) => typeToString(i.type)).join(', ')}.`, span);
  return ERROR_INFO;
}

// Indexing: arrays take one index per dimension, then vectors one more and matrices two more.
// A single int index drops a dimension; ranges, ':' and int arrays keep it.
function checkIndexed(ctx: CheckContext, e: IndexedExpr): ExprInfo {
  const target = checkExpr(ctx, e.target);
  const kinds = e.indexes.map((ix) => checkIndex(ctx, ix));
  if (isError(target.type) || kinds.includes('error')) return { type: ERROR, ad: target.ad };
  const t = target.type;
  const cap = indexCapacity(t);
  if (cap === 0) {
    ctx.error('index', `Only arrays, vectors and matrices can be indexed; this expression is ${typeToString(t)}.`, e.span);
    return { type: ERROR, ad: target.ad };
  }
  if (e.indexes.length > cap) {
    ctx.error('index', `Too many indexes: ${typeToString(t)} takes at most ${cap} ${cap === 1 ? 'index' : 'indexes'}, but ${e.indexes.length} were given.`, e.span);
    return { type: ERROR, ad: target.ad };
  }
  const dims = arrayDims(t);
  const arrayKinds = kinds.slice(0, dims);
  const rest = kinds.slice(dims);
  const keptDims = arrayKinds.filter((k) => k === 'multi').length + (dims - arrayKinds.length);
  const inner = innermost(t);
  let innerResult: StanType = inner;
  if (rest.length > 0 && inner.kind === 'prim') {
    const complex = inner.name.startsWith('complex');
    const scalar = complex ? COMPLEX : REAL;
    const vectorT: StanType = complex ? { kind: 'prim', name: 'complex_vector' } : { kind: 'prim', name: 'vector' };
    const rowT: StanType = complex ? COMPLEX_ROW_VECTOR : ROW_VECTOR;
    if (isPrim(inner, 'vector', 'row_vector', 'complex_vector', 'complex_row_vector')) {
      innerResult = rest[0] === 'single' ? scalar : inner;
    } else if (rest.length === 1) {
      innerResult = rest[0] === 'single' ? rowT : inner;
    } else {
      const [r, c] = rest;
      innerResult = r === 'single' ? (c === 'single' ? scalar : rowT) : c === 'single' ? vectorT : inner;
    }
  }
  return { type: arrayOf(innerResult, keptDims), ad: target.ad };
}

function checkIndex(ctx: CheckContext, ix: Index): 'single' | 'multi' | 'error' {
  if (!ix) return 'error';
  if (ix.kind === 'IndexAll') return 'multi';
  if (ix.kind === 'IndexRange') {
    let ok = true;
    for (const b of [ix.lower, ix.upper]) {
      if (!b) continue;
      const i = checkExpr(ctx, b);
      if (isError(i.type)) ok = false;
      else if (!isInt(i.type)) {
        ctx.error('index', `Range bounds in an index must be int; found ${typeToString(i.type)}.`, b.span);
        ok = false;
      }
    }
    return ok ? 'multi' : 'error';
  }
  const i = checkExpr(ctx, ix.expr);
  if (isError(i.type)) return 'error';
  if (isInt(i.type)) return 'single';
  if (i.type.kind === 'array' && i.type.dims === 1 && isInt(i.type.elem)) return 'multi';
  ctx.error('index', `An index must be an int or an array[] int; found ${typeToString(i.type)}.`, ix.span);
  return 'error';
}
