import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkFinite, checkPositiveFinite } from '../check';
import { log1mExp, multiplyLog } from '../special/logExp';

function valid(fn: string, y: number, alpha: number, sigma: number): boolean {
  return checkFinite(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Shape parameter', alpha) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

export function weibullLpdf(out: Float64Array | null, flags: number, y: number, alpha: number, sigma: number): number {
  if (!valid('weibull_lpdf', y, alpha, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  if (y < 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return -Infinity;
  }
  const ly = Math.log(y);
  const ls = Math.log(sigma);
  const p = Math.pow(y / sigma, alpha);
  let lp = -p;
  if (include(flags, 2)) lp += Math.log(alpha);
  if (include(flags, 3)) lp += multiplyLog(alpha - 1, y);
  if (include(flags, 6)) lp -= alpha * ls;
  if (out !== null) {
    out[0] = (alpha - 1 - alpha * p) / y;
    out[1] = 1 / alpha + (ly - ls) * (1 - p);
    out[2] = (alpha * (p - 1)) / sigma;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, alpha: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'weibull_lccdf' : 'weibull_lcdf', y, alpha, sigma)) return NaN;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return upper ? 0 : -Infinity;
  }
  const p = Math.pow(y / sigma, alpha);
  const v = upper ? -p : log1mExp(-p);
  if (out !== null) {
    const dp = upper ? -1 : 1 / Math.expm1(p);
    out[0] = (dp * alpha * p) / y;
    out[1] = dp * p * Math.log(y / sigma);
    out[2] = (-dp * alpha * p) / sigma;
  }
  return v;
}

export const weibull: UnivariateFamily = {
  name: 'weibull',
  discrete: false,
  args: ['y', 'alpha', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, a, s) => weibullLpdf(null, f, y, a, s),
  logDensityWithPartials: (o, f, y, a, s) => weibullLpdf(o, f, y, a, s),
  lcdf: (y, a, s) => lcdfImpl(null, y, a, s, false),
  lcdfWithPartials: (o, y, a, s) => lcdfImpl(o, y, a, s, false),
  lccdf: (y, a, s) => lcdfImpl(null, y, a, s, true),
  lccdfWithPartials: (o, y, a, s) => lcdfImpl(o, y, a, s, true),
  rng: (r: Rng, alpha, sigma) =>
    checkPositiveFinite('weibull_rng', 'Shape parameter', alpha) && checkPositiveFinite('weibull_rng', 'Scale parameter', sigma) ? sigma * Math.pow(r.exponential(), 1 / alpha) : NaN,
};
