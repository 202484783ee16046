// The mode and curvature of a log density in one or two dimensions (finite-difference Newton with
// backtracking; gradient ascent where the Hessian is not negative definite). Quadrature centres and
// scales its substitution with them.

export interface ModeResult {
  mode: Float64Array;
  lp: number;
  // Negative Hessian (row-major d×d) at the mode; its inverse approximates the posterior covariance.
  precision: Float64Array;
  ok: boolean;
}

export function findMode(logp: (x: Float64Array) => number, d: number): ModeResult {
  let x = new Float64Array(d);
  let f = logp(x);
  // Stan's initialisation range: look for a finite starting point in (-2, 2).
  for (let i = 1; !Number.isFinite(f) && i < 50; i++) {
    for (let j = 0; j < d; j++) x[j] = 2 * Math.sin(i * (j + 1) * 12.9898);
    f = logp(x);
  }
  if (!Number.isFinite(f)) return { mode: x, lp: f, precision: new Float64Array(d * d), ok: false };
  const at = (y: Float64Array) => {
    const v = logp(y);
    return Number.isFinite(v) ? v : -Infinity;
  };
  let H: Float64Array = new Float64Array(d * d);
  for (let it = 0; it < 200; it++) {
    const { g, negH } = derivatives(at, x, f, d);
    H = negH;
    let step = newtonStep(negH, g, d);
    if (!step) {
      const n = Math.hypot(...g) || 1;
      step = g.map((v) => v / n);
    }
    let t = 1;
    let y = x.map((v, j) => v + step![j]);
    let fy = at(y);
    while (!(fy >= f) && t > 1e-12) {
      t /= 2;
      y = x.map((v, j) => v + t * step![j]);
      fy = at(y);
    }
    if (!(fy >= f)) break;
    const moved = Math.max(...y.map((v, j) => Math.abs(v - x[j])));
    x = y;
    const gain = fy - f;
    f = fy;
    if (moved < 1e-10 * (1 + Math.max(...x.map(Math.abs))) || (gain < 1e-14 && moved < 1e-7)) break;
  }
  H = derivatives(at, x, f, d).negH;
  const ok = newtonStep(H, new Float64Array(d), d) !== null;
  return { mode: x, lp: f, precision: H, ok };
}

function derivatives(f: (y: Float64Array) => number, x: Float64Array, fx: number, d: number): { g: Float64Array; negH: Float64Array } {
  const g = new Float64Array(d);
  const negH = new Float64Array(d * d);
  const h = Array.from(x, (v) => 1e-4 * Math.max(1, Math.abs(v)));
  const shifted = (di: number[]) => f(x.map((v, j) => v + di[j] * h[j]));
  for (let i = 0; i < d; i++) {
    const e = new Array(d).fill(0);
    e[i] = 1;
    const fp = shifted(e);
    e[i] = -1;
    const fm = shifted(e);
    g[i] = (fp - fm) / (2 * h[i]);
    negH[i * d + i] = -(fp - 2 * fx + fm) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const pp = shifted(e.map((_, k) => (k === i || k === j ? 1 : 0)));
      const mm = shifted(e.map((_, k) => (k === i || k === j ? -1 : 0)));
      const pm = shifted(e.map((_, k) => (k === i ? 1 : k === j ? -1 : 0)));
      const mp = shifted(e.map((_, k) => (k === i ? -1 : k === j ? 1 : 0)));
      negH[i * d + j] = negH[j * d + i] = -(pp - pm - mp + mm) / (4 * h[i] * h[j]);
    }
  }
  return { g, negH };
}

// Solves negH · s = g when negH is positive definite (d ≤ 2), else null.
function newtonStep(negH: Float64Array, g: Float64Array, d: number): Float64Array | null {
  if (d === 1) return negH[0] > 0 && Number.isFinite(negH[0]) ? Float64Array.of(g[0] / negH[0]) : null;
  const [a, b, , c] = negH;
  const det = a * c - b * b;
  if (!(a > 0 && det > 0 && Number.isFinite(det))) return null;
  return Float64Array.of((c * g[0] - b * g[1]) / det, (a * g[1] - b * g[0]) / det);
}
