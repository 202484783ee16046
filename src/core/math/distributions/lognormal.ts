import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegative, checkFinite, checkPositiveFinite } from '../check';
import { LOG_SQRT_2PI } from '../special/constants';
import { logPhi, logPhiDeriv } from '../special/Phi';

function valid(fn: string, y: number, mu: number, sigma: number): boolean {
  return checkNonnegative(fn, 'Random variable', y) && checkFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

export function lognormalLpdf(out: Float64Array | null, flags: number, y: number, mu: number, sigma: number): number {
  if (!valid('lognormal_lpdf', y, mu, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  if (y === 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return -Infinity;
  }
  const ly = Math.log(y);
  const z = (ly - mu) / sigma;
  let lp = -0.5 * z * z;
  if (include(flags, 0)) lp -= LOG_SQRT_2PI;
  if (include(flags, 4)) lp -= Math.log(sigma);
  if (include(flags, 1)) lp -= ly;
  if (out !== null) {
    out[0] = -(1 + z / sigma) / y;
    out[1] = z / sigma;
    out[2] = (z * z - 1) / sigma;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, mu: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'lognormal_lccdf' : 'lognormal_lcdf', y, mu, sigma)) return NaN;
  const s = upper ? -1 : 1;
  if (y === 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return upper ? 0 : -Infinity;
  }
  const z = (Math.log(y) - mu) / sigma;
  const v = logPhi(s * z);
  if (out !== null) {
    const r = s * logPhiDeriv(s * z);
    out[0] = r / (sigma * y);
    out[1] = -r / sigma;
    out[2] = (-r * z) / sigma;
  }
  return v;
}

export const lognormal: UnivariateFamily = {
  name: 'lognormal',
  discrete: false,
  args: ['y', 'mu', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, mu, s) => lognormalLpdf(null, f, y, mu, s),
  logDensityWithPartials: (o, f, y, mu, s) => lognormalLpdf(o, f, y, mu, s),
  lcdf: (y, mu, s) => lcdfImpl(null, y, mu, s, false),
  lcdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, false),
  lccdf: (y, mu, s) => lcdfImpl(null, y, mu, s, true),
  lccdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, true),
  rng: (r: Rng, mu, sigma) =>
    checkFinite('lognormal_rng', 'Location parameter', mu) && checkPositiveFinite('lognormal_rng', 'Scale parameter', sigma) ? Math.exp(mu + sigma * r.normal()) : NaN,
};
