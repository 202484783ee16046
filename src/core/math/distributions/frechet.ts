import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkPositive, checkPositiveFinite } from '../check';
import { log1mExp } from '../special/logExp';

function valid(fn: string, y: number, alpha: number, sigma: number): boolean {
  return checkPositive(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Shape parameter', alpha) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

export function frechetLpdf(out: Float64Array | null, flags: number, y: number, alpha: number, sigma: number): number {
  if (!valid('frechet_lpdf', y, alpha, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  const ly = Math.log(y);
  const ls = Math.log(sigma);
  const p = Math.pow(y / sigma, -alpha);
  let lp = -p;
  if (include(flags, 2)) lp += Math.log(alpha);
  if (include(flags, 3)) lp -= (alpha + 1) * ly;
  if (include(flags, 6)) lp += alpha * ls;
  if (out !== null) {
    out[0] = (-(alpha + 1) + alpha * p) / y;
    out[1] = 1 / alpha + (ls - ly) * (1 - p);
    out[2] = (alpha * (1 - p)) / sigma;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, alpha: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'frechet_lccdf' : 'frechet_lcdf', y, alpha, sigma)) return NaN;
  const p = Math.pow(y / sigma, -alpha);
  const v = upper ? log1mExp(-p) : -p;
  if (out !== null) {
    const dp = upper ? 1 / Math.expm1(p) : -1; // dv/dp
    out[0] = (-dp * alpha * p) / y;
    out[1] = -dp * p * Math.log(y / sigma);
    out[2] = (dp * alpha * p) / sigma;
  }
  return v;
}

export const frechet: UnivariateFamily = {
  name: 'frechet',
  discrete: false,
  args: ['y', 'alpha', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, a, s) => frechetLpdf(null, f, y, a, s),
  logDensityWithPartials: (o, f, y, a, s) => frechetLpdf(o, f, y, a, s),
  lcdf: (y, a, s) => lcdfImpl(null, y, a, s, false),
  lcdfWithPartials: (o, y, a, s) => lcdfImpl(o, y, a, s, false),
  lccdf: (y, a, s) => lcdfImpl(null, y, a, s, true),
  lccdfWithPartials: (o, y, a, s) => lcdfImpl(o, y, a, s, true),
  rng: (r: Rng, alpha, sigma) =>
    checkPositiveFinite('frechet_rng', 'Shape parameter', alpha) && checkPositiveFinite('frechet_rng', 'Scale parameter', sigma) ? sigma * Math.pow(r.exponential(), -1 / alpha) : NaN,
};
