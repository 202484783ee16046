// Statements, statement lists with error recovery, and braced blocks.
import type { BlockStmt, Expr, Stmt } from './ast';
import { type ParseContext, SyntaxBail } from './parseContext';
import { atDeclaration, type DeclContext, parseDeclaration } from './parseDecl';
import { identifierFrom, parseCall, parseExpr } from './parseExpr';
import { arrowAssignmentAhead, failUnknownType, parseArrowAssignment, parseExprStatement, semicolon } from './parseSimpleStmt';
import { unescapeString } from './lexer';
import type { Token } from './tokens';

// Inside a nested `{}` or a control-flow body, declarations are local.
const local = (ctx: DeclContext): DeclContext => ({ ...ctx, topLevel: false, allowInit: true });

// Does a program block header start here (`model {`, `transformed data {`, ...)? Used to stop a
// statement list whose closing '}' is missing.
export function atBlockHeader(p: ParseContext): boolean {
  const t = p.peek();
  if (t.kind !== 'ident') return false;
  switch (t.text) {
    case 'functions':
    case 'data':
    case 'parameters':
    case 'model':
      return p.is('{', 1);
    case 'transformed':
      return (p.isWord('data', 1) || p.isWord('parameters', 1)) && p.is('{', 2);
    case 'generated':
      return p.isWord('quantities', 1) && p.is('{', 2);
    default:
      return false;
  }
}

// Statements up to (not including) '}', the end of the file, or a block header. Recovers from errors
// statement by statement.
export function parseStatements(p: ParseContext, ctx: DeclContext): Stmt[] {
  const out: Stmt[] = [];
  while (!p.atEof && !p.is('}') && !atBlockHeader(p)) {
    const before = p.position;
    try {
      out.push(...parseStatement(p, ctx));
    } catch (e) {
      if (!(e instanceof SyntaxBail)) throw e;
      p.synchronize();
    }
    if (p.position === before) p.next(); // always make progress
  }
  return out;
}

// `{ statements }`, at the '{'.
export function parseBlock(p: ParseContext, ctx: DeclContext): BlockStmt {
  const open = p.expect('{', () => `Expected '{', found ${p.describe()}.`);
  const statements = parseStatements(p, local(ctx));
  closeBrace(p, open, 'block');
  return { kind: 'Block', statements, span: p.spanFrom(open) };
}

// Consume the '}' matching `open`, or report it missing (without bailing: the contents are kept).
export function closeBrace(p: ParseContext, open: Token, what: string): void {
  if (p.eat('}')) return;
  p.error(
    `Expected '}' to close the ${what} opened at line ${open.span.start.line}, column ${open.span.start.col}, found ${p.describe()}.`,
    p.errorSpan(),
  );
}

// One statement; a declaration of several variables gives several VarDecls.
export function parseStatement(p: ParseContext, ctx: DeclContext): Stmt[] {
  return p.nested(() => {
    if (atDeclaration(p)) return parseDeclaration(p, ctx);
    return [parseNonDeclStatement(p, ctx)];
  });
}

// The body of if/for/while. A declaration there is legal but only lives in the body (stanc3 accepts
// it); it is wrapped in a block so its scope is explicit.
function parseBody(p: ParseContext, ctx: DeclContext): Stmt {
  const start = p.peek();
  if (atDeclaration(p)) {
    const decls = p.nested(() => parseDeclaration(p, local(ctx)));
    return { kind: 'Block', statements: decls, span: p.spanFrom(start) };
  }
  return p.nested(() => parseNonDeclStatement(p, local(ctx)));
}

