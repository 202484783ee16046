import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include, varies } from '../flags';
import { checkBounded, checkPositiveFinite } from '../check';
import { lgamma } from '../special/lgamma';
import { digamma } from '../special/digamma';
import { logBetaCdf, betaCdfScratch } from './betaCdf';
import { multiplyLog } from '../special/logExp';

function valid(fn: string, y: number, mu: number, kappa: number): boolean {
  if (!(mu > 0 && mu < 1)) return checkBounded(fn, 'Location parameter', mu, 1, 0, 'in the interval (0, 1)');
  return checkPositiveFinite(fn, 'Precision parameter', kappa) && checkBounded(fn, 'Random variable', y, 0, 1, 'in the interval [0, 1]');
}

export function betaProportionLpdf(out: Float64Array | null, flags: number, y: number, mu: number, kappa: number): number {
  if (!valid('beta_proportion_lpdf', y, mu, kappa)) return NaN;
  if (!include(flags, 7)) return 0;
  const a = mu * kappa;
  const b = kappa - a;
  const ly = Math.log(y);
  const l1y = Math.log1p(-y);
  let lp = 0;
  if (include(flags, 4)) lp += lgamma(kappa);
  if (include(flags, 6)) lp -= lgamma(a) + lgamma(b);
  lp += multiplyLog(a - 1, y) + multiplyLog(b - 1, 1 - y);
  if (out !== null) {
    out[0] = (a - 1) / y - (b - 1) / (1 - y);
    if (varies(flags, 1) || varies(flags, 2)) {
      const da = digamma(a);
      const db = digamma(b);
      out[1] = kappa * (db - da + ly - l1y);
      out[2] = digamma(kappa) - mu * da - (1 - mu) * db + mu * ly + (1 - mu) * l1y;
    } else out[1] = out[2] = 0;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, mu: number, kappa: number, upper: boolean): number {
  if (!valid(upper ? 'beta_proportion_lccdf' : 'beta_proportion_lcdf', y, mu, kappa)) return NaN;
  const a = mu * kappa;
  const b = kappa - a;
  const v = logBetaCdf(a, b, y, upper, out !== null);
  if (out !== null) {
    out[0] = betaCdfScratch[2];
    const da = betaCdfScratch[0];
    const db = betaCdfScratch[1];
    out[1] = kappa * (da - db);
    out[2] = mu * da + (1 - mu) * db;
  }
  return v;
}

export const betaProportion: UnivariateFamily = {
  name: 'beta_proportion',
  discrete: false,
  args: ['theta', 'mu', 'kappa'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, m, k) => betaProportionLpdf(null, f, y, m, k),
  logDensityWithPartials: (o, f, y, m, k) => betaProportionLpdf(o, f, y, m, k),
  lcdf: (y, m, k) => lcdfImpl(null, y, m, k, false),
  lcdfWithPartials: (o, y, m, k) => lcdfImpl(o, y, m, k, false),
  lccdf: (y, m, k) => lcdfImpl(null, y, m, k, true),
  lccdfWithPartials: (o, y, m, k) => lcdfImpl(o, y, m, k, true),
  rng: (r: Rng, mu, kappa) =>
    checkBounded('beta_proportion_rng', 'Location parameter', mu, Number.MIN_VALUE, 1 - 1e-17, 'in the interval (0, 1)') &&
    checkPositiveFinite('beta_proportion_rng', 'Precision parameter', kappa)
      ? r.beta(mu * kappa, (1 - mu) * kappa)
      : NaN,
};
