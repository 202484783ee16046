import type { CorrelationPair } from './compareReport';

/**
 * Pearson correlation matrix of equally long columns (draws of one name each), row-major as nested
 * arrays so the report serialises to JSON. A constant or non-finite column gives NaN in its row and
 * column (1 on the diagonal only when it has spread).
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): number[][] {
  const k = columns.length;
  const n = k === 0 ? 0 : Math.min(...columns.map((c) => c.length));
  const z: (Float64Array | null)[] = columns.map((c) => standardize(c, n));
  const out: number[][] = [];
  for (let i = 0; i < k; i++) out.push(new Array<number>(k).fill(NaN));
  for (let i = 0; i < k; i++) {
    const zi = z[i];
    if (!zi) continue;
    out[i][i] = 1;
    for (let j = 0; j < i; j++) {
      const zj = z[j];
      if (!zj) continue;
      let s = 0;
      for (let t = 0; t < n; t++) s += zi[t] * zj[t];
      const r = Math.max(-1, Math.min(1, s / (n - 1)));
      out[i][j] = r;
      out[j][i] = r;
    }
  }
  return out;
}

/** Pearson correlation of two equally long samples (NaN if either is constant). */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return correlationMatrix([a, b])[0][1];
}

// (x − mean) / sd over the first n draws, or null when the column is constant or not finite.
function standardize(c: ArrayLike<number>, n: number): Float64Array | null {
  if (n < 2) return null;
  let m = 0;
  for (let t = 0; t < n; t++) m += c[t];
  m /= n;
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (c[t] - m) * (c[t] - m);
  const s = Math.sqrt(ss / (n - 1));
  if (!(s > 0) || !Number.isFinite(s)) return null;
  const z = new Float64Array(n);
  for (let t = 0; t < n; t++) z[t] = (c[t] - m) / s;
  return z;
}

/**
 * At most `cap` names for the correlation matrices: all of them when few enough, else those with
 * the largest variance (a 1000-parameter model would otherwise need a million-entry matrix per
 * side), kept in their original order. Names with zero or non-finite variance never qualify.
 */
export function selectCorrelationNames(
  names: readonly string[],
  variance: (name: string) => number,
  cap: number,
): { names: string[]; capped: boolean } {
  const usable = names.filter((n) => {
    const v = variance(n);
    return v > 0 && Number.isFinite(v);
  });
  if (usable.length <= cap) return { names: usable, capped: false };
  const keep = new Set(
    [...usable].sort((a, b) => variance(b) - variance(a)).slice(0, Math.max(0, cap)),
  );
  return { names: usable.filter((n) => keep.has(n)), capped: true };
}

/**
 * Pairs whose |ρ| the approximation lost (|ρ_ref| − |ρ_q| ≥ minChange) or invented
 * (|ρ_q| − |ρ_ref| ≥ minChange), largest change first, at most maxPairs of each.
 */
export function correlationChanges(
  names: readonly string[],
  reference: number[][],
  approximation: number[][],
  minChange: number,
  maxPairs: number,
): { lost: CorrelationPair[]; invented: CorrelationPair[] } {
  const lost: CorrelationPair[] = [];
  const invented: CorrelationPair[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < i; j++) {
      const r = reference[i][j];
      const q = approximation[i][j];
      if (Number.isNaN(r) || Number.isNaN(q)) continue;
      const d = Math.abs(r) - Math.abs(q);
      const pair = { a: names[j], b: names[i], reference: r, approximation: q };
      if (d >= minChange) lost.push({ ...pair, change: d });
      else if (-d >= minChange) invented.push({ ...pair, change: -d });
    }
  }
  const top = (xs: CorrelationPair[]) => xs.sort((x, y) => y.change - x.change).slice(0, maxPairs);
  return { lost: top(lost), invented: top(invented) };
}

/** Pairs with |ρ| ≥ min in one matrix, strongest first (all of them; callers count and name the first). */
export function strongPairs(names: readonly string[], matrix: number[][], min: number): { a: string; b: string; rho: number }[] {
  const out: { a: string; b: string; rho: number }[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < i; j++) {
      const r = matrix[i][j];
      if (Math.abs(r) >= min) out.push({ a: names[j], b: names[i], rho: r });
    }
  }
  return out.sort((x, y) => Math.abs(y.rho) - Math.abs(x.rho));
}
