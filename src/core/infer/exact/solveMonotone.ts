// Inverts an increasing function on an interval: safeguarded Newton (falls back to bisection whenever a
// Newton step leaves the bracket). Used for the quantile functions of closed-form posteriors and of
// quadrature marginals.

// Finds x in [lo, hi] with f(x) = target, f increasing; df (optional) its derivative.
export function solveMonotone(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  df?: (x: number) => number,
  x0?: number,
  relTol = 1e-15,
): number {
  let a = lo;
  let b = hi;
  let x = x0 !== undefined && x0 > a && x0 < b ? x0 : 0.5 * (a + b);
  for (let it = 0; it < 200; it++) {
    const fx = f(x) - target;
    if (fx === 0) return x;
    if (fx < 0) a = x;
    else b = x;
    let next = NaN;
    if (df) {
      const d = df(x);
      if (d > 0 && Number.isFinite(d)) next = x - fx / d;
    }
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    if (Math.abs(next - x) <= relTol * Math.max(1, Math.abs(x)) || b - a <= relTol * Math.max(1, Math.abs(a), Math.abs(b))) return next;
    x = next;
  }
  return x;
}

// Grows an upper bracket from `start` (> 0) until f(hi) >= target.
export function bracketAbove(f: (x: number) => number, target: number, start: number): number {
  let hi = Math.max(start, 1e-300);
  for (let i = 0; i < 2000 && f(hi) < target; i++) hi *= 2;
  return hi;
}
