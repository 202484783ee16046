// Statements: assignment rules, control flow, target, print/reject, blocks and scopes.
import type { AssignStmt, Expr, Identifier, Stmt } from './ast';
import { checkCall } from './checkCall';
import type { CheckContext } from './checkContext';
import { checkVarDecl, declareVariable } from './checkDecl';
import { applyOperator, checkExpr, reportUnknownIdentifier } from './checkExpr';
import { checkTilde } from './checkTilde';
import { binaryOperatorFunction, compoundAssignOperator } from './signatures/operatorRows';
import { arrayOf, ERROR, INT, isError, isInt, isPrim, promotionCost, REAL, type StanType, typeToString, COMPLEX, innermost } from './types';

export function checkStmt(ctx: CheckContext, s: Stmt): void {
  if (!s || typeof s !== 'object') return;
  switch (s.kind) {
    case 'VarDecl':
      checkVarDecl(ctx, s);
      return;
    case 'Assign':
      checkAssign(ctx, s);
      return;
    case 'Tilde':
      checkTilde(ctx, s);
      return;
    case 'TargetPlus': {
      const t = checkExpr(ctx, s.expr).type;
      if (!ctx.targetAllowed()) {
        ctx.error('block', "'target +=' is only allowed in the model block and in functions whose names end in _lp.", s.span);
      }
      if (!isError(t) && !isPrim(innermost(t), 'int', 'real', 'vector', 'row_vector', 'matrix')) {
        ctx.error('type', `'target +=' needs a real value or a container of reals; found ${typeToString(t)}.`, s.expr.span);
      }
      return;
    }
    case 'JacobianPlus': {
      const v = ctx.scope.lookup('jacobian');
      if (v) {
        // An old program with its own variable named `jacobian`: a compound assignment.
        const lhs: Identifier = { kind: 'Identifier', name: 'jacobian', span: s.span };
        checkAssign(ctx, { kind: 'Assign', lhs, op: '+=', opSpan: s.span, rhs: s.expr, span: s.span });
        return;
      }
      const t = checkExpr(ctx, s.expr).type;
      const allowed = ctx.fn ? ctx.fn.name.endsWith('_jacobian') : ctx.block === 'transformed parameters';
      if (!allowed) {
        ctx.error('block', "'jacobian +=' is only allowed in transformed parameters and in functions whose names end in _jacobian.", s.span);
      }
      if (!isError(t) && !isPrim(innermost(t), 'int', 'real', 'vector', 'row_vector', 'matrix')) {
        ctx.error('type', `'jacobian +=' needs a real value or a container of reals; found ${typeToString(t)}.`, s.expr.span);
      }
      return;
    }
    case 'For': {
      for (const b of [s.lower, s.upper]) {
        const t = checkExpr(ctx, b).type;
        if (!isError(t) && !isInt(t)) ctx.error('type', `The bounds of a for loop must be int; found ${typeToString(t)}.`, b.span);
      }
      loopBody(ctx, s.variable, INT, 'data', s.body);
      return;
    }
    case 'ForEach': {
      const it = checkExpr(ctx, s.iterable);
      let elem: StanType = ERROR;
      const t = it.type;
      if (t.kind === 'array') elem = arrayOf(t.elem, t.dims - 1);
      else if (isPrim(t, 'vector', 'row_vector', 'matrix')) elem = REAL;
      else if (isPrim(t, 'complex_vector', 'complex_row_vector', 'complex_matrix')) elem = COMPLEX;
      else if (!isError(t)) {
        ctx.error('type', `A foreach loop needs an array, vector, row_vector or matrix to iterate over; found ${typeToString(t)}.`, s.iterable.span);
      }
      loopBody(ctx, s.variable, elem, it.ad, s.body);
      return;
    }
    case 'While':
      checkCondition(ctx, s.cond, 'while');
      ctx.loopDepth++;
      scoped(ctx, () => checkStmt(ctx, s.body));
      ctx.loopDepth--;
      return;
    case 'If':
      checkCondition(ctx, s.cond, 'if');
      scoped(ctx, () => checkStmt(ctx, s.then));
      if (s.else) scoped(ctx, () => checkStmt(ctx, s.else!));
      return;
    case 'Break':
    case 'Continue':
      if (ctx.loopDepth === 0) ctx.error('control', `'${s.kind.toLowerCase()}' can only be used inside a for or while loop.`, s.span);
      return;
    case 'Return':
      checkReturn(ctx, s.value, s.span);
      return;
    case 'Print':
    case 'Reject':
    case 'FatalError':
      for (const a of s.args ?? []) {
        if (a.kind === 'StringLiteral') continue;
        const t = checkExpr(ctx, a).type;
        if (t.kind === 'void' || t.kind === 'function') ctx.error('type', `This value cannot be printed (${typeToString(t)}).`, a.span);
      }
      return;
    case 'Block':
      scoped(ctx, () => s.statements.forEach((x) => checkStmt(ctx, x)));
      return;
    case 'Profile':
      if (s.body) checkStmt(ctx, s.body);
      return;
    case 'ExprStmt':
      if (s.expr && s.expr.kind === 'Call') {
        const info = checkCall(ctx, s.expr, true);
        ctx.result.exprTypes.set(s.expr, info);
      } else if (s.expr) checkExpr(ctx, s.expr);
      return;
    case 'Empty':
      return;
    default:
      return;
  }
}

