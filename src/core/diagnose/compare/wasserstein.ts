/**
 * 1-Wasserstein distance between the empirical distributions of two samples (uniform weights),
 * exactly: W1 = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du with the step quantile functions of the samples. For equal
 * sizes this is the mean of |a₍ᵢ₎ − b₍ᵢ₎| over the sorted samples; for unequal sizes the integral
 * is taken over the merged breakpoints i/n and j/m (compared in integers, so no rounding decides
 * which step comes first). NaN when either sample is empty or holds a NaN.
 */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return NaN;
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  if (Number.isNaN(x[n - 1]) || Number.isNaN(y[m - 1])) return NaN; // sort() puts NaN last
  let i = 0;
  let j = 0;
  let at = 0; // current u, in units of 1/(n m)
  let total = 0;
  while (i < n && j < m) {
    const nextA = (i + 1) * m; // end of x[i]'s step
    const nextB = (j + 1) * n; // end of y[j]'s step
    const next = Math.min(nextA, nextB);
    const d = Math.abs(x[i] - y[j]);
    if (next > at && d > 0) total += (next - at) * d;
    at = next;
    if (nextA === next) i++;
    if (nextB === next) j++;
  }
  return total / (n * m);
}
