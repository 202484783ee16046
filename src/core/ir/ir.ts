// The intermediate representation between the checked AST and generated JavaScript: Stan's statements
// and expressions with their types resolved, calls resolved (library, user, distribution with its
// suffix), `~` turned into a density call that drops constants, and every declaration's sizes and
// constraint made explicit. Whether a value depends on parameters is decided by the emitter from the
// variable environment, because user functions are emitted once per data/parameter argument pattern.
import type { Span } from '../stan/span';

export type IRBase = 'int' | 'real' | 'vector' | 'row_vector' | 'matrix';

// `array[...]` dimensions around a base type (dims = 0 for a plain int/real/vector/...).
export interface IRType {
  base: IRBase;
  dims: number;
}

export type IRIndex =
  | { k: 'One'; e: IRExpr } // a single int index
  | { k: 'Multi'; e: IRExpr } // an array[] int index
  | { k: 'Range'; lo: IRExpr | null; hi: IRExpr | null }
  | { k: 'All' };

export type IRExpr = (
  | { k: 'Lit'; v: number }
  | { k: 'Var'; name: string }
  // Calls keep the source span of the call, for errors the code generator reports.
  | { k: 'Call'; fn: string; args: IRExpr[]; user: boolean; span?: Span }
  // A density call: family name, suffix, whether constants are dropped (`~`, _lupdf), args variate first.
  | { k: 'Dist'; family: string; suffix: 'lpdf' | 'lpmf' | 'lcdf' | 'lccdf'; propto: boolean; args: IRExpr[]; user: boolean; span?: Span }
  | { k: 'Bin'; op: string; a: IRExpr; b: IRExpr }
  | { k: 'Un'; op: '-' | '!' | '+' | "'"; a: IRExpr }
  | { k: 'Idx'; target: IRExpr; idx: IRIndex[] }
  | { k: 'Cond'; c: IRExpr; a: IRExpr; b: IRExpr }
  | { k: 'Arr'; elems: IRExpr[] }
  | { k: 'RowVec'; elems: IRExpr[] }
) & { t: IRType };

export type IRPrintArg = IRExpr | { k: 'Str'; s: string };

export type IRTransform =
  | { kind: 'none' }
  | { kind: 'lub'; lower: IRExpr | null; upper: IRExpr | null }
  | { kind: 'offmul'; offset: IRExpr | null; multiplier: IRExpr | null }
  | { kind: 'simplex' | 'unit_vector' | 'ordered' | 'positive_ordered' | 'sum_to_zero_vector' }
  | { kind: 'cholesky_factor_corr' | 'cholesky_factor_cov' | 'corr_matrix' | 'cov_matrix' };

export interface IRDecl {
  name: string;
  t: IRType;
  // Array sizes (outermost first), then the base type's sizes (vector: [n]; matrix: [r, c]).
  arraySizes: IRExpr[];
  baseSizes: IRExpr[];
  transform: IRTransform;
  span: Span;
}

export type IRStmt =
  | { k: 'Decl'; decl: IRDecl; init: IRExpr | null }
  | { k: 'Assign'; name: string; idx: IRIndex[][]; op: string; rhs: IRExpr; lhsType: IRType; span: Span }
  | { k: 'Target'; e: IRExpr; span?: Span }
  | { k: 'Tilde'; dist: IRExpr & { k: 'Dist' }; trunc: { lo: IRExpr | null; hi: IRExpr | null } | null; span: Span }
  | { k: 'For'; v: string; lo: IRExpr; hi: IRExpr; body: IRStmt }
  | { k: 'ForEach'; v: string; over: IRExpr; body: IRStmt }
  | { k: 'While'; c: IRExpr; body: IRStmt }
  | { k: 'If'; c: IRExpr; then: IRStmt; else: IRStmt | null }
  | { k: 'Break' }
  | { k: 'Continue' }
  | { k: 'Return'; e: IRExpr | null }
  | { k: 'Print' | 'Reject' | 'Fatal'; args: IRPrintArg[]; span: Span }
  | { k: 'Block'; body: IRStmt[] }
  | { k: 'Expr'; e: IRExpr };

export interface IRFunction {
  name: string;
  args: { name: string; t: IRType; dataOnly: boolean }[];
  ret: IRType | null; // null: void
  body: IRStmt;
}

export interface IRProgram {
  functions: IRFunction[];
  data: IRDecl[];
  transformedData: IRStmt[];
  parameters: IRDecl[];
  transformedParameters: IRStmt[];
  model: IRStmt[];
  generatedQuantities: IRStmt[];
  // Top-level declarations of the output blocks (their values are written out, flattened).
  tdataDecls: IRDecl[];
  tparamDecls: IRDecl[];
  gqDecls: IRDecl[];
}

export const T_INT: IRType = { base: 'int', dims: 0 };
export const T_REAL: IRType = { base: 'real', dims: 0 };

export function isIntType(t: IRType): boolean {
  return t.base === 'int';
}

export function isScalarType(t: IRType): boolean {
  return t.dims === 0 && (t.base === 'int' || t.base === 'real');
}

export function typeText(t: IRType): string {
  return t.dims === 0 ? t.base : `array[${','.repeat(t.dims - 1)}] ${t.base}`;
}
