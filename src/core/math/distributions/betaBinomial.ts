import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkNonnegativeInt, checkPositiveFinite, checkInteger } from '../check';
import { lbeta, binomialCoefficientLog } from '../special/combinatorics';
import { digamma } from '../special/digamma';

function valid(fn: string, n: number, N: number, a: number, b: number): boolean {
  return (
    checkInteger(fn, 'Successes variable', n) &&
    checkNonnegativeInt(fn, 'Population size parameter', N) &&
    checkPositiveFinite(fn, 'First prior sample size parameter', a) &&
    checkPositiveFinite(fn, 'Second prior sample size parameter', b)
  );
}

export function betaBinomialLpmf(out: Float64Array | null, flags: number, n: number, N: number, a: number, b: number): number {
  if (!valid('beta_binomial_lpmf', n, N, a, b)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = out[3] = 0;
  if (n < 0 || n > N) return -Infinity;
  if (!include(flags, 12)) return 0;
  let lp = lbeta(n + a, N - n + b) - lbeta(a, b);
  if (include(flags, 0)) lp += binomialCoefficientLog(N, n);
  if (out !== null && (varies(flags, 2) || varies(flags, 3))) {
    const dN = digamma(N + a + b);
    const dab = digamma(a + b);
    out[2] = digamma(n + a) - dN - digamma(a) + dab;
    out[3] = digamma(N - n + b) - dN - digamma(b) + dab;
  }
  return lp;
}

/** log P(X <= n) by summing the pmf (Stan uses a 3F2; the sum is exact and n is modest). */
function lcdfImpl(out: Float64Array | null, n: number, N: number, a: number, b: number, upper: boolean): number {
  if (!valid(upper ? 'beta_binomial_lccdf' : 'beta_binomial_lcdf', n, N, a, b)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = out[3] = 0;
  if (n < 0) return upper ? 0 : -Infinity;
  if (n >= N) return upper ? -Infinity : 0;
  // sum over k in the requested tail of exp(lpmf), with the a/b partials weighted by the pmf
  const lo = upper ? n + 1 : 0;
  const hi = upper ? N : n;
  const dN = digamma(N + a + b);
  const dab = digamma(a + b);
  const da0 = digamma(a);
  const db0 = digamma(b);
  let m = -Infinity;
  for (let k = lo; k <= hi; k++) {
    const l = binomialCoefficientLog(N, k) + lbeta(k + a, N - k + b);
    if (l > m) m = l;
  }
  let s = 0, sa = 0, sb = 0;
  for (let k = lo; k <= hi; k++) {
    const w = Math.exp(binomialCoefficientLog(N, k) + lbeta(k + a, N - k + b) - m);
    s += w;
    if (out !== null) {
      sa += w * (digamma(k + a) - dN - da0 + dab);
      sb += w * (digamma(N - k + b) - dN - db0 + dab);
    }
  }
  if (out !== null) {
    out[2] = sa / s;
    out[3] = sb / s;
  }
  return m + Math.log(s) - lbeta(a, b);
}

export const betaBinomial: UnivariateFamily = {
  name: 'beta_binomial',
  discrete: true,
  args: ['n', 'N', 'alpha', 'beta'],
  argKinds: ['int', 'int', 'real', 'real'],
  logDensity: (f, n, N, a, b) => betaBinomialLpmf(null, f, n, N, a, b),
  logDensityWithPartials: (o, f, n, N, a, b) => betaBinomialLpmf(o, f, n, N, a, b),
  lcdf: (n, N, a, b) => lcdfImpl(null, n, N, a, b, false),
  lcdfWithPartials: (o, n, N, a, b) => lcdfImpl(o, n, N, a, b, false),
  lccdf: (n, N, a, b) => lcdfImpl(null, n, N, a, b, true),
  lccdfWithPartials: (o, n, N, a, b) => lcdfImpl(o, n, N, a, b, true),
  rng: (r: Rng, N, a, b) =>
    checkNonnegativeInt('beta_binomial_rng', 'Population size parameter', N) &&
    checkPositiveFinite('beta_binomial_rng', 'First prior sample size parameter', a) &&
    checkPositiveFinite('beta_binomial_rng', 'Second prior sample size parameter', b)
      ? r.binomial(N, r.beta(a, b))
      : NaN,
};
