// Kernel density curves for the panel's marginal overlays, computed once on the host side (the webview
// never computes statistics). Gaussian kernel, Silverman's rule-of-thumb bandwidth, evaluated by linear
// binning on a grid shared by the approximation and the reference so the two curves overlay directly.
// Binning keeps it to a few hundred microseconds per curve, so large models do not stall the host.

const maxDraws = 4000;
const binsPerPoint = 4;

export interface DensityPair {
  x: number[];
  approximation: number[] | null;
  reference: number[] | null;
}

export function densityPair(approximation: ArrayLike<number> | null, reference: ArrayLike<number> | null, points = 96): DensityPair | null {
  const a = approximation ? sortedFinite(approximation) : null;
  const r = reference ? sortedFinite(reference) : null;
  const sides = [a, r].filter((s): s is Float64Array => s !== null && s.length > 1);
  if (sides.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sides) {
    lo = Math.min(lo, pick(s, 0.002));
    hi = Math.max(hi, pick(s, 0.998));
  }
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  return {
    x,
    approximation: a && a.length > 1 ? kde(a, lo, hi, points) : null,
    reference: r && r.length > 1 ? kde(r, lo, hi, points) : null,
  };
}

// Linear binning onto a fine grid (binsPerPoint per output step), then a Gaussian kernel by bin offset.
function kde(sorted: Float64Array, lo: number, hi: number, points: number): number[] {
  const n = sorted.length;
  const h = bandwidth(sorted);
  const m = (points - 1) * binsPerPoint + 1;
  const w = (hi - lo) / (m - 1);
  const counts = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    const pos = (sorted[k] - lo) / w;
    if (pos < 0 || pos > m - 1) continue;
    const j = Math.floor(pos);
    const f = pos - j;
    counts[j] += 1 - f;
    if (j + 1 < m) counts[j + 1] += f;
  }
  const reach = Math.min(m, Math.ceil((8 * h) / w) + 1);
  const kernel = new Float64Array(reach);
  for (let d = 0; d < reach; d++) kernel[d] = Math.exp(-0.5 * ((d * w) / h) ** 2);
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const c = i * binsPerPoint;
    let sum = 0;
    for (let j = Math.max(0, c - reach + 1); j < Math.min(m, c + reach); j++) sum += counts[j] * kernel[Math.abs(j - c)];
    out.push(sum * norm);
  }
  return out;
}

function bandwidth(sorted: Float64Array): number {
  const n = sorted.length;
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const iqr = pick(sorted, 0.75) - pick(sorted, 0.25);
  const spread = Math.min(sd, iqr > 0 ? iqr / 1.34 : sd);
  return 0.9 * (spread > 0 ? spread : Math.abs(mean) * 0.01 || 1) * n ** -0.2;
}

function pick(sorted: Float64Array, p: number): number {
  const at = p * (sorted.length - 1);
  const i = Math.floor(at);
  const j = Math.min(i + 1, sorted.length - 1);
  return sorted[i] + (sorted[j] - sorted[i]) * (at - i);
}

/** At most maxDraws finite values, evenly spaced through the draws (deterministic), sorted. */
function sortedFinite(v: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  const step = Math.max(1, v.length / maxDraws);
  for (let k = 0; k < v.length && out.length < maxDraws; k += step) {
    const x = v[Math.floor(k)];
    if (Number.isFinite(x)) out.push(x);
  }
  return Float64Array.from(out).sort();
}
