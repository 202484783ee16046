// Variable declarations and their types, in both array syntaxes:
//   array[N, M] vector<lower=0>[K] y = ..., z;     (current)
//   vector<lower=0>[K] y[N, M];                     (removed in Stan 2.33: accepted with a warning)
import type { Bounds, DeclType, Expr, Identifier, SizedBaseType, VarDecl } from './ast';
import { type ParseContext, SyntaxBail } from './parseContext';
import { ARITHMETIC_LEVEL, identifierFrom, parseBinary, parseExpr } from './parseExpr';
import type { Span } from './span';
import { RESERVED_WORDS, UNCONSTRAINED_BASE_TYPES, type Token } from './tokens';

// How many sizes each base type takes in brackets: [min, max].
const SIZE_COUNTS: Readonly<Record<SizedBaseType, [number, number]>> = {
  int: [0, 0],
  real: [0, 0],
  complex: [0, 0],
  vector: [1, 1],
  row_vector: [1, 1],
  matrix: [2, 2],
  complex_vector: [1, 1],
  complex_row_vector: [1, 1],
  complex_matrix: [2, 2],
  simplex: [1, 1],
  unit_vector: [1, 1],
  sum_to_zero_vector: [1, 1],
  sum_to_zero_matrix: [2, 2],
  ordered: [1, 1],
  positive_ordered: [1, 1],
  cholesky_factor_corr: [1, 1],
  cholesky_factor_cov: [1, 2],
  corr_matrix: [1, 1],
  cov_matrix: [1, 1],
  column_stochastic_matrix: [2, 2],
  row_stochastic_matrix: [2, 2],
  tuple: [0, 0],
};

// Types that may carry <lower, upper> (and, except int, <offset, multiplier>).
const BOUNDABLE = new Set<SizedBaseType>(['int', 'real', 'vector', 'row_vector', 'matrix']);

export function isSizedBaseType(word: string): word is SizedBaseType {
  return Object.prototype.hasOwnProperty.call(SIZE_COUNTS, word);
}

// Does a declaration start here? (`array[`, `tuple(`, or a type name not followed by '(').
export function atDeclaration(p: ParseContext): boolean {
  const t = p.peek();
  if (t.kind !== 'ident') return false;
  if (t.text === 'array') return p.is('[', 1);
  if (t.text === 'tuple') return p.is('(', 1);
  return isSizedBaseType(t.text) && !p.is('(', 1);
}

export interface DeclContext {
  // True at the top level of data, transformed data, parameters, transformed parameters and
  // generated quantities, where constrained types are allowed.
  topLevel: boolean;
  // Name of the enclosing block for messages, e.g. 'data'.
  blockName: string;
  // False in data and parameters: values come from outside, so `= value` is an error.
  allowInit: boolean;
}

// One declaration statement, possibly declaring several variables (`real a, b = 2;`).
export function parseDeclaration(p: ParseContext, ctx: DeclContext): VarDecl[] {
  const start = p.peek();
  const type = parseDeclType(p, ctx, true);
  const decls: VarDecl[] = [];
  for (;;) {
    const name = parseDeclName(p, type);
    let declType = type;
    let init: Expr | null = null;
    const declStart = decls.length === 0 ? start : name.span;
    try {
      if (p.is('[')) {
        declType = parseOldArrayDims(p, type, name);
      }
      if (p.is('=')) {
        const eq = p.next();
        init = parseExpr(p);
        if (!ctx.allowInit) {
          p.error(`Variables in the ${ctx.blockName} block cannot be given a value: '${name.name}' is read from ${ctx.blockName === 'data' ? 'the data' : 'the sampler'}.`, { start: eq.span.start, end: init.span.end }, 'block');
        }
      }
    } catch (e) {
      // The name is known: keep the variable (without its value) so later uses of it are not reported
      // as undeclared, then skip the rest of the statement.
      if (!(e instanceof SyntaxBail)) throw e;
      decls.push({ kind: 'VarDecl', type: declType, name, init: null, span: p.spanFrom(declStart) });
      p.synchronize();
      return decls;
    }
    decls.push({ kind: 'VarDecl', type: declType, name, init, span: p.spanFrom(declStart) });
    if (p.eat(',')) {
      if (declType.arraySyntax === 'old') p.fail('Only one variable can be declared in a declaration with the old array syntax.');
      continue;
    }
    if (p.is('<') && p.is('-', 1) && !p.peek(1).spaceBefore) {
      p.fail("The '<-' assignment operator was removed in Stan 2.33; use '=' instead.", { start: p.peek().span.start, end: p.peek(1).span.end });
    }
    p.expectSemicolon(() => `Expected ';' after the declaration of '${name.name}', found ${p.describe()}.`);
    return decls;
  }
}

