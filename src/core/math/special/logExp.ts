import { LOG_TWO } from './constants';

/**
 * The log/exp compositions of Stan Math, computed without overflow or cancellation.
 * Derivatives are noted per function; where it is another function of this file it is named.
 */

/** log(1 - x), x <= 1. d/dx = -1/(1-x). */
export function log1m(x: number): number {
  return Math.log1p(-x);
}

/** log(1 + exp(x)). d/dx = inv_logit(x). */
export function log1pExp(x: number): number {
  if (x > 0) return x + Math.log1p(Math.exp(-x));
  return Math.log1p(Math.exp(x));
}

/** log(1 - exp(x)), x <= 0. d/dx = -1/expm1(-x). */
export function log1mExp(x: number): number {
  if (x > 0) return NaN;
  if (x > -LOG_TWO) return Math.log(-Math.expm1(x));
  return Math.log1p(-Math.exp(x));
}

/** d/dx log1m_exp(x) = -exp(x)/(1-exp(x)) = -1/expm1(-x). */
export function log1mExpDeriv(x: number): number {
  return -1 / Math.expm1(-x);
}

/** log(exp(x) - exp(y)), x >= y. d/dx = 1/(1-exp(y-x))... see logDiffExpPartials. */
export function logDiffExp(x: number, y: number): number {
  if (x < y) return NaN;
  if (y === -Infinity) return x;
  if (x === y) return -Infinity;
  return x + log1mExp(y - x);
}

/** Writes d/dx into out[0], d/dy into out[1]; returns the value. */
export function logDiffExpPartials(out: Float64Array, x: number, y: number): number {
  const v = logDiffExp(x, y);
  // d/dx = exp(x)/(exp(x)-exp(y)) = -1/expm1(y-x); d/dy = -exp(y)/(exp(x)-exp(y)) = -1/expm1(x-y)
  out[0] = -1 / Math.expm1(y - x);
  out[1] = -1 / Math.expm1(x - y);
  return v;
}

/** log(exp(x) + exp(y)). d/dx = inv_logit(x-y), d/dy = inv_logit(y-x). */
export function logSumExp2(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  if (x > y) return x + log1pExp(y - x);
  return y + log1pExp(x - y);
}

/** log(sum(exp(v))) over an array-like; empty gives -Infinity. d/dv_i = softmax(v)_i. */
export function logSumExpArray(v: ArrayLike<number>): number {
  const n = v.length;
  if (n === 0) return -Infinity;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (v[i] > m) m = v[i];
  if (m === Infinity) return Infinity;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(v[i] - m);
  return m + Math.log(s);
}

/** Adds softmax(v) (the gradient of log_sum_exp) into grad[0..n-1]; returns the value. */
export function logSumExpArrayPartials(grad: Float64Array, v: ArrayLike<number>): number {
  const lse = logSumExpArray(v);
  for (let i = 0; i < v.length; i++) grad[i] += Math.exp(v[i] - lse);
  return lse;
}

/** log_mix(theta, lp1, lp2) = log(theta exp(lp1) + (1-theta) exp(lp2)). */
export function logMix(theta: number, lp1: number, lp2: number): number {
  return logSumExp2(Math.log(theta) + lp1, Math.log1p(-theta) + lp2);
}

/** Partials of log_mix into out[0..2] (theta, lp1, lp2); returns the value. */
export function logMixPartials(out: Float64Array, theta: number, lp1: number, lp2: number): number {
  const a = Math.log(theta) + lp1;
  const b = Math.log1p(-theta) + lp2;
  const v = logSumExp2(a, b);
  const w1 = Math.exp(a - v); // posterior weight of component 1
  const w2 = Math.exp(b - v);
  out[0] = Math.exp(lp1 - v) - Math.exp(lp2 - v);
  out[1] = w1;
  out[2] = w2;
  return v;
}

/** Stan's multiply_log(a, b) = a log(b), with 0 log 0 = 0 (densities at the support's edge). */
export function multiplyLog(a: number, b: number): number {
  if (a === 0 && b === 0) return 0;
  return a * Math.log(b);
}
