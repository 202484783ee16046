import { TWO_OVER_SQRT_PI, SQRT_PI } from './constants';

/**
 * erf and erfc to ~1e-15 relative. erf: the positive series
 * erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1)) for |x| < 2.5;
 * erfc: the Laplace continued fraction for x >= 2.5, 1 - erf below.
 * d/dx erf = 2/sqrt(pi) e^{-x^2} = -d/dx erfc.
 */
const CF_SWITCH = 2.5;

function erfSeries(xs: number): number {
  const x = Math.abs(xs);
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  const v = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
  return xs < 0 ? -v : v;
}

/** e^{x^2} erfc(x) * sqrt(pi) for x >= CF_SWITCH, by the continued fraction 1/(x+ (1/2)/(x+ 1/(x+ (3/2)/(x+...)))). */
function erfcScaledCF(x: number): number {
  // modified Lentz on b0 + a1/(b1 + a2/(b2 + ...)) with b_k = x, a_k = k/2
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = x + a * D;
    if (D === 0) D = tiny;
    C = x + a / C;
    if (C === 0) C = tiny;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

export function erf(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax < CF_SWITCH) return erfSeries(x);
  const c = ax > 27 ? 0 : (Math.exp(-ax * ax) * erfcScaledCF(ax)) / SQRT_PI;
  return x > 0 ? 1 - c : c - 1;
}

export function erfc(x: number): number {
  if (x !== x) return NaN;
  if (x < CF_SWITCH) {
    if (x < 0.5) return 1 - erf(x);
    // 1 - erf(x) for x in [0.5, 2.5): erfc >= 4e-4, so cancellation costs < 2 digits; reduce it
    // with the complementary relation erfc(x) = e^{-x^2} * (sqrt(pi)^-1 * CF) only beyond.
    return 1 - erfSeries(x);
  }
  if (x > 27.3) return 0;
  return (Math.exp(-x * x) * erfcScaledCF(x)) / SQRT_PI;
}

/** log(erfc(x)), accurate far into the upper tail (used by normal lccdf / lcdf). */
export function logErfc(x: number): number {
  if (x < CF_SWITCH) return Math.log(erfc(x));
  return -x * x + Math.log(erfcScaledCF(x) / SQRT_PI);
}
