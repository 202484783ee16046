// Statements that start with an expression: assignment (and the removed `<-`), `~` with truncation,
// function-call statements; plus the shared statement-ending ';' helper.
import type { AssignOp, Expr, Stmt, Truncation } from './ast';
import { closest, editDistance, type ParseContext } from './parseContext';
import { isSizedBaseType } from './parseDecl';
import { parseBinary, parseCall, parseExpr } from './parseExpr';
import type { Span } from './span';
import type { Token } from './tokens';
import { PRIM_NAMES } from './types';

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '.*=', './=']);
// What an unknown type name is compared with for a suggestion: the unconstrained types, the constrained
// ones a declaration may use, and array.
const TYPE_NAMES = [
  ...PRIM_NAMES,
  'simplex',
  'ordered',
  'positive_ordered',
  'unit_vector',
  'cov_matrix',
  'corr_matrix',
  'cholesky_factor_corr',
  'cholesky_factor_cov',
  'array',
];

export function semicolon(p: ParseContext, after: string): void {
  p.expectSemicolon(() => `Expected ';' after ${after}, found ${p.describe()}.`);
}

// `x[i].1 <- e` ahead? (an identifier, indexes and projections, then '<' immediately followed by '-')
export function arrowAssignmentAhead(p: ParseContext): boolean {
  let k = 1;
  for (;;) {
    if (p.is('[', k)) {
      let depth = 0;
      for (;;) {
        const t = p.peek(k);
        if (t.kind === 'eof') return false;
        k++;
        if (t.kind === 'punct' && t.text === '[') depth++;
        if (t.kind === 'punct' && t.text === ']' && --depth === 0) break;
      }
    } else if (p.is('.', k) && p.peek(k + 1).kind === 'int') {
      k += 2;
    } else {
      break;
    }
  }
  return p.is('<', k) && p.is('-', k + 1) && !p.peek(k + 1).spaceBefore;
}

export function parseArrowAssignment(p: ParseContext, t: Token): Stmt {
  const lhs = parseBinary(p, 100); // a postfix expression: no binary operator binds this tightly
  const lt = p.next();
  const minus = p.next();
  p.error("The '<-' assignment operator was removed in Stan 2.33; use '=' instead.", { start: lt.span.start, end: minus.span.end });
  const rhs = parseExpr(p);
  semicolon(p, 'the assignment');
  return { kind: 'Assign', lhs, op: '=', opSpan: { start: lt.span.start, end: minus.span.end }, rhs, span: p.spanFrom(t) };
}

// A variable, possibly indexed or projected (`x`, `x[i, j]`, `x.1[2]`), or at the top level a tuple of
// those (`(a, b) = f();`).
function isLValue(e: Expr, top = true): boolean {
  switch (e.kind) {
    case 'Identifier':
      return true;
    case 'Indexed':
    case 'TupleProjection':
      return isLValue(e.target, false);
    case 'TupleExpr':
      return top && e.elements.every((x) => isLValue(x, true));
    default:
      return false;
  }
}

// `y[:][1] = ...`: only the last index list of an assigned variable may contain ranges (stanc3 rule).
function checkNestedMultiIndex(p: ParseContext, lhs: Expr): void {
  let e: Expr = lhs;
  let outermost = true;
  while (e.kind === 'Indexed' || e.kind === 'TupleProjection') {
    if (e.kind === 'Indexed' && !outermost && e.indexes.some((i) => i.kind !== 'IndexSingle')) {
      p.error('Nested multi-indexing on the left of an assignment is not allowed: write the indexes in one list, as in y[:, 1].', e.span);
      return;
    }
    outermost = false;
    e = e.target;
  }
}

export function parseExprStatement(p: ParseContext, t: Token): Stmt {
  const e = parseExpr(p);
  const next = p.peek();
  if (p.is('~')) {
    p.next();
    const distTok = p.peek();
    if (distTok.kind !== 'ident' || !p.is('(', 1)) {
      p.fail(`Expected a distribution after '~', as in 'y ~ normal(mu, sigma)', found ${p.describe()}.`);
    }
    const call = parseCall(p);
    if (call.conditional) p.error("A '~' statement takes no '|': write 'y ~ dist(a, b)'.", call.span);
    const truncation = p.isWord('T') && p.is('[', 1) ? parseTruncation(p) : null;
    semicolon(p, `the '~ ${call.callee.name}(...)' statement`);
    return { kind: 'Tilde', lhs: e, distribution: call.callee, args: call.args, truncation, span: p.spanFrom(t) };
  }
  if (next.kind === 'punct' && ASSIGN_OPS.has(next.text)) {
    p.next();
    if (!isLValue(e)) {
      p.error('The left side of an assignment must be a variable, possibly indexed.', e.span);
    } else {
      checkNestedMultiIndex(p, e);
    }
    const rhs = parseExpr(p);
    const target = lvalueName(e);
    semicolon(p, target ? `the assignment to '${target}'` : 'the assignment');
    return { kind: 'Assign', lhs: e, op: next.text as AssignOp, opSpan: next.span, rhs, span: p.spanFrom(t) };
  }
  if (p.is(';')) {
    p.next();
    if (e.kind !== 'Call') {
      p.error('This expression is not a statement: only function calls can stand alone. Did you mean to assign it with \'=\'?', e.span);
    }
    return { kind: 'ExprStmt', expr: e, span: p.spanFrom(t) };
  }
  // `reall x;`: a misspelt type name reads as an expression followed by a name.
  const head = e.kind === 'Indexed' ? e.target : e;
  if (head.kind === 'Identifier' && next.kind === 'ident' && !isSizedBaseType(head.name)) {
    failUnknownType(p, head.name, head.span);
  }
  const desc = e.kind === 'Call' ? `the call to '${e.callee.name}'` : 'the expression';
  return p.fail(`Expected ';', '=' or '~' after ${desc}, found ${p.describe()}.`);
}

function lvalueName(e: Expr): string | null {
  if (e.kind === 'Identifier') return e.name;
  if (e.kind === 'Indexed' || e.kind === 'TupleProjection') return lvalueName(e.target);
  return null;
}

// `T[lower, upper]` with either bound optional, at 'T'.
function parseTruncation(p: ParseContext): Truncation {
  const tTok = p.next();
  p.next(); // '['
  const lower = p.is(',') ? null : parseExpr(p);
  p.expect(',', () => `Expected ',' in the truncation 'T[lower, upper]' (either bound may be empty), found ${p.describe()}.`);
  const upper = p.is(']') ? null : parseExpr(p);
  p.expect(']', () => `Expected ']' to close the truncation, found ${p.describe()}.`);
  return { kind: 'Truncation', lower, upper, span: p.spanFrom(tTok) };
}

const STATEMENT_KEYWORDS = ['return', 'print', 'reject', 'fatal_error', 'for', 'while', 'if', 'else', 'break', 'continue', 'target', 'profile'];

// `reall x;` or `retrun x;`: a word followed by a name. Suggest the closest type or statement keyword.
export function failUnknownType(p: ParseContext, name: string, span: Span): never {
  const keyword = closest(name, STATEMENT_KEYWORDS);
  const type = closest(name, TYPE_NAMES);
  if (keyword && (!type || editDistance(name, keyword) < editDistance(name, type))) {
    return p.fail(`Unexpected '${name}' before a name. Did you mean '${keyword}'?`, span);
  }
  return p.fail(`Unknown type '${name}'${type ? `. Did you mean '${type}'?` : '.'}`, span);
}
