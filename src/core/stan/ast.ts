// The abstract syntax tree of a Stan program, as written (before type checking).
// Every node has a `span` and a `kind` discriminant. Identifiers are nodes with their own span so that
// checkers and editors can point at exactly the name.
//
// Contract: after the first version this file only grows (new kinds, new optional fields); nothing is
// renamed. Types, expressions and statements live in astTypes.ts, astExpr.ts and astStmt.ts; this file
// re-exports them (import AST types from './ast') and holds names, functions and the program.
import type { Span } from './span';
import type { Bounds, DeclType, UnsizedType } from './astTypes';
import type { Index, Expr } from './astExpr';
import type { Truncation, BlockStmt, Stmt } from './astStmt';
export type * from './astTypes';
export type * from './astExpr';
export type * from './astStmt';

// ---------------------------------------------------------------------------------------------------
// Names

export interface Identifier {
  kind: 'Identifier';
  name: string;
  span: Span;
}

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
