import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkFinite, checkNonnegativeFinite } from '../check';
import { LOG_2PI } from '../special/constants';
import { logModifiedBesselFirstKind, besselIRatio } from '../special/bessel';
import { logVonMisesCdf, reduceAngle } from './vonMisesCdf';

const dk = new Float64Array(1);

function lcdfImpl(out: Float64Array | null, y: number, mu: number, kappa: number, upper: boolean): number {
  if (!valid(upper ? 'von_mises_lccdf' : 'von_mises_lcdf', y, mu, kappa)) return NaN;
  const x = reduceAngle(y - mu);
  const v = logVonMisesCdf(x, kappa, upper, out !== null ? dk : null);
  if (out !== null) {
    // density at x relative to the (c)cdf
    const r = (upper ? -1 : 1) * Math.exp(kappa * Math.cos(x) - LOG_2PI - logModifiedBesselFirstKind(0, kappa) - v);
    out[0] = r;
    out[1] = -r;
    out[2] = dk[0];
  }
  return v;
}

function valid(fn: string, y: number, mu: number, kappa: number): boolean {
  return checkFinite(fn, 'Random variable', y) && checkFinite(fn, 'Location parameter', mu) && checkNonnegativeFinite(fn, 'Scale parameter', kappa);
}

/** von_mises_lpdf(y | mu, kappa) = kappa cos(y - mu) - log(2 pi I0(kappa)). */
export function vonMisesLpdf(out: Float64Array | null, flags: number, y: number, mu: number, kappa: number): number {
  if (!valid('von_mises_lpdf', y, mu, kappa)) return NaN;
  if (!include(flags, 7)) return 0;
  const c = Math.cos(y - mu);
  let lp = kappa * c;
  if (include(flags, 0)) lp -= LOG_2PI;
  if (include(flags, 4)) lp -= logModifiedBesselFirstKind(0, kappa);
  if (out !== null) {
    const s = Math.sin(y - mu);
    out[0] = -kappa * s;
    out[1] = kappa * s;
    out[2] = varies(flags, 2) ? c - besselIRatio(0, kappa) : 0;
  }
  return lp;
}

/** Best & Fisher (1979) wrapped-Cauchy envelope rejection; result in [mu - pi, mu + pi] with mu reduced mod 2 pi. */
function vonMisesRng(r: Rng, mu: number, kappa: number): number {
  const fn = 'von_mises_rng';
  if (!(checkFinite(fn, 'Location parameter', mu) && checkNonnegativeFinite(fn, 'Scale parameter', kappa))) return NaN;
  const m = mu - 2 * Math.PI * Math.floor(mu / (2 * Math.PI));
  if (kappa < 1e-8) return m + Math.PI * (2 * r.uniform() - 1);
  const a = 1 + Math.sqrt(1 + 4 * kappa * kappa);
  const b = (a - Math.sqrt(2 * a)) / (2 * kappa);
  const rr = (1 + b * b) / (2 * b);
  for (;;) {
    const z = Math.cos(Math.PI * r.uniform());
    const f = (1 + rr * z) / (rr + z);
    const c = kappa * (rr - f);
    const u2 = r.uniformOpen();
    if (c * (2 - c) - u2 > 0 || Math.log(c / u2) + 1 - c >= 0) {
      const theta = Math.acos(Math.max(-1, Math.min(1, f)));
      return r.uniform() < 0.5 ? m - theta : m + theta;
    }
  }
}

export const vonMises: UnivariateFamily = {
  name: 'von_mises',
  discrete: false,
  args: ['y', 'mu', 'kappa'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, m, k) => vonMisesLpdf(null, f, y, m, k),
  logDensityWithPartials: (o, f, y, m, k) => vonMisesLpdf(o, f, y, m, k),
  lcdf: (y, m, k) => lcdfImpl(null, y, m, k, false),
  lcdfWithPartials: (o, y, m, k) => lcdfImpl(o, y, m, k, false),
  lccdf: (y, m, k) => lcdfImpl(null, y, m, k, true),
  lccdfWithPartials: (o, y, m, k) => lcdfImpl(o, y, m, k, true),
  rng: (r: Rng, m, k) => vonMisesRng(r, m, k),
};
