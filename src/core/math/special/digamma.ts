import { PI } from './constants';
import { cotPi } from './sinPi';

/**
 * digamma(x) = d/dx lgamma(x). Derivative: trigamma(x).
 * Reflection for x <= 0, upward recurrence to x >= 10, then the asymptotic series.
 */
export function digamma(x: number): number {
  if (x !== x || x === -Infinity) return NaN;
  if (x === Infinity) return Infinity;
  let acc = 0;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    // psi(1-x) - psi(x) = pi cot(pi x)
    acc = -PI * cotPi(x);
    x = 1 - x;
  }
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const r2 = 1 / (x * x);
  const series =
    r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132 - r2 * (691 / 32760 - r2 / 12))))));
  return acc + Math.log(x) - 0.5 / x - series;
}

/** trigamma(x) = d/dx digamma(x). */
export function trigamma(x: number): number {
  if (x !== x || x === -Infinity) return NaN;
  if (x === Infinity) return 0;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    // psi1(1-x) + psi1(x) = pi^2 / sin^2(pi x)
    const s = Math.sin(PI * (x - Math.round(x)));
    return (PI * PI) / (s * s) - trigamma(1 - x);
  }
  let acc = 0;
  while (x < 10) {
    acc += 1 / (x * x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  const series = r2 * r * (1 / 6 - r2 * (1 / 30 - r2 * (1 / 42 - r2 * (1 / 30 - r2 * (5 / 66 - r2 * (691 / 2730 - (7 / 6) * r2))))));
  return acc + r + 0.5 * r2 + series;
}
