import { incBeta } from './incBeta';
import { gammaP, gammaQ, gammaPDerivX } from './incGamma';
import { lbeta } from './combinatorics';

/**
 * Partials of Stan's inc_beta(a, b, x), gamma_p(a, x) and gamma_q(a, x) as functions: analytic in
 * x, central differences in the shape arguments (documented stopgap, ~1e-9 relative).
 */
function step(v: number): number {
  return 6e-6 * Math.max(Math.abs(v), 1e-3);
}

/** inc_beta value; out[0..2] = d/da, d/db, d/dx. */
export function incBetaPartials(out: Float64Array, a: number, b: number, x: number): number {
  const v = incBeta(a, b, x);
  const ha = step(a), hb = step(b);
  out[0] = (incBeta(a + ha, b, x) - incBeta(a - ha, b, x)) / (2 * ha);
  out[1] = (incBeta(a, b + hb, x) - incBeta(a, b - hb, x)) / (2 * hb);
  out[2] = x > 0 && x < 1 ? Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b)) : 0;
  return v;
}

/** gamma_p value; out[0] = d/da, out[1] = d/dx. */
export function gammaPPartials(out: Float64Array, a: number, x: number): number {
  const h = step(a);
  out[0] = (gammaP(a + h, x) - gammaP(a - h, x)) / (2 * h);
  out[1] = gammaPDerivX(a, x);
  return gammaP(a, x);
}

/** gamma_q value; out[0] = d/da, out[1] = d/dx. */
export function gammaQPartials(out: Float64Array, a: number, x: number): number {
  const h = step(a);
  out[0] = (gammaQ(a + h, x) - gammaQ(a - h, x)) / (2 * h);
  out[1] = -gammaPDerivX(a, x);
  return gammaQ(a, x);
}
