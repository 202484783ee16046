import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegativeInt, checkNonnegative, checkBounded } from '../check';
import { lgamma } from '../special/lgamma';
import { logGammaCdf, gammaCdfScratch } from './gammaCdf';
import { belowSupport } from './belowSupport';

function valid(fn: string, n: number, lambda: number): boolean {
  return checkNonnegativeInt(fn, 'Random variable', n) && checkNonnegative(fn, 'Rate parameter', lambda);
}

export function poissonLpmf(out: Float64Array | null, flags: number, n: number, lambda: number): number {
  if (!valid('poisson_lpmf', n, lambda)) return NaN;
  if (out !== null) out[0] = out[1] = 0;
  if (!include(flags, 2)) return 0;
  if (lambda === Infinity) return -Infinity;
  if (lambda === 0) return n === 0 ? 0 : -Infinity;
  let lp = n * Math.log(lambda) - lambda;
  if (include(flags, 0)) lp -= lgamma(n + 1);
  if (out !== null) out[1] = n / lambda - 1;
  return lp;
}

/** P(N <= n) = Q(n + 1, lambda). */
function lcdfImpl(out: Float64Array | null, n: number, lambda: number, upper: boolean): number {
  // integer n below the support (truncation asks for cdf(L - 1)): P(N <= n) = 0
  if (!valid(upper ? 'poisson_lccdf' : 'poisson_lcdf', belowSupport(n) ? 0 : n, lambda)) return NaN;
  if (out !== null) out[0] = out[1] = 0;
  if (n < 0) return upper ? 0 : -Infinity;
  if (lambda === 0) return upper ? -Infinity : 0;
  const v = logGammaCdf(n + 1, lambda, !upper, out !== null);
  if (out !== null) out[1] = gammaCdfScratch[1];
  return v;
}

export const poisson: UnivariateFamily = {
  name: 'poisson',
  discrete: true,
  args: ['n', 'lambda'],
  argKinds: ['int', 'real'],
  logDensity: (f, n, l) => poissonLpmf(null, f, n, l),
  logDensityWithPartials: (o, f, n, l) => poissonLpmf(o, f, n, l),
  lcdf: (n, l) => lcdfImpl(null, n, l, false),
  lcdfWithPartials: (o, n, l) => lcdfImpl(o, n, l, false),
  lccdf: (n, l) => lcdfImpl(null, n, l, true),
  lccdfWithPartials: (o, n, l) => lcdfImpl(o, n, l, true),
  rng: (r: Rng, lambda) => (checkBounded('poisson_rng', 'Rate parameter', lambda, 0, 1073741824, 'nonnegative and less than 2^30') ? r.poisson(lambda) : NaN),
};
