import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNonnegativeInt, checkPositiveFinite } from '../check';
import { binomialCoefficientLog } from '../special/combinatorics';
import { digamma } from '../special/digamma';
import { logIncBeta } from '../special/incBeta';
import { logBetaCdf, betaCdfScratch } from './betaCdf';
import { fdStep } from './fd';
import { belowSupport } from './belowSupport';

function valid(fn: string, n: number, mu: number, phi: number): boolean {
  return checkNonnegativeInt(fn, 'Failures variable', n) && checkPositiveFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Precision parameter', phi);
}

/**
 * Shared by neg_binomial_2 and neg_binomial_2_log: log pmf at mean mu = exp(logMu), with
 * d/dmu in out[1] (the caller rescales for the log link) and d/dphi in out[2].
 */
export function negBinomial2Core(out: Float64Array | null, flags: number, n: number, mu: number, logMu: number, phi: number): number {
  let lp = 0;
  if (include(flags, 4)) lp += binomialCoefficientLog(n + phi - 1, n);
  if (include(flags, 2) && n !== 0) lp += n * logMu;
  // -phi log(1 + mu/phi) - n log(mu + phi)
  const lmp = Math.log(mu + phi);
  lp += -phi * Math.log1p(mu / phi) - n * lmp;
  if (out !== null) {
    out[0] = 0;
    out[1] = n / mu - (n + phi) / (mu + phi);
    out[2] = varies(flags, 2) ? digamma(n + phi) - digamma(phi) - Math.log1p(mu / phi) + (mu - n) / (mu + phi) : 0;
  }
  return lp;
}

export function negBinomial2Lpmf(out: Float64Array | null, flags: number, n: number, mu: number, phi: number): number {
  if (!valid('neg_binomial_2_lpmf', n, mu, phi)) return NaN;
  if (!include(flags, 6)) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return 0;
  }
  return negBinomial2Core(out, flags, n, mu, Math.log(mu), phi);
}

/** P(X <= n) = I_x(phi, n + 1) with x = phi / (mu + phi). */
function lcdfImpl(out: Float64Array | null, n: number, mu: number, phi: number, upper: boolean): number {
  if (!valid(upper ? 'neg_binomial_2_lccdf' : 'neg_binomial_2_lcdf', belowSupport(n) ? 0 : n, mu, phi)) return NaN;
  if (n < 0) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return upper ? 0 : -Infinity;
  }
  const x = phi / (mu + phi);
  const v = logBetaCdf(phi, n + 1, x, upper, out !== null);
  if (out !== null) {
    out[0] = 0;
    out[1] = (betaCdfScratch[2] * -phi) / ((mu + phi) * (mu + phi));
    const h = fdStep(phi);
    out[2] = (logIncBeta(phi + h, n + 1, (phi + h) / (mu + phi + h), upper) - logIncBeta(phi - h, n + 1, (phi - h) / (mu + phi - h), upper)) / (2 * h);
  }
  return v;
}

export const negBinomial2: UnivariateFamily = {
  name: 'neg_binomial_2',
  discrete: true,
  args: ['n', 'mu', 'phi'],
  argKinds: ['int', 'real', 'real'],
  logDensity: (f, n, m, p) => negBinomial2Lpmf(null, f, n, m, p),
  logDensityWithPartials: (o, f, n, m, p) => negBinomial2Lpmf(o, f, n, m, p),
  lcdf: (n, m, p) => lcdfImpl(null, n, m, p, false),
  lcdfWithPartials: (o, n, m, p) => lcdfImpl(o, n, m, p, false),
  lccdf: (n, m, p) => lcdfImpl(null, n, m, p, true),
  lccdfWithPartials: (o, n, m, p) => lcdfImpl(o, n, m, p, true),
  rng: (r: Rng, mu, phi) =>
    checkPositiveFinite('neg_binomial_2_rng', 'Location parameter', mu) && checkPositiveFinite('neg_binomial_2_rng', 'Precision parameter', phi)
      ? r.poisson((r.gamma(phi) * mu) / phi)
      : NaN,
};
