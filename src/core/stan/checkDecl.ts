// Variable declarations: their types, sizes, bounds, initial values, and name clashes.
import type { DeclType, Expr, Identifier, UnsizedType, VarDecl } from './ast';
import type { CheckContext } from './checkContext';
import { checkExpr } from './checkExpr';
import type { VarInfo, VarKind } from './scope';
import type { Span } from './span';
import {
  type AdLevel,
  arrayOf,
  ERROR,
  innermost,
  isError,
  isInt,
  isIntBased,
  isPrim,
  isPrimName,
  type PrimName,
  promotionCost,
  type StanType,
  typeToString,
  VOID,
} from './types';

// The unsized type of each constrained base type (the others are their own unsized type).
const CONSTRAINED_PRIM: Record<string, PrimName> = {
  simplex: 'vector',
  unit_vector: 'vector',
  sum_to_zero_vector: 'vector',
  ordered: 'vector',
  positive_ordered: 'vector',
  sum_to_zero_matrix: 'matrix',
  cholesky_factor_corr: 'matrix',
  cholesky_factor_cov: 'matrix',
  corr_matrix: 'matrix',
  cov_matrix: 'matrix',
  column_stochastic_matrix: 'matrix',
  row_stochastic_matrix: 'matrix',
};

function primOfBase(base: string): PrimName | undefined {
  return isPrimName(base) ? base : Object.hasOwn(CONSTRAINED_PRIM, base) ? CONSTRAINED_PRIM[base] : undefined;
}

export function declTypeToStanType(dt: DeclType | null | undefined): StanType {
  if (!dt) return ERROR;
  let elem: StanType;
  if (dt.base === 'tuple') {
    const elems = (dt.tupleElements ?? []).map(declTypeToStanType);
    elem = elems.some(isError) ? ERROR : { kind: 'tuple', elems };
  } else {
    const p = primOfBase(dt.base);
    elem = p ? { kind: 'prim', name: p } : ERROR;
  }
  return isError(elem) ? ERROR : arrayOf(elem, dt.arrayDims?.length ?? 0);
}

export function unsizedToStanType(ut: UnsizedType | null | undefined): StanType {
  if (!ut) return ERROR;
  if (ut.base === 'void') return VOID;
  let elem: StanType;
  if (ut.base === 'tuple') {
    const elems = (ut.tupleElements ?? []).map(unsizedToStanType);
    elem = elems.some(isError) ? ERROR : { kind: 'tuple', elems };
  } else {
    const p = primOfBase(ut.base);
    elem = p ? { kind: 'prim', name: p } : ERROR;
  }
  return isError(elem) ? ERROR : arrayOf(elem, ut.arrayDims ?? 0);
}

// The autodiff level of a variable: parameters, transformed parameters, model locals and function
// values may carry gradients; data, transformed data and generated quantities never do; ints never do.
export function declAd(ctx: CheckContext, type: StanType): AdLevel {
  if (isIntBased(type)) return 'data';
  if (ctx.fn) return 'param';
  const b = ctx.block;
  return b === 'parameters' || b === 'transformed parameters' || b === 'model' ? 'param' : 'data';
}

// Sizes and bounds are shared by `real a, b;` declarations: check each DeclType once.
const checkedTypes = new WeakSet<DeclType>();

export function checkVarDecl(ctx: CheckContext, decl: VarDecl): void {
  if (!decl || !decl.name) return;
  const type = declTypeToStanType(decl.type);
  if (decl.type && !checkedTypes.has(decl.type)) {
    checkedTypes.add(decl.type);
    checkDeclTypeExprs(ctx, decl.type, type);
    const inParams = ctx.topLevel && (ctx.block === 'parameters' || ctx.block === 'transformed parameters');
    if (inParams && containsInt(type)) {
      ctx.error('type', `${ctx.block === 'parameters' ? 'Parameters' : 'Transformed parameters'} cannot be integers: Stan's samplers need continuous values. Declare '${decl.name.name}' as real, or move it to the data block.`, decl.type.span);
    }
  }
  // Declared before its initial value is checked, as stanc3 does (`real x = x;` is legal but useless).
  declareVariable(ctx, decl.name, type, ctx.topLevel ? 'global' : 'local', declAd(ctx, type));
  if (decl.init) {
    ctx.declaring = decl.name.name; // checkIdentifier warns when the initial value reads it
    let v;
    try {
      v = checkExpr(ctx, decl.init);
    } finally {
      ctx.declaring = null;
    }
    if (!isError(v.type) && !isError(type) && promotionCost(v.type, type) < 0) {
      ctx.error('type', `Type mismatch in the declaration of '${decl.name.name}': it is ${typeToString(type)}, but the value is ${typeToString(v.type)}.`, decl.init.span);
    }
  }
}

