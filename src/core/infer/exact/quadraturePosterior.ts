// Exact marginals of a model with one or two unconstrained coordinates by adaptive Gauss–Kronrod
// quadrature of exp(log density) (with the Jacobian) over the whole unconstrained space, mapped onto
// (−1, 1) around the mode. Gives the normalising constant, the mean and sd of every constrained output,
// quantiles (exact for outputs that are monotone in one coordinate), gridded densities and draws.
import { Rng } from '../rng';
import { type AxisMap, jacT, mapT } from './axisMap';
import { CoordinateMarginal } from './coordinateMarginal';
import type { ExactParameterSummary, ExactPosteriorResult } from './exactTypes';
import { findMode } from './findMode';
import { adaptiveGk, gk15 } from './gaussKronrod';
import { fmt } from './marginalFamilies';
import type { QuadratureTarget } from './quadratureTarget';
import { quadratureSampler } from './quadratureSampler';

const REL_TOL = 1e-11;

export function quadraturePosterior(target: QuadratureTarget): ExactPosteriorResult {
  const d = target.dim;
  const failure = (reason: string): ExactPosteriorResult => ({ ok: false, reason, reasons: [reason] });
  if (d < 1 || d > 2) return failure(`quadrature needs one or two unconstrained dimensions; this model has ${d}`);
  const logp = (x: Float64Array) => {
    const v = target.logDensity(x);
    return Number.isFinite(v) ? v : -Infinity;
  };
  const mode = findMode(logp, d);
  if (!Number.isFinite(mode.lp)) return failure('the log density is not finite anywhere we looked, so quadrature cannot start');
  if (!mode.ok) return failure('the log density has no finite maximum (no curvature at the highest point found): the posterior may be improper');
  const P = mode.precision;
  const cov = d === 1 ? [1 / P[0]] : (() => {
    const det = P[0] * P[3] - P[1] * P[2];
    return [P[3] / det, -P[1] / det, -P[2] / det, P[0] / det];
  })();
  const K = target.outputNames.length;
  const gMode = new Float64Array(K);
  target.constrain(mode.mode, gMode);
  const g = new Float64Array(K);
  const theta = new Float64Array(d);
  const lp0 = mode.lp;
  const m = 1 + 2 * K;
  // Accumulates w·[1, (g − gMode), (g − gMode)²] at theta.
  const point = (w: number, out: Float64Array) => {
    if (!(w > 0) || !Number.isFinite(w)) {
      out.fill(0);
      return;
    }
    target.constrain(theta, g);
    out[0] = w;
    for (let k = 0; k < K; k++) {
      const dg = g[k] - gMode[k];
      out[1 + 2 * k] = w * dg;
      out[2 + 2 * k] = w * dg * dg;
    }
  };
  const axes: AxisMap[] = Array.from({ length: d }, (_, j) => ({ c: mode.mode[j], s: Math.sqrt(cov[j * d + j]) }));
  // The conditional centre and sd of coordinate `inner` given the other (Gaussian approximation).
  const conditional = (inner: number, outerValue: number): AxisMap => {
    const o = 1 - inner;
    return { c: mode.mode[inner] + (cov[inner * d + o] / cov[o * d + o]) * (outerValue - mode.mode[o]), s: 1 / Math.sqrt(P[inner * d + inner]) };
  };
  // Integral over the inner coordinate at a fixed outer value (2-D), vector of m components.
  const innerIntegral = (inner: number, outerValue: number, comps: number, tol = REL_TOL): Float64Array => {
    const ax = conditional(inner, outerValue);
    const res = adaptiveGk((t, out) => {
      theta[1 - inner] = outerValue;
      theta[inner] = mapT(ax, t);
      const w = Math.exp(logp(theta) - lp0) * jacT(ax, t);
      if (comps === 1) out[0] = w > 0 && Number.isFinite(w) ? w : 0;
      else point(w, out);
    }, comps, -1, 1, tol, 300, 4, 1e-3 * tol * ax.s);
    return res.value;
  };
  // The moments, integrating coordinate 0 on the outside.
  const outer = axes[0];
  const moments = adaptiveGk((t, out) => {
    const x = mapT(outer, t);
    const J = jacT(outer, t);
    if (d === 1) {
      theta[0] = x;
      point(Math.exp(logp(theta) - lp0) * J, out);
      return;
    }
    const v = innerIntegral(1, x, m);
    for (let r = 0; r < m; r++) out[r] = v[r] * J;
  }, m, -1, 1, REL_TOL * 10, d === 1 ? 2000 : 400);
  const Z = moments.value[0];
  if (!(Z > 0) || !Number.isFinite(Z)) return failure('the integral of the density is not finite: the posterior is improper');
  // Mass far out (beyond ~500 sds of the mode) signals an improper or extremely heavy-tailed posterior.
  const tailMass = (a: number, b: number) => gk15((t, out) => {
    theta[0] = mapT(outer, t);
    if (d === 2) out[0] = innerIntegral(1, theta[0], 1)[0] * jacT(outer, t);
    else out[0] = Math.exp(logp(theta) - lp0) * jacT(outer, t);
  }, 1, a, b).value[0];
  const far = tailMass(-1, -0.999) + tailMass(0.999, 1);
  if (!(far <= 1e-6 * Z)) return failure('the density does not fall off in the tails (mass beyond 500 sds of the mode): the posterior looks improper');
  // Coordinate marginals: 1-D directly; 2-D from the inner integrals (coordinate 1 by swapping the order).
  const marginals: CoordinateMarginal[] = [];
  for (let j = 0; j < d; j++) {
    const dens = (x: number) => {
      if (d === 1) {
        theta[0] = x;
        return Math.exp(logp(theta) - lp0);
      }
      return innerIntegral(1 - j, x, 1, 1e-10)[0];
    };
    const panels = j === 0 ? moments.panels : adaptiveGk((t, out) => (out[0] = dens(mapT(axes[j], t)) * jacT(axes[j], t)), 1, -1, 1, REL_TOL * 10, 400).panels;
    marginals.push(new CoordinateMarginal(axes[j], dens, panels));
  }
  const sampler = quadratureSampler(target, logp, lp0, axes, conditional);
  const parameters: Record<string, ExactParameterSummary> = {};
  let approxQuantiles = false;
  const outputsAt = (x: Float64Array) => {
    const out = new Float64Array(K);
    target.constrain(x, out);
    return out;
  };
  const dependence = outputDependence(marginals, mode.mode, outputsAt, K);
  let maxErr = moments.error[0] / Z;
  let fallbackDraws: Record<string, Float64Array> | null = null;
  target.outputNames.forEach((name, k) => {
    const e1 = moments.value[1 + 2 * k] / Z;
    const e2 = moments.value[2 + 2 * k] / Z;
    const mean = gMode[k] + e1;
    const sd = Math.sqrt(Math.max(0, e2 - e1 * e1));
    maxErr = Math.max(maxErr, (moments.error[1 + 2 * k] / Z + Math.abs(e1) * (moments.error[0] / Z)) / Math.max(sd, 1e-300));
    const dep = dependence[k];
    let q: number[];
    let density: ExactParameterSummary['density'];
    if (dep.coord >= 0 && dep.sign !== 0) {
      const mg = marginals[dep.coord];
      const gAt = (x: number) => {
        const at = Float64Array.from(mode.mode);
        at[dep.coord] = x;
        return outputsAt(at)[k];
      };
      q = [0.05, 0.5, 0.95].map((p) => gAt(mg.quantile(dep.sign > 0 ? p : 1 - p)));
      const lo = mg.quantile(5e-4);
      const hi = mg.quantile(1 - 5e-4);
      const n = 121;
      const xs = new Float64Array(n);
      const ys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = lo + ((hi - lo) * i) / (n - 1);
        const h = 1e-6 * Math.max(1, Math.abs(x));
        const slope = Math.abs(gAt(x + h) - gAt(x - h)) / (2 * h);
        const r = dep.sign > 0 ? i : n - 1 - i;
        xs[r] = gAt(x);
        ys[r] = mg.density(x) / mg.Z / slope;
      }
      density = { x: xs, y: ys };
    } else {
      approxQuantiles = true;
      fallbackDraws ??= sampler.draw(20000, new Rng(20260101, 7));
      const sorted = Float64Array.from(fallbackDraws![name]).sort();
      q = [0.05, 0.5, 0.95].map((p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
    }
    const summary: ExactParameterSummary = { mean, sd, q5: q[0], q50: q[1], q95: q[2] };
    if (density) {
      const { x, y } = density;
      summary.density = density;
      summary.logDensity = (v: number) => Math.log(interpolate(x, y, v));
    }
    parameters[name] = summary;
  });
  const coords = target.coordinateNames.join(' and ');
  const explanation =
    `No conjugate form applies, but the model has ${d === 1 ? 'one unconstrained dimension' : 'two unconstrained dimensions'} (${coords}), ` +
    `so the posterior was integrated numerically: adaptive Gauss–Kronrod quadrature of the density (with the Jacobian of the constraining transforms) over the whole unconstrained space, ` +
    `centred on the mode and scaled by the curvature there. Estimated relative error of the normalising constant and the means: ${fmt(Math.max(maxErr, 1e-16))}` +
    (moments.converged ? '' : ' (the requested tolerance was not reached)') +
    `. Quantiles come from the exact marginal CDFs` +
    (approxQuantiles ? `, except for outputs that depend on both coordinates, whose quantiles are estimated from 20000 gridded draws` : '') +
    '; draws are made by inverse-CDF sampling from the gridded marginal' + (d === 2 ? ' and then the conditional.' : '.');
  return {
    ok: true, kind: 'quadrature', explanation, names: [...target.outputNames], parameters, estimatedError: maxErr,
    shapes: target.shapes ?? Object.fromEntries(target.outputNames.map((n) => [n, []])),
    draw: (n: number, rng: Rng) => sampler.draw(n, rng),
  };
}

function interpolate(x: Float64Array, y: Float64Array, v: number): number {
  if (!(v >= x[0] && v <= x[x.length - 1])) return 0;
  let i = 0;
  while (i < x.length - 2 && x[i + 1] < v) i++;
  const f = x[i + 1] > x[i] ? (v - x[i]) / (x[i + 1] - x[i]) : 0;
  return y[i] + f * (y[i + 1] - y[i]);
}

// For each output: the single coordinate it depends on (−1 if both or none) and its monotone direction
// along it (+1, −1, or 0 if not monotone), checked at quantiles of the coordinates.
function outputDependence(marginals: CoordinateMarginal[], mode: Float64Array, at: (x: Float64Array) => Float64Array, K: number): { coord: number; sign: number }[] {
  const d = marginals.length;
  const probs = [5e-4, 0.05, 0.25, 0.5, 0.75, 0.95, 1 - 5e-4];
  const qs = marginals.map((mg) => probs.map((p) => mg.quantile(p)));
  const res: { coord: number; sign: number }[] = [];
  for (let k = 0; k < K; k++) {
    const depends = Array.from({ length: d }, (_, j) => {
      const base = Float64Array.from(mode);
      const vals = qs[j].map((x) => ((base[j] = x), at(base)[k]));
      return vals.some((v) => Math.abs(v - vals[0]) > 1e-12 * (1 + Math.abs(vals[0])));
    });
    const coords = depends.flatMap((b, j) => (b ? [j] : []));
    if (coords.length !== 1) {
      res.push({ coord: -1, sign: 0 });
      continue;
    }
    const j = coords[0];
    const base = Float64Array.from(mode);
    const vals = qs[j].map((x) => ((base[j] = x), at(base)[k]));
    const diffs = vals.slice(1).map((v, i) => v - vals[i]);
    const sign = diffs.every((x) => x > 0) ? 1 : diffs.every((x) => x < 0) ? -1 : 0;
    res.push({ coord: j, sign });
  }
  return res;
}
