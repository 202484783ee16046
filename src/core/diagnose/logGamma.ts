/**
 * log Gamma(x) for x > 0: Lanczos (g = 7, 9 terms) for small x, Stirling's series with four
 * correction terms from x >= 10; both about 1e-15 relative.
 */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7];
const HALF_LOG_2PI = 0.91893853320467274178;

export function logGamma(x: number): number {
  if (Number.isNaN(x) || x <= 0) return NaN;
  if (x === Infinity) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  if (x >= 10) {
    const r = 1 / x;
    const r2 = r * r;
    const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