export function declareVariable(ctx: CheckContext, id: Identifier, type: StanType, kind: VarKind, ad: AdLevel, dataArg = false): VarInfo {
  const info: VarInfo = { name: id.name, type, origin: ctx.fn ? 'function' : (ctx.block ?? 'model'), kind, ad, span: id.span, dataArg };
  checkNewName(ctx, id);
  ctx.scope.declare(info);
  ctx.result.declarations.set(id, info);
  return info;
}

function checkNewName(ctx: CheckContext, id: Identifier): void {
  const existing = ctx.scope.lookup(id.name);
  if (existing) {
    ctx.error('redeclaration', `Identifier '${id.name}' is already in use: it was declared at line ${existing.span.start.line}. Stan does not allow redeclaring or shadowing a variable.`, id.span);
  } else if (id.name.endsWith('__')) {
    ctx.error('reserved', `Identifier '${id.name}' ends in '__', which Stan reserves for its own use.`, id.span);
  }
}

function checkDeclTypeExprs(ctx: CheckContext, dt: DeclType, varType: StanType): void {
  for (const size of [...(dt.sizes ?? []), ...(dt.arrayDims ?? [])]) checkSize(ctx, size);
  for (const el of dt.tupleElements ?? []) checkDeclTypeExprs(ctx, el, declTypeToStanType(el));
  const b = dt.bounds;
  if (!b) return;
  const elemType = innermost(varType);
  for (const [label, e] of [
    ['lower', b.lower],
    ['upper', b.upper],
    ['offset', b.offset],
    ['multiplier', b.multiplier],
  ] as const) {
    if (!e) continue;
    const t = checkExpr(ctx, e).type;
    if (isError(t) || isError(elemType)) continue;
    const scalarOk = isInt(elemType) ? isInt(t) : isPrim(t, 'int', 'real');
    const sameShape = !isInt(elemType) && (promotionCost(t, elemType) >= 0 || promotionCost(t, varType) >= 0);
    if (!scalarOk && !sameShape) {
      const want = isInt(elemType) ? 'an int' : isPrim(elemType, 'real') ? 'an int or real' : `a real or ${typeToString(elemType)}`;
      ctx.error('type', `The ${label} bound must be ${want}; found ${typeToString(t)}.`, e.span);
    }
  }
}

function checkSize(ctx: CheckContext, e: Expr): void {
  const info = checkExpr(ctx, e);
  if (isError(info.type)) return;
  if (!isInt(info.type)) {
    ctx.error('type', `A size must be an int expression; found ${typeToString(info.type)}.`, e.span);
    return;
  }
  if (ctx.topLevel && !ctx.fn) {
    if (containsRngCall(e)) {
      ctx.error('block', 'Random number generators are not allowed in the sizes of top-level variables.', e.span);
      return;
    }
    const bad = nonDataVariable(ctx, e);
    if (bad) {
      ctx.error('block', `Sizes of top-level variables may only use data and transformed data; '${bad.name}' is declared in ${bad.origin}.`, bad.span);
    }
  }
}

// The first variable from outside data / transformed data that an expression uses, if any.
function nonDataVariable(ctx: CheckContext, e: Expr): { name: string; origin: string; span: Span } | undefined {
  let found: { name: string; origin: string; span: Span } | undefined;
  const visit = (x: unknown): void => {
    if (found || !x || typeof x !== 'object') return;
    const node = x as { kind?: string; name?: string; span?: Span };
    if (node.kind === 'Identifier' && typeof node.name === 'string') {
      const v = ctx.result.bindings.get(x as Identifier);
      if (v && v.origin !== 'data' && v.origin !== 'transformed data') {
        found = { name: v.name, origin: v.origin, span: node.span! };
      }
      return;
    }
    for (const [k, child] of Object.entries(x)) {
      if (k === 'span' || k === 'callee') continue;
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object') visit(child);
    }
  };
  visit(e);
  return found;
}

function containsRngCall(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const node = e as { kind?: string; callee?: { name?: string } };
  if (node.kind === 'Call' && typeof node.callee?.name === 'string' && node.callee.name.endsWith('_rng')) return true;
  return Object.entries(e).some(([k, child]) => k !== 'span' && (Array.isArray(child) ? child.some(containsRngCall) : containsRngCall(child)));
}

function containsInt(t: StanType): boolean {
  const inner = innermost(t);
  return inner.kind === 'tuple' ? inner.elems.some(containsInt) : isInt(inner);
}
