// The abstract syntax tree of a Stan program, as written (before type checking).
// Every node has a `span` and a `kind` discriminant. Identifiers are nodes with their own span so that
// checkers and editors can point at exactly the name.
//
// Contract: after the first version this file only grows (new kinds, new optional fields); nothing is
// renamed.
import type { Span } from './span';

// ---------------------------------------------------------------------------------------------------
// Names

export interface Identifier {
  kind: 'Identifier';
  name: string;
  span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Types

// The base type of a declaration. `tuple` has `tupleElements` on the DeclType / UnsizedType.
export type SizedBaseType =
  | 'int'
  | 'real'
  | 'complex'
  | 'vector'
  | 'row_vector'
  | 'matrix'
  | 'complex_vector'
  | 'complex_row_vector'
  | 'complex_matrix'
  | 'simplex'
  | 'unit_vector'
  | 'sum_to_zero_vector'
  | 'sum_to_zero_matrix'
  | 'ordered'
  | 'positive_ordered'
  | 'cholesky_factor_corr'
  | 'cholesky_factor_cov'
  | 'corr_matrix'
  | 'cov_matrix'
  | 'column_stochastic_matrix'
  | 'row_stochastic_matrix'
  | 'tuple';

// `<lower=a, upper=b>` or `<offset=o, multiplier=m>`; each bound is absent when not written.
export interface Bounds {
  kind: 'Bounds';
  lower: Expr | null;
  upper: Expr | null;
  offset: Expr | null;
  multiplier: Expr | null;
  span: Span;
}

// How the array dimensions of a declaration were written.
//  'none': not an array; 'new': `array[N] real y`; 'old': `real y[N]` (removed in Stan 2.33, warned).
export type ArraySyntax = 'none' | 'new' | 'old';

// The type of a variable declaration, with its sizes.
//   array[N, M] vector<lower=0>[K] y  ->  base 'vector', sizes [K], bounds <lower=0>, arrayDims [N, M]
//   cholesky_factor_cov[M, N] L        ->  base 'cholesky_factor_cov', sizes [M, N]
export interface DeclType {
  kind: 'DeclType';
  base: SizedBaseType;
  // Sizes in the brackets after the base type name (vector[N]: [N]; matrix[R, C]: [R, C]; int: []).
  sizes: Expr[];
  bounds: Bounds | null;
  // Array dimensions, outermost first; [] if not an array.
  arrayDims: Expr[];
  arraySyntax: ArraySyntax;
  // Element types when base === 'tuple' (each may itself be an array or tuple).
  tupleElements?: DeclType[];
  // Span of the type as written (for the old syntax, the base type only; dims follow the name).
  span: Span;
}

// Types without sizes, used for function arguments and return types.
export type UnsizedBaseType =
  | 'void'
  | 'int'
  | 'real'
  | 'complex'
  | 'vector'
  | 'row_vector'
  | 'matrix'
  | 'complex_vector'
  | 'complex_row_vector'
  | 'complex_matrix'
  | 'tuple';

export interface UnsizedType {
  kind: 'UnsizedType';
  base: UnsizedBaseType;
  // Number of array dimensions: `array[] real` -> 1, `array[,] int` -> 2, `real` -> 0.
  arrayDims: number;
  // 'new': `array[] real`; 'old': `real[]` (removed in Stan 2.33); 'none': not an array.
  arraySyntax: ArraySyntax;
  tupleElements?: UnsizedType[];
  span: Span;
}

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

// ---------------------------------------------------------------------------------------------------
// Statements

// `real<lower=0> sigma = 1;`. `real a, b;` becomes two VarDecls sharing the same DeclType object.
// The span runs from the type (for later names in a list: from the name) to the end of the initial value
// or name; it does not include the ';'.
export interface VarDecl {
  kind: 'VarDecl';
  type: DeclType;
  name: Identifier;
  init: Expr | null;
  span: Span;
}

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '.*=' | './=';

// `lhs op rhs;` where lhs is an Identifier, an Indexed or TupleProjection chain over an Identifier.
export interface AssignStmt {
  kind: 'Assign';
  lhs: Expr;
  op: AssignOp;
  opSpan: Span;
  rhs: Expr;
  span: Span;
}

// `T[lower, upper]`; either bound may be omitted (`T[0, ]`, `T[, 10]`).
export interface Truncation {
  kind: 'Truncation';
  lower: Expr | null;
  upper: Expr | null;
  span: Span;
}

// `y ~ normal(mu, sigma) T[0, ];`
export interface TildeStmt {
  kind: 'Tilde';
  lhs: Expr;
  distribution: Identifier;
  args: Expr[];
  truncation: Truncation | null;
  span: Span;
}

// `target += e;`
export interface TargetPlusStmt {
  kind: 'TargetPlus';
  expr: Expr;
  span: Span;
}

// `jacobian += e;` (Stan 2.36): in transformed parameters and in functions ending in _jacobian. The
// parser emits it whenever a statement starts with `jacobian +=`; if a variable named `jacobian` is in
// scope the checker may treat it as a compound assignment instead (as stanc3 does, with a warning).
export interface JacobianPlusStmt {
  kind: 'JacobianPlus';
  expr: Expr;
  span: Span;
}

// `for (i in lower:upper) body`
export interface ForStmt {
  kind: 'For';
  variable: Identifier;
  lower: Expr;
  upper: Expr;
  body: Stmt;
  span: Span;
}

// `for (x in container) body`
export interface ForEachStmt {
  kind: 'ForEach';
  variable: Identifier;
  iterable: Expr;
  body: Stmt;
  span: Span;
}

export interface WhileStmt {
  kind: 'While';
  cond: Expr;
  body: Stmt;
  span: Span;
}

export interface IfStmt {
  kind: 'If';
  cond: Expr;
  then: Stmt;
  else: Stmt | null;
  span: Span;
}

export interface BreakStmt {
  kind: 'Break';
  span: Span;
}

export interface ContinueStmt {
  kind: 'Continue';
  span: Span;
}

export interface ReturnStmt {
  kind: 'Return';
  value: Expr | null;
  span: Span;
}

// print/reject/fatal_error arguments: expressions or StringLiterals.
export interface PrintStmt {
  kind: 'Print';
  args: Expr[];
  span: Span;
}

export interface RejectStmt {
  kind: 'Reject';
  args: Expr[];
  span: Span;
}

export interface FatalErrorStmt {
  kind: 'FatalError';
  args: Expr[];
  span: Span;
}

export interface BlockStmt {
  kind: 'Block';
  statements: Stmt[];
  span: Span;
}

// A function call used as a statement: `foo(x);`
export interface ExprStmt {
  kind: 'ExprStmt';
  expr: Expr;
  span: Span;
}

// A lone `;`
export interface EmptyStmt {
  kind: 'Empty';
  span: Span;
}

// `profile("name") { ... }`
export interface ProfileStmt {
  kind: 'Profile';
  name: StringLiteral;
  body: BlockStmt;
  span: Span;
}

export type Stmt =
  | VarDecl
  | AssignStmt
  | TildeStmt
  | TargetPlusStmt
  | JacobianPlusStmt
  | ForStmt
  | ForEachStmt
  | WhileStmt
  | IfStmt
  | BreakStmt
  | ContinueStmt
  | ReturnStmt
  | PrintStmt
  | RejectStmt
  | FatalErrorStmt
  | BlockStmt
  | ExprStmt
  | EmptyStmt
  | ProfileStmt;

// ---------------------------------------------------------------------------------------------------
// Functions

export interface FunArg {
  kind: 'FunArg';
  dataOnly: boolean; // written with the `data` qualifier
  type: UnsizedType;
  name: Identifier;
  span: Span;
}

// `real foo_lpdf(real y, data real mu) { ... }` or a forward declaration ending in `;` (body null).
export interface FunctionDef {
  kind: 'FunctionDef';
  returnType: UnsizedType; // base 'void' for void functions
  name: Identifier;
  args: FunArg[];
  body: BlockStmt | null;
  span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Program

export type BlockName =
  | 'data'
  | 'transformed data'
  | 'parameters'
  | 'transformed parameters'
  | 'model'
  | 'generated quantities';

export interface FunctionsBlock {
  kind: 'FunctionsBlock';
  functions: FunctionDef[];
  span: Span; // from the `functions` keyword to the closing brace
}

export interface ProgramBlock {
  kind: 'ProgramBlock';
  name: BlockName;
  statements: Stmt[];
  span: Span; // from the block keyword(s) to the closing brace
}

export interface Program {
  kind: 'Program';
  functions: FunctionsBlock | null;
  data: ProgramBlock | null;
  transformedData: ProgramBlock | null;
  parameters: ProgramBlock | null;
  transformedParameters: ProgramBlock | null;
  model: ProgramBlock | null;
  generatedQuantities: ProgramBlock | null;
  span: Span;
}

export type Node =
  | Program
  | FunctionsBlock
  | ProgramBlock
  | FunctionDef
  | FunArg
  | UnsizedType
  | DeclType
  | Bounds
  | Truncation
  | Index
  | Stmt
  | Expr;

// The program blocks in source order, skipping absent ones (convenient for walkers).
export function programBlocks(p: Program): ProgramBlock[] {
  const all = [p.data, p.transformedData, p.parameters, p.transformedParameters, p.model, p.generatedQuantities];
  return all.filter((b): b is ProgramBlock => b !== null);
}
