import { lgamma } from './lgamma';

/**
 * Regularised incomplete gamma functions P(a,x) (Stan's gamma_p, R's pgamma(x, a)) and
 * Q(a,x) = 1 - P (gamma_q). Series for x < a+1, Legendre continued fraction otherwise; both
 * are also given in log form for the tails. d/dx P = x^{a-1} e^{-x} / Gamma(a); d/da by
 * central differences (documented stopgap).
 */
export function gammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  if (x < a + 1) return Math.exp(logGammaPSeries(a, x));
  return -Math.expm1(logGammaQCF(a, x));
}

export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  if (x < a + 1) return -Math.expm1(logGammaPSeries(a, x));
  return Math.exp(logGammaQCF(a, x));
}

/** log P(a,x) (upper=false) or log Q(a,x) (upper=true), accurate in both tails. */
export function logGammaPQ(a: number, x: number, upper: boolean): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return upper ? 0 : -Infinity;
  if (x === Infinity) return upper ? -Infinity : 0;
  if (x < a + 1) {
    const lp = logGammaPSeries(a, x);
    return upper ? log1mExpSafe(lp) : lp;
  }
  const lq = logGammaQCF(a, x);
  return upper ? lq : log1mExpSafe(lq);
}

function log1mExpSafe(l: number): number {
  return l > -0.6931471805599453 ? Math.log(-Math.expm1(l)) : Math.log1p(-Math.exp(l));
}

/** log P by the series x^a e^{-x} / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)). */
function logGammaPSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 10000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return a * Math.log(x) - x - lgamma(a + 1) + Math.log(sum);
}

/** log Q by the continued fraction e^{-x} x^a / Gamma(a) * 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a-...))). */
function logGammaQCF(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let C = 1 / tiny;
  let D = 1 / b;
  let f = D;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    D = an * D + b;
    if (Math.abs(D) < tiny) D = tiny;
    C = b + an / C;
    if (Math.abs(C) < tiny) C = tiny;
    D = 1 / D;
    const delta = D * C;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return a * Math.log(x) - x - lgamma(a) + Math.log(f);
}

/** d/dx P(a,x) = x^{a-1} e^{-x} / Gamma(a). */
export function gammaPDerivX(a: number, x: number): number {
  if (x === 0) return a === 1 ? 1 : a < 1 ? Infinity : 0;
  return Math.exp((a - 1) * Math.log(x) - x - lgamma(a));
}
