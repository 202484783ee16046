import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegativeInt, checkNotNaN, checkBounded } from '../check';
import { lgamma } from '../special/lgamma';

export function poissonLogLpmf(out: Float64Array | null, flags: number, n: number, alpha: number): number {
  const fn = 'poisson_log_lpmf';
  if (!(checkNonnegativeInt(fn, 'Random variable', n) && checkNotNaN(fn, 'Log rate parameter', alpha))) return NaN;
  if (out !== null) out[0] = out[1] = 0;
  if (!include(flags, 2)) return 0;
  if (alpha === Infinity) return -Infinity;
  if (alpha === -Infinity) return n === 0 ? 0 : -Infinity;
  const e = Math.exp(alpha);
  let lp = n * alpha - e;
  if (include(flags, 0)) lp -= lgamma(n + 1);
  if (out !== null) out[1] = n - e;
  return lp;
}

export const poissonLog: UnivariateFamily = {
  name: 'poisson_log',
  discrete: true,
  args: ['n', 'alpha'],
  argKinds: ['int', 'real'],
  logDensity: (f, n, a) => poissonLogLpmf(null, f, n, a),
  logDensityWithPartials: (o, f, n, a) => poissonLogLpmf(o, f, n, a),
  rng: (r: Rng, alpha) =>
    checkBounded('poisson_log_rng', 'Log rate parameter', alpha, -Infinity, 20.79441541679836, 'less than log(2^30)') ? r.poisson(Math.exp(alpha)) : NaN,
};
