import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNotNaN, checkFinite, checkPositiveFinite } from '../check';
import { LOG_SQRT_PI } from '../special/constants';
import { digamma } from '../special/digamma';
import { logIncBeta } from '../special/incBeta';
import { lbeta } from '../special/combinatorics';
import { fdStep } from './fd';

function valid(fn: string, y: number, nu: number, mu: number, sigma: number): boolean {
  return (
    checkNotNaN(fn, 'Random variable', y) &&
    checkPositiveFinite(fn, 'Degrees of freedom parameter', nu) &&
    checkFinite(fn, 'Location parameter', mu) &&
    checkPositiveFinite(fn, 'Scale parameter', sigma)
  );
}

/** student_t_lpdf(y | nu, mu, sigma). */
export function studentTLpdf(out: Float64Array | null, flags: number, y: number, nu: number, mu: number, sigma: number): number {
  if (!valid('student_t_lpdf', y, nu, mu, sigma)) return NaN;
  if (!include(flags, 15)) return 0;
  const d = y - mu;
  const t = (d * d) / (sigma * sigma * nu);
  const l1p = Math.log1p(t);
  let lp = 0;
  if (include(flags, 0)) lp -= LOG_SQRT_PI;
  // lgamma((nu+1)/2) - lgamma(nu/2) = lgamma(1/2) - lbeta(nu/2, 1/2), without cancellation for large nu
  if (include(flags, 2)) lp += LOG_SQRT_PI - lbeta(0.5 * nu, 0.5) - 0.5 * Math.log(nu);
  if (include(flags, 8)) lp -= Math.log(sigma);
  lp -= 0.5 * (nu + 1) * l1p;
  if (out !== null) {
    const dy = (-(nu + 1) * d) / (sigma * sigma * nu + d * d);
    out[0] = dy;
    out[1] = varies(flags, 1) ? 0.5 * (digamma(0.5 * (nu + 1)) - digamma(0.5 * nu)) - 0.5 / nu - 0.5 * l1p + (0.5 * (nu + 1) * t) / (nu * (1 + t)) : 0;
    out[2] = -dy;
    out[3] = -1 / sigma + ((nu + 1) * t) / (sigma * (1 + t));
  }
  return lp;
}

/** log cdf of the standard t at z via I_x(nu/2, 1/2), x = nu/(nu+z^2). */
function logStdTCdf(z: number, nu: number, upper: boolean): number {
  const zz = upper ? -z : z;
  const x = nu / (nu + zz * zz);
  // lower tail for zz < 0 is 0.5 I_x(nu/2, 1/2); for zz > 0 it is 1 - that
  if (zz < 0) return Math.log(0.5) + logIncBeta(0.5 * nu, 0.5, x, false);
  // 1 - 0.5 I_x = 0.5 + 0.5 I_{1-x}(1/2, nu/2)
  return Math.log1p(-0.5 * Math.exp(logIncBeta(0.5 * nu, 0.5, x, false)));
}

function stdTLogPdf(z: number, nu: number): number {
  return -0.5 * Math.log(nu) - lbeta(0.5 * nu, 0.5) - 0.5 * (nu + 1) * Math.log1p((z * z) / nu);
}

function lcdfImpl(out: Float64Array | null, y: number, nu: number, mu: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'student_t_lccdf' : 'student_t_lcdf', y, nu, mu, sigma)) return NaN;
  const z = (y - mu) / sigma;
  const v = logStdTCdf(z, nu, upper);
  if (out !== null) {
    const r = (upper ? -1 : 1) * Math.exp(stdTLogPdf(z, nu) - v); // dv/dz
    out[0] = r / sigma;
    out[2] = -r / sigma;
    out[3] = (-r * z) / sigma;
    const h = fdStep(nu);
    out[1] = (logStdTCdf(z, nu + h, upper) - logStdTCdf(z, nu - h, upper)) / (2 * h);
  }
  return v;
}

export const studentT: UnivariateFamily = {
  name: 'student_t',
  discrete: false,
  args: ['y', 'nu', 'mu', 'sigma'],
  argKinds: ['real', 'real', 'real', 'real'],
  logDensity: (f, y, nu, mu, s) => studentTLpdf(null, f, y, nu, mu, s),
  logDensityWithPartials: (o, f, y, nu, mu, s) => studentTLpdf(o, f, y, nu, mu, s),
  lcdf: (y, nu, mu, s) => lcdfImpl(null, y, nu, mu, s, false),
  lcdfWithPartials: (o, y, nu, mu, s) => lcdfImpl(o, y, nu, mu, s, false),
  lccdf: (y, nu, mu, s) => lcdfImpl(null, y, nu, mu, s, true),
  lccdfWithPartials: (o, y, nu, mu, s) => lcdfImpl(o, y, nu, mu, s, true),
  rng: (r: Rng, nu, mu, sigma) => {
    const fn = 'student_t_rng';
    if (!(checkPositiveFinite(fn, 'Degrees of freedom parameter', nu) && checkFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Scale parameter', sigma))) return NaN;
    return mu + (sigma * r.normal()) / Math.sqrt((2 * r.gamma(0.5 * nu)) / nu);
  },
};
