import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNotNaN, checkFinite, checkPositiveFinite } from '../check';
import { LOG_PI } from '../special/constants';

function valid(fn: string, y: number, mu: number, sigma: number): boolean {
  return checkNotNaN(fn, 'Random variable', y) && checkFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

export function cauchyLpdf(out: Float64Array | null, flags: number, y: number, mu: number, sigma: number): number {
  if (!valid('cauchy_lpdf', y, mu, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  const z = (y - mu) / sigma;
  let lp = -Math.log1p(z * z);
  if (include(flags, 0)) lp -= LOG_PI;
  if (include(flags, 4)) lp -= Math.log(sigma);
  if (out !== null) {
    const dz = (-2 * z) / (1 + z * z);
    out[0] = dz / sigma;
    out[1] = -dz / sigma;
    out[2] = (-1 - dz * z) / sigma;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, mu: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'cauchy_lccdf' : 'cauchy_lcdf', y, mu, sigma)) return NaN;
  const z = ((upper ? -1 : 1) * (y - mu)) / sigma;
  // cdf(z) = 0.5 + atan(z)/pi = atan2(1, -z)/pi, accurate in the lower tail
  const c = Math.atan2(1, -z) / Math.PI;
  if (out !== null) {
    const r = ((upper ? -1 : 1) * (1 / (Math.PI * (1 + z * z)))) / c;
    out[0] = r / sigma;
    out[1] = -r / sigma;
    out[2] = (-r * (y - mu)) / (sigma * sigma);
  }
  return Math.log(c);
}

export const cauchy: UnivariateFamily = {
  name: 'cauchy',
  discrete: false,
  args: ['y', 'mu', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, mu, s) => cauchyLpdf(null, f, y, mu, s),
  logDensityWithPartials: (o, f, y, mu, s) => cauchyLpdf(o, f, y, mu, s),
  lcdf: (y, mu, s) => lcdfImpl(null, y, mu, s, false),
  lcdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, false),
  lccdf: (y, mu, s) => lcdfImpl(null, y, mu, s, true),
  lccdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, true),
  rng: (r: Rng, mu, sigma) =>
    checkFinite('cauchy_rng', 'Location parameter', mu) && checkPositiveFinite('cauchy_rng', 'Scale parameter', sigma) ? mu + sigma * Math.tan(Math.PI * (r.uniformOpen() - 0.5)) : NaN,
};
