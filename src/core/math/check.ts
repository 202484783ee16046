import { setMathError } from './mathError';

/**
 * Argument checks with Stan Math's semantics. Each returns true when the value is valid and
 * otherwise records the error in the shared slot and returns false. No allocation.
 */

export function checkNotNaN(fn: string, arg: string, x: number): boolean {
  if (x === x) return true;
  setMathError(fn, arg, x, 'not nan');
  return false;
}

export function checkFinite(fn: string, arg: string, x: number): boolean {
  if (Number.isFinite(x)) return true;
  setMathError(fn, arg, x, 'finite');
  return false;
}

export function checkPositiveFinite(fn: string, arg: string, x: number): boolean {
  if (x > 0 && x < Infinity) return true;
  setMathError(fn, arg, x, 'positive finite');
  return false;
}

export function checkPositive(fn: string, arg: string, x: number): boolean {
  if (x > 0) return true;
  setMathError(fn, arg, x, 'positive');
  return false;
}

export function checkNonnegative(fn: string, arg: string, x: number): boolean {
  if (x >= 0) return true;
  setMathError(fn, arg, x, 'nonnegative');
  return false;
}

export function checkNonnegativeFinite(fn: string, arg: string, x: number): boolean {
  if (x >= 0 && x < Infinity) return true;
  setMathError(fn, arg, x, 'nonnegative finite');
  return false;
}

export function checkProbability(fn: string, arg: string, x: number): boolean {
  if (x >= 0 && x <= 1) return true;
  setMathError(fn, arg, x, 'in the interval [0, 1]');
  return false;
}

/** Integer-valued arguments arrive as doubles; they must hold exact integers. */
export function checkInteger(fn: string, arg: string, x: number): boolean {
  if (Number.isInteger(x)) return true;
  setMathError(fn, arg, x, 'an integer');
  return false;
}

export function checkNonnegativeInt(fn: string, arg: string, x: number): boolean {
  if (Number.isInteger(x) && x >= 0) return true;
  setMathError(fn, arg, x, 'a nonnegative integer');
  return false;
}

export function checkBinary(fn: string, arg: string, x: number): boolean {
  if (x === 0 || x === 1) return true;
  setMathError(fn, arg, x, 'in the interval [0, 1] (0 or 1)');
  return false;
}

export function checkBounded(fn: string, arg: string, x: number, lo: number, hi: number, must: string): boolean {
  if (x >= lo && x <= hi) return true;
  setMathError(fn, arg, x, must);
  return false;
}