function parseDeclName(p: ParseContext, type: DeclType): Identifier {
  const t = p.peek();
  if (t.kind !== 'ident') {
    p.fail(`Expected a variable name after the type '${typeText(p, type)}', found ${p.describe()}.`);
  }
  p.next();
  if (RESERVED_WORDS.has(t.text)) {
    p.error(`'${t.text}' is a reserved word in Stan and cannot be used as a variable name.`, t.span, 'reserved');
  } else if (t.text === 'jacobian') {
    p.warn("'jacobian' is reserved from Stan 2.36 on (for 'jacobian += ...'); rename this variable.", t.span);
  }
  return identifierFrom(t);
}

// `real y[N, M]` after the name: the removed syntax; accepted, with a warning showing the new form.
function parseOldArrayDims(p: ParseContext, type: DeclType, name: Identifier): DeclType {
  const open = p.next();
  const dims = parseExprList(p, ']', 'array dimensions');
  const span: Span = p.spanFrom(open);
  if (type.arrayDims.length > 0) {
    p.error(`'${name.name}' has array dimensions both before the type and after the name; use only 'array[...]'.`, span);
    return type;
  }
  const dimsText = p.source.slice(open.span.end.offset, span.end.offset - 1).trim();
  p.warn(
    `Declaring arrays as '${typeText(p, type)} ${name.name}[${dimsText}]' was removed in Stan 2.33; write 'array[${dimsText}] ${typeText(p, type)} ${name.name}' instead.`,
    { start: name.span.start, end: span.end },
  );
  return { ...type, arrayDims: dims, arraySyntax: 'old' };
}

function typeText(p: ParseContext, type: DeclType): string {
  return p.source.slice(type.span.start.offset, type.span.end.offset).replace(/\s+/g, ' ');
}

