/**
 * Sample quantiles as R's quantile(type = 7), which posterior's summarise_draws uses for
 * q5/q95: h = 1 + (n - 1) p, interpolating (1 - f) x[lo] + f x[hi] exactly as R writes it.
 * Any NaN gives NaN (posterior's quantile2 returns NA).
 */
export function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

/** Type-7 quantile of already sorted, NaN-free draws. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(p)) return NaN;
  const pc = Math.max(0, Math.min(1, p));
  const index = 1 + Math.max(n - 1, 0) * pc;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qlo = sorted[lo - 1];
  const qhi = sorted[hi - 1];
  if (index > lo && qhi !== qlo) {
    const h = index - lo;
    return (1 - h) * qlo + h * qhi;
  }
  return qlo;
}

function hasNaN(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i])) return true;
  return false;
}

export function quantile(x: ArrayLike<number>, probs: readonly number[]): number[] {
  if (hasNaN(x)) return probs.map(() => NaN);
  const s = sortedCopy(x);
  return probs.map((p) => quantileSorted(s, p));
}

/** R's median: mean of the two middle values for even n. */
export function median(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0 || hasNaN(x)) return NaN;
  const s = sortedCopy(x);
  const h = Math.floor(n / 2);
  return n % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** Median absolute deviation scaled by 1.4826 (R's mad defaults). */
export function mad(x: ArrayLike<number>): number {
  const m = median(x);
  if (Number.isNaN(m)) return NaN;
  return 1.4826 * median(Array.from(x, (v) => Math.abs(v - m)));
}