function scoped(ctx: CheckContext, f: () => void): void {
  const saved = ctx.topLevel;
  ctx.topLevel = false;
  ctx.pushScope();
  try {
    f();
  } finally {
    ctx.popScope();
    ctx.topLevel = saved;
  }
}

function loopBody(ctx: CheckContext, v: Identifier, type: StanType, ad: 'data' | 'param', body: Stmt): void {
  scoped(ctx, () => {
    if (v) declareVariable(ctx, v, type, 'loop', isInt(type) ? 'data' : ad);
    ctx.loopDepth++;
    try {
      checkStmt(ctx, body);
    } finally {
      ctx.loopDepth--;
    }
  });
}

function checkCondition(ctx: CheckContext, e: Expr, what: string): void {
  const t = checkExpr(ctx, e).type;
  if (isPrim(t, 'real')) {
    ctx.warn('deprecated', `A real condition in '${what}' is no longer accepted by Stan 2.34+; compare explicitly, e.g. '${what} (x != 0)'.`, e.span);
  } else if (!isError(t) && !isPrim(t, 'int')) {
    ctx.error('type', `The condition of '${what}' must be an int; found ${typeToString(t)}.`, e.span);
  }
}

function checkReturn(ctx: CheckContext, value: Expr | null, span: AssignStmt['span']): void {
  const info = value ? checkExpr(ctx, value) : null;
  if (!ctx.fn) {
    if (value) ctx.error('control', "'return' with a value can only be used inside a function definition.", span);
    return;
  }
  const ret = ctx.fn.ret;
  if (ret.kind === 'void') {
    if (value) ctx.error('control', `The void function '${ctx.fn.name}' cannot return a value; use 'return;'.`, span);
    return;
  }
  if (!info) {
    ctx.error('control', `The function '${ctx.fn.name}' must return a value of type ${typeToString(ret)}.`, span);
    return;
  }
  if (!isError(info.type) && promotionCost(info.type, ret) < 0) {
    ctx.error('type', `The function '${ctx.fn.name}' returns ${typeToString(ret)}, but this returns ${typeToString(info.type)}.`, value!.span);
  }
}

function baseIdentifier(e: Expr): Identifier | null {
  let x: Expr = e;
  while (x && (x.kind === 'Indexed' || x.kind === 'TupleProjection' || x.kind === 'Paren')) {
    x = x.kind === 'Paren' ? x.expr : x.target;
  }
  return x && x.kind === 'Identifier' ? x : null;
}

