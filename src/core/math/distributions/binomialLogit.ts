import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNonnegativeInt, checkFinite, checkBounded } from '../check';
import { binomialCoefficientLog } from '../special/combinatorics';
import { invLogit } from '../special/logistic';

export function binomialLogitLpmf(out: Float64Array | null, flags: number, n: number, N: number, alpha: number): number {
  const fn = 'binomial_logit_lpmf';
  if (
    !(
      checkNonnegativeInt(fn, 'Population size parameter', N) &&
      checkNonnegativeInt(fn, 'Successes variable', n) &&
      checkBounded(fn, 'Successes variable', n, 0, N, 'in the interval [0, N]') &&
      checkFinite(fn, 'Probability parameter', alpha)
    )
  )
    return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (!include(flags, 4)) return 0;
  // log inv_logit, log(1 − inv_logit) and inv_logit from one exp and one log1p: with e = exp(−|α|) and
  // l = log1p(e), they are −l and −(α + l) for α > 0, −(l − α) and −l otherwise (logistic.ts's values)
  const e = Math.exp(alpha > 0 ? -alpha : alpha);
  const l = Math.log1p(e);
  let lp = 0;
  if (n > 0) lp += n * -(alpha > 0 ? l : -alpha + l);
  if (N - n > 0) lp += (N - n) * -(alpha > 0 ? alpha + l : l);
  if (include(flags, 0)) lp += binomialCoefficientLog(N, n);
  if (out !== null) out[2] = n - N * (alpha < 0 ? e / (1 + e) : 1 / (1 + e));
  return lp;
}

export const binomialLogit: UnivariateFamily = {
  name: 'binomial_logit',
  discrete: true,
  args: ['n', 'N', 'alpha'],
  argKinds: ['int', 'int', 'real'],
  logDensity: (f, n, N, a) => binomialLogitLpmf(null, f, n, N, a),
  logDensityWithPartials: (o, f, n, N, a) => binomialLogitLpmf(o, f, n, N, a),
  rng: (r: Rng, N, alpha) =>
    checkNonnegativeInt('binomial_logit_rng', 'Population size parameter', N) && checkFinite('binomial_logit_rng', 'Log odds parameter', alpha) ? r.binomial(N, invLogit(alpha)) : NaN,
};
