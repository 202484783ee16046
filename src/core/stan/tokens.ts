import type { Span } from './span';
import { PRIM_NAMES } from './types';

// Keywords are lexed as identifiers: most Stan keywords (`lower`, `offset`, `vector`, ...) are only
// special in some positions, so the parser decides from context.
export type TokenKind = 'int' | 'real' | 'imag' | 'string' | 'ident' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  // The source text of the token (for strings, including the quotes).
  text: string;
  span: Span;
  // True when whitespace or a comment separates this token from the previous one. The parser needs it
  // to recognise the removed `<-` operator (written `<-` with nothing between) and tuple projections.
  spaceBefore: boolean;
}

// Operators and punctuation, longest first so the lexer can take the first match.
export const PUNCTUATION: readonly string[] = [
  '%/%',
  '.*=',
  './=',
  '.*',
  './',
  '.^',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '\\',
  '^',
  "'",
  '!',
  '<',
  '>',
  '?',
  ':',
  '=',
  '~',
  '|',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  '.',
];

// Words that can never be variable or function names in Stan (Stan Reference Manual, "Reserved names").
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'for',
  'in',
  'while',
  'repeat',
  'until',
  'if',
  'then',
  'else',
  'true',
  'false',
  'target',
  'functions',
  'model',
  'data',
  'parameters',
  'quantities',
  'transformed',
  'generated',
  'profile',
  'return',
  'break',
  'continue',
  'print',
  'reject',
  'fatal_error',
  'void',
  ...PRIM_NAMES,
  'simplex',
  'unit_vector',
  'sum_to_zero_vector',
  'sum_to_zero_matrix',
  'ordered',
  'positive_ordered',
  'cholesky_factor_corr',
  'cholesky_factor_cov',
  'corr_matrix',
  'cov_matrix',
  'column_stochastic_matrix',
  'row_stochastic_matrix',
  'array',
  'tuple',
  'lower',
  'upper',
  'offset',
  'multiplier',
  // reserved by stanc3 for the C++ it generates
  'auto',
  'export',
  'extern',
  'static',
  'struct',
  'typedef',
  'var',
]);

// The base types that carry no constraint: what a function argument or a local variable may be.
export const UNCONSTRAINED_BASE_TYPES: ReadonlySet<string> = new Set([...PRIM_NAMES, 'tuple']);
