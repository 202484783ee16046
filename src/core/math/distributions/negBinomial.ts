import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNonnegativeInt, checkPositiveFinite } from '../check';
import { binomialCoefficientLog } from '../special/combinatorics';
import { digamma } from '../special/digamma';
import { logBetaCdf, betaCdfScratch } from './betaCdf';
import { belowSupport } from './belowSupport';

function valid(fn: string, n: number, alpha: number, beta: number): boolean {
  return checkNonnegativeInt(fn, 'Failures variable', n) && checkPositiveFinite(fn, 'Shape parameter', alpha) && checkPositiveFinite(fn, 'Inverse scale parameter', beta);
}

/** neg_binomial_lpmf(n | alpha, beta) = C(n+alpha-1, n) (beta/(1+beta))^alpha (1/(1+beta))^n. */
export function negBinomialLpmf(out: Float64Array | null, flags: number, n: number, alpha: number, beta: number): number {
  if (!valid('neg_binomial_lpmf', n, alpha, beta)) return NaN;
  if (out !== null) out[0] = 0;
  if (!include(flags, 6)) {
    if (out !== null) out[1] = out[2] = 0;
    return 0;
  }
  const l1b = Math.log1p(beta);
  const lb = Math.log(beta);
  let lp = 0;
  if (include(flags, 2) && n !== 0) lp += binomialCoefficientLog(n + alpha - 1, n);
  lp += alpha * (lb - l1b) - n * l1b;
  if (out !== null) {
    out[1] = varies(flags, 1) ? digamma(n + alpha) - digamma(alpha) + lb - l1b : 0;
    out[2] = alpha / beta - (alpha + n) / (1 + beta);
  }
  return lp;
}

/** P(X <= n) = I_p(alpha, n + 1) with p = beta / (1 + beta). */
function lcdfImpl(out: Float64Array | null, n: number, alpha: number, beta: number, upper: boolean): number {
  if (!valid(upper ? 'neg_binomial_lccdf' : 'neg_binomial_lcdf', belowSupport(n) ? 0 : n, alpha, beta)) return NaN;
  if (n < 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return upper ? 0 : -Infinity;
  }
  const p = beta / (1 + beta);
  const v = logBetaCdf(alpha, n + 1, p, upper, out !== null);
  if (out !== null) {
    out[0] = 0;
    out[1] = betaCdfScratch[0];
    out[2] = betaCdfScratch[2] / ((1 + beta) * (1 + beta));
  }
  return v;
}

export const negBinomial: UnivariateFamily = {
  name: 'neg_binomial',
  discrete: true,
  args: ['n', 'alpha', 'beta'],
  argKinds: ['int', 'real', 'real'],
  logDensity: (f, n, a, b) => negBinomialLpmf(null, f, n, a, b),
  logDensityWithPartials: (o, f, n, a, b) => negBinomialLpmf(o, f, n, a, b),
  lcdf: (n, a, b) => lcdfImpl(null, n, a, b, false),
  lcdfWithPartials: (o, n, a, b) => lcdfImpl(o, n, a, b, false),
  lccdf: (n, a, b) => lcdfImpl(null, n, a, b, true),
  lccdfWithPartials: (o, n, a, b) => lcdfImpl(o, n, a, b, true),
  rng: (r: Rng, alpha, beta) =>
    checkPositiveFinite('neg_binomial_rng', 'Shape parameter', alpha) && checkPositiveFinite('neg_binomial_rng', 'Inverse scale parameter', beta)
      ? r.poisson(r.gamma(alpha) / beta)
      : NaN,
};
