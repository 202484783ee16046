/**
 * Sums, means and variances accurate to the last bit or two, so that results agree with R
 * (which accumulates in long double and refines the mean with a second pass).
 */

/** Neumaier-compensated sum; falls back to the plain sum when it is not finite. */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  let plain = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    plain += v;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return Number.isFinite(plain) ? s + c : plain;
}

/** Mean with R's second refinement pass. NaN if any draw is NaN. */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  const m = sum(x) / n;
  if (!Number.isFinite(m)) return m;
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] - m;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return m + (s + c) / n;
}

/** Sample variance (denominator n - 1), two-pass, as R's var. */
export function variance(x: ArrayLike<number>, center = mean(x)): number {
  const n = x.length;
  if (n < 2) return NaN;
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - center;
    const v = d * d;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return (s + c) / (n - 1);
}

export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}

/** log(sum(exp(x))) without overflow. */
export function logSumExp(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m || Number.isNaN(x[i])) m = x[i];
  if (Number.isNaN(m)) return NaN;
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i] - m);
  return m + Math.log(s);
}