function parseNonDeclStatement(p: ParseContext, ctx: DeclContext): Stmt {
  const t = p.peek();
  if (p.is('{') && !arrayExpressionStatementAhead(p)) return parseBlock(p, ctx);
  if (p.is(';')) {
    p.next();
    return { kind: 'Empty', span: t.span };
  }
  if (t.kind === 'ident') {
    switch (t.text) {
      case 'if': {
        p.next();
        p.expect('(', "Expected '(' after 'if'.");
        const cond = parseExpr(p);
        p.expect(')', () => `Expected ')' after the condition of 'if', found ${p.describe()}.`);
        const then = parseBody(p, ctx);
        const otherwise = p.eatWord('else') ? parseBody(p, ctx) : null;
        return { kind: 'If', cond, then, else: otherwise, span: p.spanFrom(t) };
      }
      case 'while': {
        p.next();
        p.expect('(', "Expected '(' after 'while'.");
        const cond = parseExpr(p);
        p.expect(')', () => `Expected ')' after the condition of 'while', found ${p.describe()}.`);
        const body = parseBody(p, ctx);
        return { kind: 'While', cond, body, span: p.spanFrom(t) };
      }
      case 'for':
        return parseFor(p, ctx, t);
      case 'break':
      case 'continue':
        p.next();
        semicolon(p, `'${t.text}'`);
        return { kind: t.text === 'break' ? 'Break' : 'Continue', span: p.spanFrom(t) };
      case 'return': {
        p.next();
        const value = p.is(';') ? null : parseExpr(p);
        semicolon(p, 'the return statement');
        return { kind: 'Return', value, span: p.spanFrom(t) };
      }
      case 'print':
      case 'reject':
      case 'fatal_error': {
        p.next();
        p.expect('(', () => `Expected '(' after '${t.text}'.`);
        const args = parsePrintables(p, t.text);
        semicolon(p, `${t.text}(...)`);
        const kind = t.text === 'print' ? 'Print' : t.text === 'reject' ? 'Reject' : 'FatalError';
        return { kind, args, span: p.spanFrom(t) };
      }
      case 'profile': {
        p.next();
        p.expect('(', "Expected '(' after 'profile'.");
        const nameTok = p.peek();
        if (nameTok.kind !== 'string') p.fail(`Expected a string naming the profile, as in profile("likelihood"), found ${p.describe()}.`);
        p.next();
        p.expect(')', "Expected ')' after the profile name.");
        const body = parseBlock(p, ctx);
        const name = { kind: 'StringLiteral' as const, text: nameTok.text, value: unescapeString(nameTok.text), span: nameTok.span };
        return { kind: 'Profile', name, body, span: p.spanFrom(t) };
      }
      case 'target':
        if (p.is('+=', 1)) {
          p.next();
          p.next();
          const expr = parseExpr(p);
          semicolon(p, "'target += ...'");
          return { kind: 'TargetPlus', expr, span: p.spanFrom(t) };
        }
        break;
      case 'jacobian':
        if (p.is('+=', 1)) {
          p.next();
          p.next();
          const expr = parseExpr(p);
          semicolon(p, "'jacobian += ...'");
          return { kind: 'JacobianPlus', expr, span: p.spanFrom(t) };
        }
        break;
      case 'increment_log_prob':
        if (p.is('(', 1)) {
          const call = parseCall(p);
          p.error('increment_log_prob(...) was removed in Stan 2.33; use target += ... instead.', call.span);
          semicolon(p, 'the statement');
          const expr: Expr = call.args[0] ?? { kind: 'IntLiteral', text: '0', value: 0, span: call.span };
          return { kind: 'TargetPlus', expr, span: p.spanFrom(t) };
        }
        break;
      case 'else':
        p.fail("'else' without a matching 'if'.", t.span);
        break;
      default:
        break;
    }
    if (arrowAssignmentAhead(p)) return parseArrowAssignment(p, t);
    // `reall<lower=0> x;`: a misspelt type with a constraint would otherwise read as a comparison.
    if (p.is('<', 1) && p.peek(2).kind === 'ident' && ['lower', 'upper', 'offset', 'multiplier'].includes(p.peek(2).text) && p.is('=', 3)) {
      failUnknownType(p, t.text, t.span);
    }
  }
  return parseExprStatement(p, t);
}

// `{5.5, 6.5} ~ normal(z, 1);`: a statement starting with '{' is a block unless the braces hold an
// array expression followed by '~'.
function arrayExpressionStatementAhead(p: ParseContext): boolean {
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = p.peek(k);
    if (t.kind === 'eof') return false;
    if (t.kind !== 'punct') continue;
    if (t.text === ';') return false; // a statement inside: a block (array expressions hold no ';')
    if (t.text === '{') depth++;
    else if (t.text === '}' && --depth === 0) return p.is('~', k + 1);
  }
}

function parseFor(p: ParseContext, ctx: DeclContext, t: Token): Stmt {
  p.next();
  p.expect('(', "Expected '(' after 'for'.");
  const v = p.peek();
  if (v.kind !== 'ident') p.fail(`Expected a loop variable name after 'for (', found ${p.describe()}.`);
  p.next();
  const variable = identifierFrom(v);
  if (!p.eatWord('in')) p.fail(`Expected 'in' after the loop variable '${v.text}', as in 'for (${v.text} in 1:N)'.`);
  const first = parseExpr(p);
  if (p.eat(':')) {
    const upper = parseExpr(p);
    p.expect(')', () => `Expected ')' after the range of the for loop, found ${p.describe()}.`);
    const body = parseBody(p, ctx);
    return { kind: 'For', variable, lower: first, upper, body, span: p.spanFrom(t) };
  }
  p.expect(')', () => `Expected ':' or ')' after '${p.source.slice(first.span.start.offset, first.span.end.offset)}' in the for loop, found ${p.describe()}.`);
  const body = parseBody(p, ctx);
  return { kind: 'ForEach', variable, iterable: first, body, span: p.spanFrom(t) };
}

// Arguments of print/reject/fatal_error: strings or expressions; at least one.
function parsePrintables(p: ParseContext, what: string): Expr[] {
  const args: Expr[] = [];
  if (p.is(')')) p.fail(`${what}(...) needs at least one argument.`);
  for (;;) {
    const t = p.peek();
    if (t.kind === 'string') {
      p.next();
      args.push({ kind: 'StringLiteral', text: t.text, value: unescapeString(t.text), span: t.span });
    } else {
      args.push(parseExpr(p));
    }
    if (p.eat(',')) continue;
    p.expect(')', () => `Expected ',' or ')' in the arguments of ${what}, found ${p.describe()}.`);
    return args;
  }
}
