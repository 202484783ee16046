import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkBinary, checkProbability } from '../check';

function valid(fn: string, n: number, theta: number): boolean {
  return checkBinary(fn, 'n', n) && checkProbability(fn, 'Probability parameter', theta);
}

export function bernoulliLpmf(out: Float64Array | null, flags: number, n: number, theta: number): number {
  if (!valid('bernoulli_lpmf', n, theta)) return NaN;
  if (out !== null) out[0] = 0;
  if (!include(flags, 2)) {
    if (out !== null) out[1] = 0;
    return 0;
  }
  if (n === 1) {
    if (out !== null) out[1] = 1 / theta;
    return Math.log(theta);
  }
  if (out !== null) out[1] = -1 / (1 - theta);
  return Math.log1p(-theta);
}

function lcdfImpl(out: Float64Array | null, n: number, theta: number, upper: boolean): number {
  if (!valid(upper ? 'bernoulli_lccdf' : 'bernoulli_lcdf', Number.isInteger(n) ? Math.min(Math.max(n, 0), 1) : n, theta)) return NaN;
  if (out !== null) out[0] = out[1] = 0;
  if (n < 0) return upper ? 0 : -Infinity;
  if (n > 1) return upper ? -Infinity : 0;
  // P(X <= 0) = 1 - theta, P(X <= 1) = 1; P(X > 0) = theta, P(X > 1) = 0
  if (!upper) {
    if (out !== null) out[1] = n === 1 ? 0 : -1 / (1 - theta);
    return n === 1 ? 0 : Math.log1p(-theta);
  }
  if (out !== null) out[1] = n === 1 ? 0 : 1 / theta;
  return n === 1 ? -Infinity : Math.log(theta);
}

export const bernoulli: UnivariateFamily = {
  name: 'bernoulli',
  discrete: true,
  args: ['n', 'theta'],
  argKinds: ['int', 'real'],
  logDensity: (f, n, t) => bernoulliLpmf(null, f, n, t),
  logDensityWithPartials: (o, f, n, t) => bernoulliLpmf(o, f, n, t),
  lcdf: (n, t) => lcdfImpl(null, n, t, false),
  lcdfWithPartials: (o, n, t) => lcdfImpl(o, n, t, false),
  lccdf: (n, t) => lcdfImpl(null, n, t, true),
  lccdfWithPartials: (o, n, t) => lcdfImpl(o, n, t, true),
  rng: (r: Rng, theta) => (checkProbability('bernoulli_rng', 'Probability parameter', theta) ? (r.uniform() < theta ? 1 : 0) : NaN),
};
