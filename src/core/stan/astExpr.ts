// Expressions (part of the Stan AST: see ast.ts).
import type { Span } from './span';
import type { Identifier } from './ast';

// ---------------------------------------------------------------------------------------------------
// Expressions

export interface IntLiteral {
  kind: 'IntLiteral';
  text: string; // as written, e.g. "10"
  value: number;
  span: Span;
}

export interface RealLiteral {
  kind: 'RealLiteral';
  text: string; // as written, e.g. "1.", ".5", "1e-3"
  value: number;
  span: Span;
}

// `2i`, `3.5i`: the imaginary part of a complex number.
export interface ImagLiteral {
  kind: 'ImagLiteral';
  text: string; // as written, including the trailing "i"
  value: number; // the imaginary part
  span: Span;
}

// Only valid as an argument of print, reject and fatal_error (and profile names).
export interface StringLiteral {
  kind: 'StringLiteral';
  text: string; // as written, with quotes and escapes
  value: string; // unescaped contents
  span: Span;
}

// A function call `f(a, b)`, or a conditional-density call `foo_lpdf(y | mu, sigma)`.
export interface CallExpr {
  kind: 'Call';
  callee: Identifier;
  args: Expr[];
  // True when written with `|` after the first argument (the `|` is between args[0] and args[1]).
  conditional: boolean;
  span: Span;
}

export type BinaryOp =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '\\'
  | '.*'
  | './'
  | '%/%'
  | '^'
  | '.^';

export interface BinaryExpr {
  kind: 'Binary';
  op: BinaryOp;
  opSpan: Span;
  left: Expr;
  right: Expr;
  span: Span;
}

export type UnaryOp = '-' | '!' | '+';

export interface UnaryExpr {
  kind: 'Unary';
  op: UnaryOp;
  operand: Expr;
  span: Span;
}

// Postfix `x'`.
export interface TransposeExpr {
  kind: 'Transpose';
  operand: Expr;
  span: Span;
}

export interface TernaryExpr {
  kind: 'Ternary';
  cond: Expr;
  then: Expr;
  else: Expr;
  span: Span;
}

// `x[i]`, `x[i, j]`, `x[2:5]`, `x[:, 1]`, `x[idxs]`. Whether a single index is an int (single) or an
// int array (multiple) is decided by the type checker.
export interface IndexedExpr {
  kind: 'Indexed';
  target: Expr;
  indexes: Index[];
  span: Span;
}

// `i` (int: single index; array[] int: multi-index).
export interface IndexSingle {
  kind: 'IndexSingle';
  expr: Expr;
  span: Span;
}

// `a:b`, `a:`, `:b` (at least one bound present).
export interface IndexRange {
  kind: 'IndexRange';
  lower: Expr | null;
  upper: Expr | null;
  span: Span;
}

// `:` or an empty index position (`m[, 1]`): everything.
export interface IndexAll {
  kind: 'IndexAll';
  span: Span;
}

export type Index = IndexSingle | IndexRange | IndexAll;

// `{a, b, c}`
export interface ArrayExpr {
  kind: 'ArrayExpr';
  elements: Expr[];
  span: Span;
}

// `[a, b, c]` (a row vector; `[[1, 2], [3, 4]]` is a matrix).
export interface RowVectorExpr {
  kind: 'RowVectorExpr';
  elements: Expr[];
  span: Span;
}

// `(e)`, kept so the printer can show the parentheses.
export interface ParenExpr {
  kind: 'Paren';
  expr: Expr;
  span: Span;
}

// `(a, b)`: a tuple literal (Stan 2.33+).
export interface TupleExpr {
  kind: 'TupleExpr';
  elements: Expr[];
  span: Span;
}

// `x.1`: tuple element access (1-based).
export interface TupleProjection {
  kind: 'TupleProjection';
  target: Expr;
  index: number;
  span: Span;
}

export type Expr =
  | IntLiteral
  | RealLiteral
  | ImagLiteral
  | StringLiteral
  | Identifier
  | CallExpr
  | BinaryExpr
  | UnaryExpr
  | TransposeExpr
  | TernaryExpr
  | IndexedExpr
  | ArrayExpr
  | RowVectorExpr
  | ParenExpr
  | TupleExpr
  | TupleProjection;
