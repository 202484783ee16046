/**
 * In-place iterative radix-2 complex FFT (length must be a power of two). Twiddle factors are
 * computed directly with cos/sin rather than by recurrence, to keep errors near 1e-16.
 * inverse = true computes the unnormalised inverse transform (as R's fft(inverse = TRUE)).
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n !== im.length || (n & (n - 1)) !== 0) throw new RangeError('fft length must be a power of two');
  // bit-reversal permutation
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  const { cosT, sinT } = twiddles(n);
  for (let size = 2; size <= n; size <<= 1) {
    const h = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < h; k++) {
        const wr = cosT[k * step];
        const wi = sign * sinT[k * step];
        const a = start + k;
        const b = a + h;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

// cos and sin of 2πk/n, k < n/2, per length: computed once (the ESS of optimiser iterates is judged
// again and again on windows of the same few lengths)
const TWIDDLES = new Map<number, { cosT: Float64Array; sinT: Float64Array }>();

function twiddles(n: number): { cosT: Float64Array; sinT: Float64Array } {
  let t = TWIDDLES.get(n);
  if (!t) {
    const half = n >> 1;
    t = { cosT: new Float64Array(half), sinT: new Float64Array(half) };
    for (let k = 0; k < half; k++) {
      t.cosT[k] = Math.cos((2 * Math.PI * k) / n);
      t.sinT[k] = Math.sin((2 * Math.PI * k) / n);
    }
    if (TWIDDLES.size > 32) TWIDDLES.clear();
    TWIDDLES.set(n, t);
  }
  return t;
}

/** Smallest power of two >= n. */
export function nextPowerOfTwo(n: number): number {
  let m = 1;
  while (m < n) m <<= 1;
  return m;
}
