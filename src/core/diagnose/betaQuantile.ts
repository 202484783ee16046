import { logBeta } from './logGamma';

/** Continued fraction for the incomplete beta (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return f;
}

/** Regularised incomplete beta function I_x(a, b), i.e. the Beta(a, b) distribution function. */
export function betaCdf(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  const logFront2 = b * Math.log1p(-x) + a * Math.log(x) - logBeta(b, a);
  return 1 - (Math.exp(logFront2) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * Quantile of Beta(a, b): Newton steps on the distribution function, kept inside a bisection
 * bracket so that it always converges; relative accuracy near 1e-14.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b) || p < 0 || p > 1 || !(a > 0) || !(b > 0)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  const lb = logBeta(a, b);
  for (let it = 0; it < 300; it++) {
    const f = betaCdf(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const logPdf = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb;
    let next = x - f / Math.exp(logPdf);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo <= 1e-16 * hi) return next;
    x = next;
  }
  return x;
}
