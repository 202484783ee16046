import { setMathError } from '../mathError';

/** Stan's check_simplex: nonnegative entries summing to 1 within 1e-8. */
export function checkSimplex(fn: string, arg: string, theta: ArrayLike<number>): boolean {
  let s = 0;
  for (let i = 0; i < theta.length; i++) {
    if (!(theta[i] >= 0)) {
      setMathError(fn, arg, theta[i], 'a simplex (nonnegative entries summing to 1)');
      return false;
    }
    s += theta[i];
  }
  if (theta.length === 0 || !(Math.abs(s - 1) <= 1e-8)) {
    setMathError(fn, arg, s, 'a simplex (its sum is not 1)');
    return false;
  }
  return true;
}