// A sized type with optional `array[...]` prefix. `outer` is false inside tuple(...).
export function parseDeclType(p: ParseContext, ctx: DeclContext, outer: boolean): DeclType {
  return p.nested(() => {
    const start = p.peek();
    let arrayDims: Expr[] = [];
    if (p.isWord('array')) {
      p.next();
      p.expect('[', "Expected '[' after 'array' (as in 'array[N] real y').");
      arrayDims = parseExprList(p, ']', 'array dimensions');
    }
    const baseTok = p.peek();
    if (baseTok.kind !== 'ident' || !isSizedBaseType(baseTok.text)) {
      p.fail(`Expected a type name (such as 'real' or 'vector[N]'), found ${p.describe()}.`);
    }
    p.next();
    const base = baseTok.text as SizedBaseType;
    const typeStart = arrayDims.length > 0 ? start : baseTok;
    let tupleElements: DeclType[] | undefined;
    let bounds: Bounds | null = null;
    const sizes: Expr[] = [];
    if (base === 'tuple') {
      p.expect('(', "Expected '(' after 'tuple'.");
      tupleElements = [];
      do {
        tupleElements.push(parseDeclType(p, ctx, false));
      } while (p.eat(',') && !p.is(')'));
      if (tupleElements.length === 1 && p.previous().text !== ',') {
        p.error("A tuple type with one element needs a trailing comma, as in 'tuple(real,)'.", p.spanFrom(baseTok));
      } // `tuple(real,)` is a one-element tuple
      p.expect(')', () => `Expected ',' or ')' in the tuple type, found ${p.describe()}.`);
    } else {
      if (p.is('<')) bounds = parseBounds(p, base);
      const [minSizes, maxSizes] = SIZE_COUNTS[base];
      if (maxSizes > 0) {
        p.expect('[', () => `Expected '[' and the size of the ${base} after '${base}'.`);
        sizes.push(...parseExprList(p, ']', `sizes of the ${base}`));
        if (sizes.length < minSizes || sizes.length > maxSizes) {
          const want = minSizes === maxSizes ? `${minSizes}` : `${minSizes} or ${maxSizes}`;
          p.error(`A ${base} takes ${want} size${maxSizes > 1 ? 's' : ''} in brackets, but ${sizes.length} ${sizes.length === 1 ? 'was' : 'were'} given.`, p.spanFrom(baseTok));
        }
      }
    }
    const span = p.spanFrom(typeStart);
    const constrained = bounds !== null || !UNCONSTRAINED_BASE_TYPES.has(base);
    if (outer && constrained && !ctx.topLevel) {
      p.error(`Local variables cannot have constrained types such as '${p.source.slice(baseTok.span.start.offset, span.end.offset)}'; constraints are only allowed on variables declared at the top level of a program block other than model.`, span, 'block');
    }
    const decl: DeclType = {
      kind: 'DeclType',
      base,
      sizes,
      bounds,
      arrayDims,
      arraySyntax: arrayDims.length > 0 ? 'new' : 'none',
      span,
    };
    if (tupleElements) decl.tupleElements = tupleElements;
    return decl;
  });
}

// `<lower=a, upper=b>` or `<offset=o, multiplier=m>`, at '<'.
function parseBounds(p: ParseContext, base: SizedBaseType): Bounds {
  const open = p.next();
  const bounds: Bounds = { kind: 'Bounds', lower: null, upper: null, offset: null, multiplier: null, span: open.span };
  if (!BOUNDABLE.has(base)) {
    p.error(`The type '${base}' cannot have bounds or an offset/multiplier.`, open.span);
  }
  let sawRange = false;
  let sawAffine = false;
  for (;;) {
    const key: Token = p.peek();
    if (key.kind !== 'ident' || !['lower', 'upper', 'offset', 'multiplier'].includes(key.text)) {
      p.fail(`Expected 'lower', 'upper', 'offset' or 'multiplier' in the constraint of the ${base}, found ${p.describe()}.`);
    }
    p.next();
    p.expect('=', () => `Expected '=' after '${key.text}'.`);
    const value = parseBinary(p, ARITHMETIC_LEVEL);
    const k = key.text as 'lower' | 'upper' | 'offset' | 'multiplier';
    if (bounds[k] !== null) p.error(`'${k}' is given twice.`, key.span);
    bounds[k] = value;
    if (k === 'lower' || k === 'upper') sawRange = true;
    else sawAffine = true;
    if (sawRange && sawAffine) {
      p.error('A type cannot have both lower/upper bounds and an offset/multiplier.', key.span);
    }
    if (sawAffine && base === 'int') p.error("An int cannot have an offset or multiplier.", key.span);
    if (p.eat(',')) continue;
    if (p.is('>=')) {
      p.fail("Write a space between '>' and '=': '>=' is read as one operator here.");
    }
    p.expect('>', () => `Expected ',' or '>' to close the constraint of the ${base}, found ${p.describe()}.`);
    bounds.span = p.spanFrom(open);
    return bounds;
  }
}

function parseExprList(p: ParseContext, close: string, what: string): Expr[] {
  const items: Expr[] = [];
  for (;;) {
    items.push(parseExpr(p));
    if (p.eat(',')) continue;
    p.expect(close, () => `Expected ',' or '${close}' in the ${what}, found ${p.describe()}.`);
    return items;
  }
}
