// Declared and unsized types (part of the Stan AST: see ast.ts).
import type { Span } from './span';
import type { Expr } from './astExpr';
import type { PrimName } from './types';

// ---------------------------------------------------------------------------------------------------
// Types

// The base type of a declaration. `tuple` has `tupleElements` on the DeclType / UnsizedType.
export type SizedBaseType =
  | PrimName
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
export type UnsizedBaseType = 'void' | PrimName | 'tuple';

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
