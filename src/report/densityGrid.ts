// Kernel density curves for the panel's marginal overlays, computed once on the host (the webview
// never computes statistics). Gaussian kernel, Silverman's rule-of-thumb bandwidth, on a grid shared by
// the approximation and the reference so the two curves overlay directly.

const maxDraws = 2000;

export interface DensityPair {
  x: number[];
  approximation: number[] | null;
  reference: number[] | null;
}

export function densityPair(approximation: ArrayLike<number> | null, reference: ArrayLike<number> | null, points = 96): DensityPair | null {
  const a = approximation ? finiteThinned(approximation) : null;
  const r = reference ? finiteThinned(reference) : null;
  const sides = [a, r].filter((s): s is number[] => s !== null && s.length > 1);
  if (sides.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sides) {
    const sorted = [...s].sort((p, q) => p - q);
    lo = Math.min(lo, pick(sorted, 0.002));
    hi = Math.max(hi, pick(sorted, 0.998));
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
    approximation: a && a.length > 1 ? kde(a, x) : null,
    reference: r && r.length > 1 ? kde(r, x) : null,
  };
}

function kde(s: number[], x: number[]): number[] {
  const n = s.length;
  let mean = 0;
  for (const v of s) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of s) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const sorted = [...s].sort((p, q) => p - q);
  const iqr = pick(sorted, 0.75) - pick(sorted, 0.25);
  const spread = Math.min(sd, iqr > 0 ? iqr / 1.34 : sd);
  const h = 0.9 * (spread > 0 ? spread : Math.abs(mean) * 0.01 || 1) * n ** -0.2;
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
  return x.map((xi) => {
    let sum = 0;
    for (const v of s) {
      const z = (xi - v) / h;
      if (z < 8 && z > -8) sum += Math.exp(-0.5 * z * z);
    }
    return sum * norm;
  });
}

function pick(sorted: number[], p: number): number {
  const at = p * (sorted.length - 1);
  const i = Math.floor(at);
  const j = Math.min(i + 1, sorted.length - 1);
  return sorted[i] + (sorted[j] - sorted[i]) * (at - i);
}

/** At most `limit` finite values, evenly spaced through the draws (deterministic). */
export function finiteThinned(v: ArrayLike<number>, limit = maxDraws): number[] {
  const out: number[] = [];
  const step = Math.max(1, v.length / limit);
  for (let k = 0; k < v.length && out.length < limit; k += step) {
    const x = v[Math.floor(k)];
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}
