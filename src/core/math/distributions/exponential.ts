import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegative, checkPositiveFinite } from '../check';
import { log1mExp } from '../special/logExp';

function valid(fn: string, y: number, beta: number): boolean {
  return checkNonnegative(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Inverse scale parameter', beta);
}

export function exponentialLpdf(out: Float64Array | null, flags: number, y: number, beta: number): number {
  if (!valid('exponential_lpdf', y, beta)) return NaN;
  if (!include(flags, 3)) return 0;
  let lp = -beta * y;
  if (include(flags, 2)) lp += Math.log(beta);
  if (out !== null) {
    out[0] = -beta;
    out[1] = 1 / beta - y;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, beta: number, upper: boolean): number {
  if (!valid(upper ? 'exponential_lccdf' : 'exponential_lcdf', y, beta)) return NaN;
  if (upper) {
    if (out !== null) {
      out[0] = -beta;
      out[1] = -y;
    }
    return -beta * y;
  }
  const v = log1mExp(-beta * y);
  if (out !== null) {
    const r = 1 / Math.expm1(beta * y); // d/d(beta*y)
    out[0] = beta * r;
    out[1] = y * r;
  }
  return v;
}

export const exponential: UnivariateFamily = {
  name: 'exponential',
  discrete: false,
  args: ['y', 'beta'],
  argKinds: ['real', 'real'],
  logDensity: (f, y, b) => exponentialLpdf(null, f, y, b),
  logDensityWithPartials: (o, f, y, b) => exponentialLpdf(o, f, y, b),
  lcdf: (y, b) => lcdfImpl(null, y, b, false),
  lcdfWithPartials: (o, y, b) => lcdfImpl(o, y, b, false),
  lccdf: (y, b) => lcdfImpl(null, y, b, true),
  lccdfWithPartials: (o, y, b) => lcdfImpl(o, y, b, true),
  rng: (r: Rng, beta) => (checkPositiveFinite('exponential_rng', 'Inverse scale parameter', beta) ? r.exponential() / beta : NaN),
};
