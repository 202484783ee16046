// Expressions, by precedence climbing. Stan's precedence, loosest first (as stanc3 implements it):
//   ?: (right)  ||  &&  == !=  < <= > >=  + -  * / % .* ./  %/% \  prefix ! - +  ^ .^ (right)
//   postfix ' and indexing, tuple projection
// Prefix minus binds looser than ^ on its right: -a^b is -(a^b), and a^-b is a^(-b).
import type { BinaryOp, CallExpr, Expr, Identifier, Index, UnaryOp } from './ast';
import { numberValue, unescapeString } from './lexer';
import type { ParseContext } from './parseContext';
import { RESERVED_WORDS, type Token } from './tokens';

const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map<string, number>([
  ['||', 1],
  ['&&', 2],
  ['==', 3],
  ['!=', 3],
  ['<', 4],
  ['<=', 4],
  ['>', 4],
  ['>=', 4],
  ['+', 5],
  ['-', 5],
  ['*', 6],
  ['/', 6],
  ['%', 6],
  ['.*', 6],
  ['./', 6],
  ['%/%', 7],
  ['\\', 7],
]);

// The loosest level allowed inside `<lower=..., upper=...>`: arithmetic only, since '>' closes the list.
export const ARITHMETIC_LEVEL = 5;

// Keywords that are reserved in Stan 2.33 but were ordinary names before; accepted in expressions so a
// model that uses them gets one clear error at the declaration instead of one per use.
const SOFT_KEYWORDS = new Set(['lower', 'upper', 'offset', 'multiplier', 'array']);

export function identifierFrom(t: Token): Identifier {
  return { kind: 'Identifier', name: t.text, span: t.span };
}

// A full expression, including the conditional operator.
export function parseExpr(p: ParseContext): Expr {
  return p.nested(() => {
    const cond = parseBinary(p, 1);
    if (!p.is('?')) return cond;
    p.next();
    const then = parseExpr(p);
    p.expect(':', "Expected ':' in the conditional expression 'condition ? a : b'.");
    const otherwise = parseExpr(p);
    return { kind: 'Ternary', cond, then, else: otherwise, span: p.spanFrom(cond.span) };
  });
}

// Binary operators with precedence >= minPrec, all left-associative.
export function parseBinary(p: ParseContext, minPrec: number): Expr {
  let left = parseUnary(p);
  for (;;) {
    const t = p.peek();
    const prec = t.kind === 'punct' ? BINARY_PRECEDENCE.get(t.text) : undefined;
    if (prec === undefined || prec < minPrec) return left;
    p.next();
    const right = parseBinary(p, prec + 1); // recursion bounded by the number of precedence levels
    left = { kind: 'Binary', op: t.text as BinaryOp, opSpan: t.span, left, right, span: p.spanFrom(left.span) };
  }
}

function parseUnary(p: ParseContext): Expr {
  const t = p.peek();
  if (t.kind === 'punct' && (t.text === '-' || t.text === '!' || t.text === '+')) {
    p.next();
    const operand = p.nested(() => parseUnary(p));
    return { kind: 'Unary', op: t.text as UnaryOp, operand, span: p.spanFrom(t) };
  }
  return parsePower(p);
}

// `a ^ b` and `a .^ b`, right-associative; the exponent may carry a prefix operator.
function parsePower(p: ParseContext): Expr {
  const base = parsePostfix(p);
  const t = p.peek();
  if (t.kind === 'punct' && (t.text === '^' || t.text === '.^')) {
    p.next();
    const exponent = p.nested(() => parseUnary(p));
    return { kind: 'Binary', op: t.text as BinaryOp, opSpan: t.span, left: base, right: exponent, span: p.spanFrom(base.span) };
  }
  return base;
}

// Postfix: transpose `'`, indexing `[...]`, tuple projection `.1`.
function parsePostfix(p: ParseContext): Expr {
  let e = parsePrimary(p);
  for (;;) {
    if (p.is("'")) {
      p.next();
      e = { kind: 'Transpose', operand: e, span: p.spanFrom(e.span) };
    } else if (p.is('[')) {
      const indexes = parseIndexes(p);
      e = { kind: 'Indexed', target: e, indexes, span: p.spanFrom(e.span) };
    } else if (p.is('.') && p.peek(1).kind === 'int' && !p.peek(1).spaceBefore) {
      p.next();
      const n = p.next();
      e = { kind: 'TupleProjection', target: e, index: numberValue(n.text), span: p.spanFrom(e.span) };
    } else {
      return e;
    }
  }
}

// `[i, a:b, :, , idx]` starting at '['.
export function parseIndexes(p: ParseContext): Index[] {
  p.expect('[', "Expected '['.");
  const indexes: Index[] = [];
  for (;;) {
    const start = p.peek();
    if (p.is(',') || p.is(']')) {
      indexes.push({ kind: 'IndexAll', span: { start: start.span.start, end: start.span.start } });
    } else if (p.is(':') && (p.is(',', 1) || p.is(']', 1))) {
      p.next();
      indexes.push({ kind: 'IndexAll', span: start.span });
    } else if (p.eat(':')) {
      const upper = parseExpr(p);
      indexes.push({ kind: 'IndexRange', lower: null, upper, span: p.spanFrom(start) });
    } else {
      const e = parseExpr(p);
      if (p.eat(':')) {
        const upper = p.is(',') || p.is(']') ? null : parseExpr(p);
        indexes.push({ kind: 'IndexRange', lower: e, upper, span: p.spanFrom(start) });
      } else {
        indexes.push({ kind: 'IndexSingle', expr: e, span: e.span });
      }
    }
    if (p.eat(',')) continue;
    p.expect(']', () => `Expected ',' or ']' in the index list, found ${p.describe()}.`);
    return indexes;
  }
}

