import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkBinary, checkNotNaN, checkFinite } from '../check';
import { invLogit, logInvLogit, log1mInvLogit } from '../special/logistic';

export function bernoulliLogitLpmf(out: Float64Array | null, flags: number, n: number, alpha: number): number {
  const fn = 'bernoulli_logit_lpmf';
  if (!(checkBinary(fn, 'n', n) && checkNotNaN(fn, 'Logit transformed probability parameter', alpha))) return NaN;
  if (out !== null) out[0] = out[1] = 0;
  if (!include(flags, 2)) return 0;
  if (out !== null) out[1] = n - invLogit(alpha);
  return n === 1 ? logInvLogit(alpha) : log1mInvLogit(alpha);
}

export const bernoulliLogit: UnivariateFamily = {
  name: 'bernoulli_logit',
  discrete: true,
  args: ['n', 'alpha'],
  argKinds: ['int', 'real'],
  logDensity: (f, n, a) => bernoulliLogitLpmf(null, f, n, a),
  logDensityWithPartials: (o, f, n, a) => bernoulliLogitLpmf(o, f, n, a),
  rng: (r: Rng, alpha) => (checkFinite('bernoulli_logit_rng', 'Logit transformed probability parameter', alpha) ? (r.uniform() < invLogit(alpha) ? 1 : 0) : NaN),
};
