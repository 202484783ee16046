import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkBounded, checkPositiveFinite } from '../check';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { logBetaCdf, betaCdfScratch } from './betaCdf';
import { multiplyLog } from '../special/logExp';

function valid(fn: string, y: number, a: number, b: number): boolean {
  return (
    checkPositiveFinite(fn, 'First shape parameter', a) &&
    checkPositiveFinite(fn, 'Second shape parameter', b) &&
    checkBounded(fn, 'Random variable', y, 0, 1, 'in the interval [0, 1]')
  );
}

export function betaLpdf(out: Float64Array | null, flags: number, y: number, a: number, b: number): number {
  if (!valid('beta_lpdf', y, a, b)) return NaN;
  if (!include(flags, 7)) return 0;
  const ly = Math.log(y);
  const l1y = Math.log1p(-y);
  let lp = 0;
  // Stan drops the three lgamma terms separately
  if (include(flags, 2)) lp -= lgamma(a);
  if (include(flags, 4)) lp -= lgamma(b);
  if (include(flags, 6)) lp += lgamma(a + b);
  if (include(flags, 3)) lp += multiplyLog(a - 1, y);
  if (include(flags, 5)) lp += multiplyLog(b - 1, 1 - y);
  if (out !== null) {
    out[0] = (a - 1) / y - (b - 1) / (1 - y);
    const dab = varies(flags, 1) || varies(flags, 2) ? digamma(a + b) : 0;
    out[1] = varies(flags, 1) ? ly - digamma(a) + dab : 0;
    out[2] = varies(flags, 2) ? l1y - digamma(b) + dab : 0;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, a: number, b: number, upper: boolean): number {
  if (!valid(upper ? 'beta_lccdf' : 'beta_lcdf', y, a, b)) return NaN;
  const v = logBetaCdf(a, b, y, upper, out !== null);
  if (out !== null) {
    out[0] = betaCdfScratch[2];
    out[1] = betaCdfScratch[0];
    out[2] = betaCdfScratch[1];
  }
  return v;
}

export const beta: UnivariateFamily = {
  name: 'beta',
  discrete: false,
  args: ['theta', 'alpha', 'beta'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, a, b) => betaLpdf(null, f, y, a, b),
  logDensityWithPartials: (o, f, y, a, b) => betaLpdf(o, f, y, a, b),
  lcdf: (y, a, b) => lcdfImpl(null, y, a, b, false),
  lcdfWithPartials: (o, y, a, b) => lcdfImpl(o, y, a, b, false),
  lccdf: (y, a, b) => lcdfImpl(null, y, a, b, true),
  lccdfWithPartials: (o, y, a, b) => lcdfImpl(o, y, a, b, true),
  rng: (r: Rng, a, b) =>
    checkPositiveFinite('beta_rng', 'First shape parameter', a) && checkPositiveFinite('beta_rng', 'Second shape parameter', b) ? r.beta(a, b) : NaN,
};
