import { lgamma } from './lgamma';
import { sinPi } from './sinPi';

/** Gamma(x). Derivative: tgamma(x) * digamma(x). Exact product for small positive integers. */
export function tgamma(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  if (Number.isInteger(x) && x <= 23) {
    let p = 1;
    for (let i = 2; i < x; i++) p *= i;
    return p;
  }
  const v = Math.exp(lgamma(x));
  if (x > 0) return v;
  // sign of Gamma(x) for x < 0: sin(pi x) has the same sign as Gamma(x)
  return sinPi(x) < 0 ? -v : v;
}
