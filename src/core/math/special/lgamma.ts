import { LOG_PI, LOG_SQRT_2PI, EULER_GAMMA } from './constants';
import { sinPi } from './sinPi';
import { ZETA_M1, ZETA_MINUS_ONE_TERMS } from './zetaMinusOne';

/**
 * log|Gamma(x)| (Stan's and R's lgamma). Derivative: digamma(x).
 * Method: on [1.5, 2.5] the series lgamma(2+w) = w(1-gamma) + sum_k (-1)^k (zeta(k)-1) w^k / k,
 * which is relatively accurate near the root at 2; on [0.5, 1.5] the same series shifted by
 * log1p; recurrences up to x = 10; Stirling's series beyond; reflection for x < 0.
 */
export function lgamma(x: number): number {
  if (x !== x) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    if (x === -Infinity) return Infinity;
    // reflection: Gamma(x) Gamma(1-x) = pi / sin(pi x)
    const s = Math.abs(sinPi(x));
    return LOG_PI - Math.log(s) - lgamma(1 - x);
  }
  if (x < 0.5) return lgammaNear2(x) - Math.log1p(x) - Math.log(x); // lgamma(1+x) - log x
  if (x < 1.5) return lgammaNear2(x - 1) - Math.log1p(x - 1);
  if (x < 2.5) return lgammaNear2(x - 2);
  if (x < 10) {
    // lgamma(x) = log((x-1)(x-2)...(x-n)) + lgamma(x-n) with x-n in [1.5, 2.5)
    let p = 1;
    let y = x;
    while (y >= 2.5) {
      y -= 1;
      p *= y;
    }
    return Math.log(p) + lgammaNear2(y - 2);
  }
  return lgammaStirling(x);
}

/** lgamma(2 + w) for |w| <= 0.5 (also valid a bit beyond). */
export function lgammaNear2(w: number): number {
  let s = 0;
  let wk = -w; // becomes (-1)^k w^k
  for (let k = 2; k <= ZETA_MINUS_ONE_TERMS + 1; k++) {
    wk *= -w; // (-w)^k with sign (-1)^k w^k
    const t = (ZETA_M1[k] * wk) / k;
    s += t;
    if (Math.abs(t) < 1e-17 * Math.abs(s)) break;
  }
  return w * (1 - EULER_GAMMA) + s;
}

/** Stirling's series, used for x >= 10 (error below 1e-17 relative there). */
export function lgammaStirling(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  const series =
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 *
            (1 / 1260 +
              r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))));
  return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + series;
}