// Comma-separated expressions up to `close` (already past the opener). Allows an empty list when
// `allowEmpty`.
function parseList(p: ParseContext, close: string, what: string, allowEmpty: boolean): Expr[] {
  const items: Expr[] = [];
  if (allowEmpty && p.eat(close)) return items;
  for (;;) {
    items.push(parseExpr(p));
    if (p.eat(',')) continue;
    p.expect(close, () => `Expected ',' or '${close}' in the ${what}, found ${p.describe()}.`);
    return items;
  }
}

// `name(args)` or `name(y | args)`, at the name.
export function parseCall(p: ParseContext): CallExpr {
  const nameTok = p.next();
  const callee = identifierFrom(nameTok);
  p.expect('(', () => `Expected '(' after the function name '${nameTok.text}'.`);
  const args: Expr[] = [];
  let conditional = false;
  if (!p.eat(')')) {
    for (;;) {
      args.push(parseExpr(p));
      if (args.length === 1 && p.eat('|')) {
        conditional = true;
        if (p.eat(')')) break;
        continue;
      }
      if (p.eat(',')) continue;
      if (p.is('|')) p.fail(`Only one '|' is allowed in a call, right after the first argument of '${nameTok.text}'.`);
      p.expect(')', () => `Expected ',' or ')' in the arguments of '${nameTok.text}', found ${p.describe()}.`);
      break;
    }
  }
  return { kind: 'Call', callee, args, conditional, span: p.spanFrom(nameTok) };
}

function parsePrimary(p: ParseContext): Expr {
  const t = p.peek();
  switch (t.kind) {
    case 'int': {
      p.next();
      const value = numberValue(t.text);
      if (value > 2147483647) p.error(`Integer literal ${t.text} is too large: Stan ints are at most 2147483647. Write it as a real (${t.text}.0) if that is what you mean.`, t.span);
      return { kind: 'IntLiteral', text: t.text, value, span: t.span };
    }
    case 'real':
      p.next();
      return { kind: 'RealLiteral', text: t.text, value: numberValue(t.text), span: t.span };
    case 'imag':
      p.next();
      return { kind: 'ImagLiteral', text: t.text, value: numberValue(t.text), span: t.span };
    case 'string':
      p.next();
      p.error('A string can only be an argument of print, reject or fatal_error.', t.span);
      return { kind: 'StringLiteral', text: t.text, value: unescapeString(t.text), span: t.span };
    case 'ident':
      return parseNameOrCall(p, t);
    default:
      break;
  }
  if (p.eat('(')) {
    const first = parseExpr(p);
    if (p.eat(',')) {
      // `(x,)` is a one-element tuple.
      const rest = p.eat(')') ? [] : parseList(p, ')', 'tuple expression', false);
      return { kind: 'TupleExpr', elements: [first, ...rest], span: p.spanFrom(t) };
    }
    p.expect(')', () => `Expected ')' to close the '(' at line ${t.span.start.line}, column ${t.span.start.col}, found ${p.describe()}.`);
    return { kind: 'Paren', expr: first, span: p.spanFrom(t) };
  }
  if (p.eat('{')) {
    const elements = parseList(p, '}', 'array expression', false);
    return { kind: 'ArrayExpr', elements, span: p.spanFrom(t) };
  }
  if (p.eat('[')) {
    const elements = parseList(p, ']', 'row vector expression', true);
    return { kind: 'RowVectorExpr', elements, span: p.spanFrom(t) };
  }
  return p.fail(expectedExpression(p));
}

function parseNameOrCall(p: ParseContext, t: Token): Expr {
  const name = t.text;
  if (p.is('(', 1)) {
    if (RESERVED_WORDS.has(name) && name !== 'target') p.fail(expectedExpression(p));
    const call = parseCall(p);
    return rewriteRemovedCall(p, call);
  }
  if (RESERVED_WORDS.has(name) && !SOFT_KEYWORDS.has(name)) {
    if (name === 'target') p.fail("'target' can only be used as 'target += ...' or read as 'target()'.", t.span);
    p.fail(expectedExpression(p));
  }
  p.next();
  return identifierFrom(t);
}

// Calls removed from the language get a clear error and are rewritten to their replacement so that
// checking can continue without follow-on errors.
function rewriteRemovedCall(p: ParseContext, call: CallExpr): Expr {
  const name = call.callee.name;
  if (name === 'get_lp' && call.args.length === 0) {
    p.error("get_lp() was removed in Stan 2.33; use target() instead.", call.span);
    return { ...call, callee: { ...call.callee, name: 'target' } };
  }
  if (name === 'if_else' && call.args.length === 3) {
    p.error('if_else(c, a, b) was removed in Stan 2.33; use the conditional operator c ? a : b instead.', call.span);
    return { kind: 'Ternary', cond: call.args[0], then: call.args[1], else: call.args[2], span: call.span };
  }
  return call;
}

function expectedExpression(p: ParseContext): string {
  const prev = p.position > 0 ? p.previous() : null;
  const found = p.describe();
  if (prev && prev.kind === 'punct' && !')]}'.includes(prev.text)) {
    return `Expected an expression after '${prev.text}', found ${found}.`;
  }
  return `Expected an expression, found ${found}.`;
}
