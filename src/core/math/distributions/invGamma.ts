import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNotNaN, checkPositiveFinite } from '../check';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { logGammaCdf, gammaCdfScratch } from './gammaCdf';

function valid(fn: string, y: number, alpha: number, beta: number): boolean {
  return checkNotNaN(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Shape parameter', alpha) && checkPositiveFinite(fn, 'Scale parameter', beta);
}

export function invGammaLpdf(out: Float64Array | null, flags: number, y: number, alpha: number, beta: number): number {
  if (!valid('inv_gamma_lpdf', y, alpha, beta)) return NaN;
  if (!include(flags, 7)) return 0;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return -Infinity;
  }
  const ly = Math.log(y);
  let lp = 0;
  if (include(flags, 2)) lp -= lgamma(alpha);
  if (include(flags, 6)) lp += alpha * Math.log(beta);
  if (include(flags, 3)) lp -= (alpha + 1) * ly;
  if (include(flags, 5)) lp -= beta / y;
  if (out !== null) {
    out[0] = -(alpha + 1) / y + beta / (y * y);
    out[1] = varies(flags, 1) ? Math.log(beta) - digamma(alpha) - ly : 0;
    out[2] = alpha / beta - 1 / y;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, alpha: number, beta: number, upper: boolean): number {
  if (!valid(upper ? 'inv_gamma_lccdf' : 'inv_gamma_lcdf', y, alpha, beta)) return NaN;
  if (y <= 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return upper ? 0 : -Infinity;
  }
  // P(Y <= y) = Q(alpha, beta / y)
  const v = logGammaCdf(alpha, beta / y, !upper, out !== null);
  if (out !== null) {
    out[0] = (-beta / (y * y)) * gammaCdfScratch[1];
    out[1] = gammaCdfScratch[0];
    out[2] = gammaCdfScratch[1] / y;
  }
  return v;
}

export const invGamma: UnivariateFamily = {
  name: 'inv_gamma',
  discrete: false,
  args: ['y', 'alpha', 'beta'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, a, b) => invGammaLpdf(null, f, y, a, b),
  logDensityWithPartials: (o, f, y, a, b) => invGammaLpdf(o, f, y, a, b),
  lcdf: (y, a, b) => lcdfImpl(null, y, a, b, false),
  lcdfWithPartials: (o, y, a, b) => lcdfImpl(o, y, a, b, false),
  lccdf: (y, a, b) => lcdfImpl(null, y, a, b, true),
  lccdfWithPartials: (o, y, a, b) => lcdfImpl(o, y, a, b, true),
  rng: (r: Rng, alpha, beta) =>
    checkPositiveFinite('inv_gamma_rng', 'Shape parameter', alpha) && checkPositiveFinite('inv_gamma_rng', 'Scale parameter', beta) ? beta / r.gamma(alpha) : NaN,
};
