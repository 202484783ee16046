/**
 * Flags passed to every log-density kernel. Bit i set means argument i is a constant (data,
 * transformed data or a literal); PROPTO asks for Stan's dropping of additive terms that depend
 * on no non-constant argument (`~` statements and `_lupdf`/`_lupmf`).
 */
export const CONST_0 = 1;
export const CONST_1 = 2;
export const CONST_2 = 4;
export const CONST_3 = 8;
export const PROPTO = 128;
/** All four argument bits. */
export const ALL_CONST = 15;

/** Whether a term depending on the arguments in `mask` is kept: not propto, or some of them vary. */
export function include(flags: number, mask: number): boolean {
  return (flags & PROPTO) === 0 || (~flags & mask) !== 0;
}

/** Whether argument i varies (its partial derivative is wanted). */
export function varies(flags: number, i: number): boolean {
  return (flags & (1 << i)) === 0;
}
