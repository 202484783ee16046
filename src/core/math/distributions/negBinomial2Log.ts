import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegativeInt, checkFinite, checkPositiveFinite } from '../check';
import { negBinomial2Core } from './negBinomial2';

export function negBinomial2LogLpmf(out: Float64Array | null, flags: number, n: number, eta: number, phi: number): number {
  const fn = 'neg_binomial_2_log_lpmf';
  if (!(checkNonnegativeInt(fn, 'Failures variable', n) && checkFinite(fn, 'Log location parameter', eta) && checkPositiveFinite(fn, 'Precision parameter', phi))) return NaN;
  if (!include(flags, 6)) {
    if (out !== null) out[0] = out[1] = out[2] = 0;
    return 0;
  }
  const mu = Math.exp(eta);
  const lp = negBinomial2Core(out, flags, n, mu, eta, phi);
  if (out !== null) out[1] = n - ((n + phi) * mu) / (mu + phi); // chain rule through mu = exp(eta), without 0*inf
  return lp;
}

export const negBinomial2Log: UnivariateFamily = {
  name: 'neg_binomial_2_log',
  discrete: true,
  args: ['n', 'eta', 'phi'],
  argKinds: ['int', 'real', 'real'],
  logDensity: (f, n, e, p) => negBinomial2LogLpmf(null, f, n, e, p),
  logDensityWithPartials: (o, f, n, e, p) => negBinomial2LogLpmf(o, f, n, e, p),
  rng: (r: Rng, eta, phi) =>
    checkFinite('neg_binomial_2_log_rng', 'Log location parameter', eta) && checkPositiveFinite('neg_binomial_2_log_rng', 'Precision parameter', phi)
      ? r.poisson((r.gamma(phi) * Math.exp(eta)) / phi)
      : NaN,
};
