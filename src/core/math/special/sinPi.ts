/** sin(pi*x) with exact argument reduction, so it is exactly 0 at integers (reflection formulas). */
export function sinPi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  let r = x % 2; // exact
  if (r < 0) r += 2;
  // sin(pi r) for r in [0, 2)
  let sign = 1;
  if (r >= 1) {
    r -= 1;
    sign = -1;
  }
  if (r > 0.5) r = 1 - r;
  if (r === 0) return 0;
  return sign * Math.sin(Math.PI * r);
}

/** cot(pi*x), reduced the same way. */
export function cotPi(x: number): number {
  let r = x % 1;
  if (r < 0) r += 1;
  if (r === 0) return NaN;
  if (r > 0.5) return -1 / Math.tan(Math.PI * (1 - r));
  return 1 / Math.tan(Math.PI * r);
}
