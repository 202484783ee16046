import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNotNaN, checkPositiveFinite } from '../check';
import { LOG_TWO } from '../special/constants';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { logGammaCdf, gammaCdfScratch } from './gammaCdf';

function valid(fn: string, y: number, nu: number): boolean {
  return checkNotNaN(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Degrees of freedom parameter', nu);
}

export function invChiSquareLpdf(out: Float64Array | null, flags: number, y: number, nu: number): number {
  if (!valid('inv_chi_square_lpdf', y, nu)) return NaN;
  if (!include(flags, 3)) return 0;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = 0;
    return -Infinity;
  }
  const ly = Math.log(y);
  const h = 0.5 * nu;
  let lp = 0;
  if (include(flags, 2)) lp -= h * LOG_TWO + lgamma(h);
  if (include(flags, 3)) lp -= (h + 1) * ly;
  if (include(flags, 1)) lp -= 0.5 / y;
  if (out !== null) {
    out[0] = -(h + 1) / y + 0.5 / (y * y);
    out[1] = varies(flags, 1) ? -0.5 * (LOG_TWO + digamma(h) + ly) : 0;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, nu: number, upper: boolean): number {
  if (!valid(upper ? 'inv_chi_square_lccdf' : 'inv_chi_square_lcdf', y, nu)) return NaN;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = 0;
    return upper ? 0 : -Infinity;
  }
  const v = logGammaCdf(0.5 * nu, 0.5 / y, !upper, out !== null);
  if (out !== null) {
    out[0] = (-0.5 / (y * y)) * gammaCdfScratch[1];
    out[1] = 0.5 * gammaCdfScratch[0];
  }
  return v;
}

export const invChiSquare: UnivariateFamily = {
  name: 'inv_chi_square',
  discrete: false,
  args: ['y', 'nu'],
  argKinds: ['real', 'real'],
  logDensity: (f, y, nu) => invChiSquareLpdf(null, f, y, nu),
  logDensityWithPartials: (o, f, y, nu) => invChiSquareLpdf(o, f, y, nu),
  lcdf: (y, nu) => lcdfImpl(null, y, nu, false),
  lcdfWithPartials: (o, y, nu) => lcdfImpl(o, y, nu, false),
  lccdf: (y, nu) => lcdfImpl(null, y, nu, true),
  lccdfWithPartials: (o, y, nu) => lcdfImpl(o, y, nu, true),
  rng: (r: Rng, nu) => (checkPositiveFinite('inv_chi_square_rng', 'Degrees of freedom parameter', nu) ? 0.5 / r.gamma(0.5 * nu) : NaN),
};
