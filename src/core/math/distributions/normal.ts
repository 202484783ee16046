import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNotNaN, checkFinite, checkPositiveFinite } from '../check';
import { LOG_SQRT_2PI } from '../special/constants';
import { logPhi, logPhiDeriv } from '../special/Phi';

function valid(fn: string, y: number, mu: number, sigma: number): boolean {
  // fast path without calls; the checkers run only to report the failure
  if (y === y && mu - mu === 0 && sigma > 0 && sigma < Infinity) return true;
  return checkNotNaN(fn, 'Random variable', y) && checkFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

/** normal_lpdf(y | mu, sigma) with partials into out (or none when out is null). */
export function normalLpdf(out: Float64Array | null, flags: number, y: number, mu: number, sigma: number): number {
  if (!valid('normal_lpdf', y, mu, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  const inv = 1 / sigma;
  const z = (y - mu) * inv;
  let lp = 0;
  if (include(flags, 0)) lp -= LOG_SQRT_2PI;
  if (include(flags, 4)) lp -= Math.log(sigma);
  lp -= 0.5 * z * z;
  if (out !== null) {
    out[0] = -z * inv;
    out[1] = z * inv;
    out[2] = varies(flags, 2) ? (z * z - 1) * inv : 0;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, mu: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'normal_lccdf' : 'normal_lcdf', y, mu, sigma)) return NaN;
  const z = (y - mu) / sigma;
  const s = upper ? -1 : 1;
  const v = logPhi(s * z);
  if (out !== null) {
    const r = s * logPhiDeriv(s * z); // d v / dz
    out[0] = r / sigma;
    out[1] = -r / sigma;
    out[2] = (-r * z) / sigma;
  }
  return v;
}

export const normal: UnivariateFamily = {
  name: 'normal',
  discrete: false,
  args: ['y', 'mu', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, mu, sigma) => normalLpdf(null, f, y, mu, sigma),
  logDensityWithPartials: (o, f, y, mu, sigma) => normalLpdf(o, f, y, mu, sigma),
  lcdf: (y, mu, sigma) => lcdfImpl(null, y, mu, sigma, false),
  lcdfWithPartials: (o, y, mu, sigma) => lcdfImpl(o, y, mu, sigma, false),
  lccdf: (y, mu, sigma) => lcdfImpl(null, y, mu, sigma, true),
  lccdfWithPartials: (o, y, mu, sigma) => lcdfImpl(o, y, mu, sigma, true),
  rng: (r: Rng, mu, sigma) => (checkFinite('normal_rng', 'Location parameter', mu) && checkPositiveFinite('normal_rng', 'Scale parameter', sigma) ? mu + sigma * r.normal() : NaN),
};
