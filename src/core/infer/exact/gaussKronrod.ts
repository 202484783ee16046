// Adaptive Gauss–Kronrod (7-point Gauss, 15-point Kronrod) for vector-valued integrands: the interval
// with the largest relative error estimate is bisected until every component meets the tolerance.

const XGK = [0.991455371120812639, 0.949107912342758525, 0.864864423359769073, 0.741531185599394440, 0.586087235467691130, 0.405845151377397167, 0.207784955007898468, 0];
const WGK = [0.022935322010529225, 0.063092092629978553, 0.104790010322250184, 0.140653259715525919, 0.169004726639267903, 0.190350578064785410, 0.204432940075298892, 0.209482141084727828];
const WG = [0.129484966168869693, 0.279705391489276668, 0.381830050505118945, 0.417959183673469388]; // at XGK[1], [3], [5], [7]

export type VectorIntegrand = (x: number, out: Float64Array) => void;

export interface Panel {
  a: number;
  b: number;
  value: Float64Array;
  error: Float64Array;
}

// One 15-point panel on [a, b].
export function gk15(f: VectorIntegrand, m: number, a: number, b: number): Panel {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fx = new Float64Array(m);
  const k = new Float64Array(m);
  const g = new Float64Array(m);
  for (let i = 0; i < 15; i++) {
    const j = i < 8 ? i : 14 - i;
    const x = i < 8 ? c - h * XGK[j] : c + h * XGK[j];
    f(x, fx);
    for (let r = 0; r < m; r++) {
      const v = Number.isFinite(fx[r]) ? fx[r] : 0;
      k[r] += WGK[j] * v;
      if (j % 2 === 1) g[r] += WG[(j - 1) / 2] * v;
    }
  }
  const error = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    k[r] *= h;
    g[r] *= h;
    error[r] = Math.abs(k[r] - g[r]);
  }
  return { a, b, value: k, error };
}

export interface AdaptiveResult {
  value: Float64Array;
  error: Float64Array; // summed panel error estimates (conservative)
  panels: Panel[]; // sorted by a
  converged: boolean;
}

// Stops when every component's error is below relTol × (Σ|panel values|) or below absTol.
export function adaptiveGk(f: VectorIntegrand, m: number, a: number, b: number, relTol = 1e-10, maxPanels = 400, initial = 8, absTol = 0): AdaptiveResult {
  const panels: Panel[] = [];
  for (let i = 0; i < initial; i++) panels.push(gk15(f, m, a + ((b - a) * i) / initial, a + ((b - a) * (i + 1)) / initial));
  const totals = () => {
    const value = new Float64Array(m);
    const error = new Float64Array(m);
    for (const p of panels) for (let r = 0; r < m; r++) {
      value[r] += p.value[r];
      error[r] += p.error[r];
    }
    return { value, error };
  };
  let converged = false;
  for (;;) {
    const { error } = totals();
    // Tolerance per component, relative to the component's magnitude (absolute integrals of moments
    // may be ~0, so scale by the largest |panel value| sum as well).
    const scale = new Float64Array(m);
    for (const p of panels) for (let r = 0; r < m; r++) scale[r] += Math.abs(p.value[r]);
    let worst = 0;
    for (let r = 0; r < m; r++) worst = Math.max(worst, error[r] / Math.max(scale[r], absTol / relTol, 1e-300));
    if (worst <= relTol) {
      converged = true;
      break;
    }
    if (panels.length >= maxPanels) break;
    // bisect the panel contributing the largest normalised error
    let best = 0;
    let bestErr = -1;
    panels.forEach((p, i) => {
      let e = 0;
      for (let r = 0; r < m; r++) e = Math.max(e, p.error[r] / Math.max(scale[r], absTol / relTol, 1e-300));
      if (e > bestErr) {
        bestErr = e;
        best = i;
      }
    });
    const p = panels[best];
    const mid = 0.5 * (p.a + p.b);
    panels.splice(best, 1, gk15(f, m, p.a, mid), gk15(f, m, mid, p.b));
  }
  const { value, error } = totals();
  return { value, error, panels, converged };
}
