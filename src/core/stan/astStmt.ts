// Statements (part of the Stan AST: see ast.ts).
import type { Span } from './span';
import type { Identifier } from './ast';
import type { StringLiteral, Expr } from './astExpr';
import type { DeclType } from './astTypes';

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
