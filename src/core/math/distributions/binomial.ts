import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegativeInt, checkProbability, checkBounded } from '../check';
import { binomialCoefficientLog } from '../special/combinatorics';
import { logBetaCdf, betaCdfScratch } from './betaCdf';

function valid(fn: string, n: number, N: number, theta: number): boolean {
  return (
    checkNonnegativeInt(fn, 'Population size parameter', N) &&
    checkNonnegativeInt(fn, 'Successes variable', n) &&
    checkBounded(fn, 'Successes variable', n, 0, N, 'in the interval [0, N]') &&
    checkProbability(fn, 'Probability parameter', theta)
  );
}

/** n log(theta) + (N-n) log(1-theta) with 0 log 0 = 0. */
function kernel(n: number, N: number, theta: number): number {
  let lp = 0;
  if (n > 0) lp += n * Math.log(theta);
  if (N - n > 0) lp += (N - n) * Math.log1p(-theta);
  return lp;
}

export function binomialLpmf(out: Float64Array | null, flags: number, n: number, N: number, theta: number): number {
  if (!valid('binomial_lpmf', n, N, theta)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (!include(flags, 4)) return 0;
  let lp = kernel(n, N, theta);
  if (include(flags, 0)) lp += binomialCoefficientLog(N, n);
  if (out !== null) out[2] = (n > 0 ? n / theta : 0) - (N - n > 0 ? (N - n) / (1 - theta) : 0);
  return lp;
}

/** P(X <= n) = I_{1-theta}(N - n, n + 1). */
function lcdfImpl(out: Float64Array | null, n: number, N: number, theta: number, upper: boolean): number {
  // integers outside [0, N] are allowed here (truncation bounds): the cdf is 0 below, 1 above
  const nc = Number.isInteger(n) && Number.isInteger(N) ? Math.min(Math.max(n, 0), Math.max(N, 0)) : n;
  if (!valid(upper ? 'binomial_lccdf' : 'binomial_lcdf', nc, N, theta)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (n < 0) return upper ? 0 : -Infinity;
  if (n >= N) return upper ? -Infinity : 0;
  const v = logBetaCdf(N - n, n + 1, 1 - theta, upper, out !== null);
  if (out !== null) out[2] = -betaCdfScratch[2];
  return v;
}

export const binomial: UnivariateFamily = {
  name: 'binomial',
  discrete: true,
  args: ['n', 'N', 'theta'],
  argKinds: ['int', 'int', 'real'],
  logDensity: (f, n, N, t) => binomialLpmf(null, f, n, N, t),
  logDensityWithPartials: (o, f, n, N, t) => binomialLpmf(o, f, n, N, t),
  lcdf: (n, N, t) => lcdfImpl(null, n, N, t, false),
  lcdfWithPartials: (o, n, N, t) => lcdfImpl(o, n, N, t, false),
  lccdf: (n, N, t) => lcdfImpl(null, n, N, t, true),
  lccdfWithPartials: (o, n, N, t) => lcdfImpl(o, n, N, t, true),
  rng: (r: Rng, N, theta) =>
    checkNonnegativeInt('binomial_rng', 'Population size parameter', N) && checkProbability('binomial_rng', 'Probability parameter', theta) ? r.binomial(N, theta) : NaN,
};
