import { lgamma } from './lgamma';
import { digamma } from './digamma';

/**
 * Log-combinatorial functions built on lgamma. Partials: differences of digammas.
 * lbeta(a,b) = lgamma(a)+lgamma(b)-lgamma(a+b), with the large-argument cancellation reduced by
 * Stirling differences when the larger is big.
 */
export function lbeta(a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  const x = Math.min(a, b);
  const y = Math.max(a, b);
  if (y < 10) return lgamma(x) + lgamma(y) - lgamma(x + y);
  // y >= 10: lgamma(x) + [lgamma(y) - lgamma(x+y)] with the Stirling difference taken analytically
  return lgamma(x) + lgammaDiffLarge(y, x);
}

/** lgamma(y) - lgamma(y + x) for y >= 10, x > 0, avoiding the cancellation of the big terms. */
function lgammaDiffLarge(y: number, x: number): number {
  const s = y + x;
  // (y-0.5)log y - y - [(s-0.5) log s - s] = -(y-0.5) log1p(x/y) - x log s + x
  const main = -(y - 0.5) * Math.log1p(x / y) - x * Math.log(s) + x;
  return main + stirlingCorrection(y) - stirlingCorrection(s);
}

function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))));
}

/** Writes d/da, d/db of lbeta into out[0], out[1]. */
export function lbetaPartials(out: Float64Array, a: number, b: number): number {
  const dab = digamma(a + b);
  out[0] = digamma(a) - dab;
  out[1] = digamma(b) - dab;
  return lbeta(a, b);
}

/** binomial_coefficient_log(n, k) = log(n choose k) for real n >= -1, 0 <= k <= n (Stan's domain). */
export function binomialCoefficientLog(n: number, k: number): number {
  if (n !== n || k !== k) return NaN;
  if (k === 0 || k === n) return 0;
  if (n > -1 && k > n / 2 + 1e-8) return binomialCoefficientLog(n, n - k);
  // log C(n,k) = -log(n+1) - lbeta(n-k+1, k+1)
  return -Math.log1p(n) - lbeta(n - k + 1, k + 1);
}

/** Writes d/dn, d/dk of binomial_coefficient_log into out[0], out[1]. */
export function binomialCoefficientLogPartials(out: Float64Array, n: number, k: number): number {
  const dn = digamma(n + 1);
  out[0] = dn - digamma(n - k + 1);
  out[1] = digamma(n - k + 1) - digamma(k + 1);
  return binomialCoefficientLog(n, k);
}

/** lchoose(n, k) for integers (Stan's `lchoose`). */
export function lchoose(n: number, k: number): number {
  return binomialCoefficientLog(n, k);
}

/** log_falling_factorial(x, n) = lgamma(x+1) - lgamma(x-n+1). d/dx = digamma(x+1)-digamma(x-n+1). */
export function logFallingFactorial(x: number, n: number): number {
  if (x < 0) return NaN;
  return lgamma(x + 1) - lgamma(x - n + 1);
}

/** log_rising_factorial(x, n) = lgamma(x+n) - lgamma(x). d/dx = digamma(x+n)-digamma(x). */
export function logRisingFactorial(x: number, n: number): number {
  if (x < 0) return NaN;
  return lgamma(x + n) - lgamma(x);
}
