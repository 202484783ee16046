/** A source of independent uniform(0, 1) numbers (seeded by the caller). */
export type Uniform = () => number;

export type ResampleMethod = 'stratified' | 'deterministic' | 'simple';

/**
 * Indices (0-based) of draws chosen in proportion to `weights` (non-negative, any scale), as
 * posterior's resample_draws: 'stratified' (default; one uniform per draw while places remain,
 * consumed in the same order as posterior so the same uniforms give the same choice),
 * 'deterministic' (no randomness), or 'simple' (multinomial, with replacement).
 */
export function importanceResample(
  weights: ArrayLike<number>, ndraws: number, uniform: Uniform, method: ResampleMethod = 'stratified',
): Int32Array {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] >= 0) || weights[i] === Infinity) throw new RangeError('weights must be finite and non-negative');
    total += weights[i];
  }
  if (!(total > 0)) throw new RangeError('weights must not all be zero');
  const w = Float64Array.from(weights, (v) => (ndraws * v) / total);
  const out = new Int32Array(ndraws);
  let j = 0;
  const put = (i: number) => {
    if (j < ndraws) out[j] = i;
    j++;
  };
  if (method === 'stratified') {
    let c = 0;
    for (let i = 0; i < w.length; i++) {
      c += w[i];
      if (c >= 1) {
        const a = Math.floor(c);
        c -= a;
        for (let k = 0; k < a; k++) put(i);
      }
      if (j < ndraws && c >= uniform()) {
        c -= 1;
        put(i);
      }
    }
  } else if (method === 'deterministic') {
    let c = 0.5;
    for (let i = 0; i < w.length; i++) {
      let wi = w[i];
      if (wi >= 1) {
        const a = Math.floor(wi);
        wi -= a;
        for (let k = 0; k < a; k++) put(i);
      }
      c += wi;
      if (c >= 1) {
        put(i);
        c -= 1;
      }
    }
  } else {
    const cdf = new Float64Array(w.length);
    let acc = 0;
    for (let i = 0; i < w.length; i++) cdf[i] = acc += w[i] / ndraws;
    for (let k = 0; k < ndraws; k++) {
      const u = uniform() * acc;
      let lo = 0;
      let hi = w.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      put(lo);
    }
  }
  // rounding can leave the last place empty: give it to the heaviest draw
  if (j < ndraws) {
    let best = 0;
    for (let i = 1; i < w.length; i++) if (w[i] > w[best]) best = i;
    for (; j < ndraws; j++) out[j] = best;
  }
  return out;
}
