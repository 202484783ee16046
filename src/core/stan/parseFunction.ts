// User-defined function definitions and forward declarations, and unsized types.
import type { FunArg, FunctionDef, UnsizedBaseType, UnsizedType } from './ast';
import { closest, type ParseContext, SyntaxBail } from './parseContext';
import type { DeclContext } from './parseDecl';
import { identifierFrom } from './parseExpr';
import { parseBlock } from './parseStmt';
import { RESERVED_WORDS, UNCONSTRAINED_BASE_TYPES } from './tokens';

const FUNCTION_BODY: DeclContext = { topLevel: false, blockName: 'functions', allowInit: true };

// `real foo(data real x, array[] vector y) { ... }` or `... ;` (forward declaration).
export function parseFunctionDef(p: ParseContext): FunctionDef {
  const start = p.peek();
  const returnType = p.isWord('void') ? voidType(p) : parseUnsizedType(p, 'a return type');
  const nameTok = p.peek();
  if (nameTok.kind !== 'ident') p.fail(`Expected a function name after the return type, found ${p.describe()}.`);
  p.next();
  if (RESERVED_WORDS.has(nameTok.text)) {
    p.error(`'${nameTok.text}' is a reserved word in Stan and cannot be used as a function name.`, nameTok.span, 'reserved');
  }
  p.expect('(', () => `Expected '(' after the function name '${nameTok.text}', found ${p.describe()}.`);
  const args: FunArg[] = [];
  if (!p.eat(')')) {
    for (;;) {
      try {
        args.push(parseFunArg(p));
      } catch (e) {
        // A broken argument: skip to the next ',' or ')' and keep the function (so that its calls
        // elsewhere are not reported as undefined).
        if (!(e instanceof SyntaxBail)) throw e;
        while (!p.atEof && !p.is(',') && !p.is(')') && !p.is('{') && !p.is(';') && !p.is('}')) p.next();
        if (!p.is(',') && !p.is(')')) throw e;
      }
      if (p.eat(',')) continue;
      p.expect(')', () => `Expected ',' or ')' in the arguments of '${nameTok.text}', found ${p.describe()}.`);
      break;
    }
  }
  let body = null;
  if (p.eat(';')) {
    body = null;
  } else if (p.is('{')) {
    body = parseBlock(p, FUNCTION_BODY);
  } else {
    p.fail(`Expected '{' to start the body of '${nameTok.text}' (or ';' for a forward declaration), found ${p.describe()}.`);
  }
  return { kind: 'FunctionDef', returnType, name: identifierFrom(nameTok), args, body, span: p.spanFrom(start) };
}

function parseFunArg(p: ParseContext): FunArg {
  const argStart = p.peek();
  const dataOnly = p.isWord('data') && !p.is(',', 1) && !p.is(')', 1) ? (p.next(), true) : false;
  const type = parseUnsizedType(p, 'an argument type');
  const argTok = p.peek();
  if (argTok.kind !== 'ident') p.fail(`Expected an argument name after its type, found ${p.describe()}.`);
  p.next();
  if (RESERVED_WORDS.has(argTok.text)) {
    p.error(`'${argTok.text}' is a reserved word in Stan and cannot be used as an argument name.`, argTok.span, 'reserved');
  }
  return { kind: 'FunArg', dataOnly, type, name: identifierFrom(argTok), span: p.spanFrom(argStart) };
}

function voidType(p: ParseContext): UnsizedType {
  const t = p.next();
  return { kind: 'UnsizedType', base: 'void', arrayDims: 0, arraySyntax: 'none', span: t.span };
}

// `[,,]` -> 3, at '['.
function unsizedDims(p: ParseContext): number {
  p.next();
  let n = 1;
  while (p.eat(',')) n++;
  if (!p.is(']') && p.peek().kind !== 'eof') {
    p.fail(`Function argument and return types have no sizes: write '[]' (or '[,]' for two dimensions), found ${p.describe()}.`);
  }
  p.expect(']', "Expected ']'.");
  return n;
}

export function parseUnsizedType(p: ParseContext, what: string): UnsizedType {
  return p.nested(() => {
    const start = p.peek();
    let arrayDims = 0;
    if (p.isWord('array')) {
      p.next();
      if (!p.is('[')) p.fail("Expected '[' after 'array' (as in 'array[] real').");
      arrayDims = unsizedDims(p);
    }
    const baseTok = p.peek();
    if (baseTok.kind !== 'ident' || !UNCONSTRAINED_BASE_TYPES.has(baseTok.text)) {
      const constrained = baseTok.kind === 'ident' && /^(simplex|ordered|positive_ordered|unit_vector|cov_matrix|corr_matrix|cholesky_factor_c(ov|orr)|sum_to_zero_vector)$/.test(baseTok.text);
      const guess = baseTok.kind === 'ident' && !constrained ? closest(baseTok.text, [...UNCONSTRAINED_BASE_TYPES, 'array']) : null;
      if (guess) p.fail(`Unknown type '${baseTok.text}'. Did you mean '${guess}'?`);
      p.fail(
        constrained
          ? `Function argument and return types cannot be constrained types like '${baseTok.text}'; use 'vector' or 'matrix'.`
          : `Expected ${what} (such as 'real', 'vector' or 'array[] int'), found ${p.describe()}.`,
      );
    }
    p.next();
    const base = baseTok.text as UnsizedBaseType;
    let tupleElements: UnsizedType[] | undefined;
    if (base === 'tuple') {
      p.expect('(', "Expected '(' after 'tuple'.");
      tupleElements = [];
      do {
        tupleElements.push(parseUnsizedType(p, 'a tuple element type'));
      } while (p.eat(',') && !p.is(')'));
      if (tupleElements.length === 1 && p.previous().text !== ',') {
        p.error("A tuple type with one element needs a trailing comma, as in 'tuple(real,)'.", p.spanFrom(baseTok));
      }
      p.expect(')', () => `Expected ',' or ')' in the tuple type, found ${p.describe()}.`);
    }
    if (p.is('<')) {
      p.fail("Function argument and return types cannot have constraints such as '<lower=...>'.");
    }
    let arraySyntax: UnsizedType['arraySyntax'] = arrayDims > 0 ? 'new' : 'none';
    if (p.is('[') && arrayDims === 0) {
      arrayDims = unsizedDims(p);
      arraySyntax = 'old';
      const brackets = `[${','.repeat(arrayDims - 1)}]`;
      p.warn(
        `The array type '${baseTok.text}${brackets}' was removed in Stan 2.33; write 'array${brackets} ${baseTok.text}' instead.`,
        p.spanFrom(baseTok),
      );
    }
    const t: UnsizedType = { kind: 'UnsizedType', base, arrayDims, arraySyntax, span: p.spanFrom(start) };
    if (tupleElements) t.tupleElements = tupleElements;
    return t;
  });
}
