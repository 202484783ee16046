import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNotNaN, checkPositiveFinite } from '../check';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { logGammaPQ } from '../special/incGamma';
import { logGammaCdf, gammaCdfScratch } from './gammaCdf';
import { fdStep } from './fd';

function valid(fn: string, y: number, nu: number, s: number): boolean {
  return checkNotNaN(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Degrees of freedom parameter', nu) && checkPositiveFinite(fn, 'Scale parameter', s);
}

export function scaledInvChiSquareLpdf(out: Float64Array | null, flags: number, y: number, nu: number, s: number): number {
  if (!valid('scaled_inv_chi_square_lpdf', y, nu, s)) return NaN;
  if (!include(flags, 7)) return 0;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return -Infinity;
  }
  const ly = Math.log(y);
  const ls = Math.log(s);
  const h = 0.5 * nu;
  let lp = 0;
  if (include(flags, 2)) lp += h * Math.log(h) - lgamma(h);
  if (include(flags, 6)) lp += nu * ls;
  if (include(flags, 3)) lp -= (h + 1) * ly;
  lp -= (h * s * s) / y;
  if (out !== null) {
    out[0] = -(h + 1) / y + (h * s * s) / (y * y);
    out[1] = varies(flags, 1) ? 0.5 * Math.log(h) + 0.5 - 0.5 * digamma(h) + ls - 0.5 * ly - (0.5 * s * s) / y : 0;
    out[2] = nu / s - (nu * s) / y;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, nu: number, s: number, upper: boolean): number {
  if (!valid(upper ? 'scaled_inv_chi_square_lccdf' : 'scaled_inv_chi_square_lcdf', y, nu, s)) return NaN;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return upper ? 0 : -Infinity;
  }
  // P(Y <= y) = Q(nu/2, nu s^2 / (2y)); nu enters both arguments, so its partial is by differences
  const x = (0.5 * nu * s * s) / y;
  const v = logGammaCdf(0.5 * nu, x, !upper, out !== null);
  if (out !== null) {
    const dx = gammaCdfScratch[1];
    out[0] = (-x / y) * dx;
    out[2] = ((2 * x) / s) * dx;
    const hh = fdStep(nu);
    const xp = (0.5 * (nu + hh) * s * s) / y;
    const xm = (0.5 * (nu - hh) * s * s) / y;
    out[1] = (logGammaPQ(0.5 * (nu + hh), xp, !upper) - logGammaPQ(0.5 * (nu - hh), xm, !upper)) / (2 * hh);
  }
  return v;
}

export const scaledInvChiSquare: UnivariateFamily = {
  name: 'scaled_inv_chi_square',
  discrete: false,
  args: ['y', 'nu', 's'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, nu, s) => scaledInvChiSquareLpdf(null, f, y, nu, s),
  logDensityWithPartials: (o, f, y, nu, s) => scaledInvChiSquareLpdf(o, f, y, nu, s),
  lcdf: (y, nu, s) => lcdfImpl(null, y, nu, s, false),
  lcdfWithPartials: (o, y, nu, s) => lcdfImpl(o, y, nu, s, false),
  lccdf: (y, nu, s) => lcdfImpl(null, y, nu, s, true),
  lccdfWithPartials: (o, y, nu, s) => lcdfImpl(o, y, nu, s, true),
  rng: (r: Rng, nu, s) =>
    checkPositiveFinite('scaled_inv_chi_square_rng', 'Degrees of freedom parameter', nu) && checkPositiveFinite('scaled_inv_chi_square_rng', 'Scale parameter', s)
      ? (0.5 * nu * s * s) / r.gamma(0.5 * nu)
      : NaN,
};
