import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkFinite, checkPositiveFinite } from '../check';
import { LOG_TWO } from '../special/constants';

function valid(fn: string, y: number, mu: number, sigma: number): boolean {
  return checkFinite(fn, 'Random variable', y) && checkFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

export function doubleExponentialLpdf(out: Float64Array | null, flags: number, y: number, mu: number, sigma: number): number {
  if (!valid('double_exponential_lpdf', y, mu, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  const d = y - mu;
  const ad = Math.abs(d);
  let lp = -ad / sigma;
  if (include(flags, 0)) lp -= LOG_TWO;
  if (include(flags, 4)) lp -= Math.log(sigma);
  if (out !== null) {
    const sg = d > 0 ? 1 : d < 0 ? -1 : 0;
    out[0] = -sg / sigma;
    out[1] = sg / sigma;
    out[2] = -1 / sigma + ad / (sigma * sigma);
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, mu: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'double_exponential_lccdf' : 'double_exponential_lcdf', y, mu, sigma)) return NaN;
  const s = upper ? -1 : 1;
  const z = (s * (y - mu)) / sigma; // lower cdf of z in the reflected problem
  let v: number;
  let dz: number;
  if (z < 0) {
    v = -LOG_TWO + z;
    dz = 1;
  } else {
    const e = 0.5 * Math.exp(-z);
    v = Math.log1p(-e);
    dz = e / (1 - e);
  }
  if (out !== null) {
    out[0] = (s * dz) / sigma;
    out[1] = (-s * dz) / sigma;
    out[2] = (-dz * z) / sigma;
  }
  return v;
}

export const doubleExponential: UnivariateFamily = {
  name: 'double_exponential',
  discrete: false,
  args: ['y', 'mu', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, mu, s) => doubleExponentialLpdf(null, f, y, mu, s),
  logDensityWithPartials: (o, f, y, mu, s) => doubleExponentialLpdf(o, f, y, mu, s),
  lcdf: (y, mu, s) => lcdfImpl(null, y, mu, s, false),
  lcdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, false),
  lccdf: (y, mu, s) => lcdfImpl(null, y, mu, s, true),
  lccdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, true),
  rng: (r: Rng, mu, sigma) => {
    if (!(checkFinite('double_exponential_rng', 'Location parameter', mu) && checkPositiveFinite('double_exponential_rng', 'Scale parameter', sigma))) return NaN;
    const e = r.exponential();
    return r.uniform() < 0.5 ? mu - sigma * e : mu + sigma * e;
  },
};