// Whether this variable may be assigned here; reports why not.
function checkAssignable(ctx: CheckContext, id: Identifier): boolean {
  const v = ctx.scope.lookup(id.name);
  if (!v) {
    reportUnknownIdentifier(ctx, id);
    return false;
  }
  let why: string | null = null;
  if (v.kind === 'loop') why = `Cannot assign to the loop variable '${v.name}'.`;
  else if (v.kind === 'argument') why = `Cannot assign to the function argument '${v.name}'; copy it into a local variable first.`;
  else if (v.kind === 'global') {
    if (v.origin === 'data') why = `Cannot assign to the data variable '${v.name}'; data is read-only.`;
    else if (v.origin === 'parameters') why = `Cannot assign to the parameter '${v.name}': parameters get their values from the sampler. Compute derived values in transformed parameters.`;
    else if (v.origin !== ctx.block) why = `Cannot assign to '${v.name}' here: it is declared in ${v.origin} and can only be assigned in that block.`;
  }
  if (why) ctx.error('assign', why, id.span);
  return !why;
}

function checkAssign(ctx: CheckContext, s: AssignStmt): void {
  const targets = s.lhs && s.lhs.kind === 'TupleExpr' ? s.lhs.elements : [s.lhs];
  for (const t of targets) {
    const id = baseIdentifier(t);
    if (id) checkAssignable(ctx, id);
  }
  const lhs = checkExpr(ctx, s.lhs);
  if (hasNestedMultiIndex(ctx, s.lhs)) {
    ctx.error('assign', 'The left side of an assignment cannot index the result of a multi-index (as in y[idxs][1]); write the indexes in one bracket, e.g. y[idxs, 1], or assign element by element.', s.lhs.span);
    return;
  }
  const rhs = checkExpr(ctx, s.rhs);
  if (isError(lhs.type) || isError(rhs.type)) return;
  const name = baseIdentifier(s.lhs)?.name ?? 'the left side';
  if (s.op === '=') {
    if (promotionCost(rhs.type, lhs.type) < 0) {
      ctx.error('type', `Type mismatch in assignment to '${name}': it is ${typeToString(lhs.type)}, but the value is ${typeToString(rhs.type)}.`, s.rhs.span);
    }
    return;
  }
  if ((s.op === '.*=' || s.op === './=') && !isPrim(lhs.type, 'vector', 'row_vector', 'matrix')) {
    ctx.error('type', `'${s.op}' needs a vector, row_vector or matrix on the left; '${name}' is ${typeToString(lhs.type)}. Use '${s.op === '.*=' ? '*=' : '/='}' for scalars.`, s.opSpan ?? s.span);
    return;
  }
  const op = compoundAssignOperator[s.op];
  const result = applyOperator(ctx, binaryOperatorFunction[op], `compound assignment '${s.op}'`, [lhs, rhs], s.opSpan ?? s.span);
  if (!isError(result.type) && promotionCost(result.type, lhs.type) < 0) {
    ctx.error('type', `'${s.op}' would change the type of '${name}' from ${typeToString(lhs.type)} to ${typeToString(result.type)}.`, s.opSpan ?? s.span);
  }
}

// `y[idxs][1] = ...`: an inner Indexed with a multi index (range, ':' or int array) under another index.
function hasNestedMultiIndex(ctx: CheckContext, e: Expr): boolean {
  let x: Expr = e;
  let outer = true;
  while (x && (x.kind === 'Indexed' || x.kind === 'Paren')) {
    if (x.kind === 'Indexed') {
      if (!outer && x.indexes.some((ix) => ix.kind !== 'IndexSingle' || ctx.result.exprTypes.get(ix.expr)?.type.kind === 'array')) return true;
      outer = false;
      x = x.target;
    } else x = x.expr;
  }
  return false;
}
