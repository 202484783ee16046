// The substitution θ = c + s·t/(1 − t²), t ∈ (−1, 1), that maps the whole real line onto a finite
// interval for quadrature, centred on the mode (c) and scaled by the posterior sd (s).

export interface AxisMap {
  c: number;
  s: number;
}

export function mapT(ax: AxisMap, t: number): number {
  return ax.c + (ax.s * t) / (1 - t * t);
}

export function jacT(ax: AxisMap, t: number): number {
  const u = 1 - t * t;
  return (ax.s * (1 + t * t)) / (u * u);
}

// The inverse map: solves s t / (1 − t²) = θ − c for t in (−1, 1).
export function unmapT(ax: AxisMap, theta: number): number {
  const y = (theta - ax.c) / ax.s;
  if (y === 0) return 0;
  return (2 * y) / (1 + Math.sqrt(1 + 4 * y * y));
}
