import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkFinite, checkPositiveFinite } from '../check';
import { log1pExp } from '../special/logExp';
import { invLogit, logit } from '../special/logistic';

function valid(fn: string, y: number, mu: number, sigma: number): boolean {
  return checkFinite(fn, 'Random variable', y) && checkFinite(fn, 'Location parameter', mu) && checkPositiveFinite(fn, 'Scale parameter', sigma);
}

export function logisticLpdf(out: Float64Array | null, flags: number, y: number, mu: number, sigma: number): number {
  if (!valid('logistic_lpdf', y, mu, sigma)) return NaN;
  if (!include(flags, 7)) return 0;
  const z = (y - mu) / sigma;
  let lp = -z - 2 * log1pExp(-z);
  if (include(flags, 4)) lp -= Math.log(sigma);
  if (out !== null) {
    const dz = 1 - 2 * invLogit(z);
    out[0] = dz / sigma;
    out[1] = -dz / sigma;
    out[2] = (-1 - dz * z) / sigma;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, mu: number, sigma: number, upper: boolean): number {
  if (!valid(upper ? 'logistic_lccdf' : 'logistic_lcdf', y, mu, sigma)) return NaN;
  const s = upper ? -1 : 1;
  const z = (y - mu) / sigma;
  const v = -log1pExp(-s * z);
  if (out !== null) {
    const dz = s * invLogit(-s * z);
    out[0] = dz / sigma;
    out[1] = -dz / sigma;
    out[2] = (-dz * z) / sigma;
  }
  return v;
}

export const logistic: UnivariateFamily = {
  name: 'logistic',
  discrete: false,
  args: ['y', 'mu', 'sigma'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, mu, s) => logisticLpdf(null, f, y, mu, s),
  logDensityWithPartials: (o, f, y, mu, s) => logisticLpdf(o, f, y, mu, s),
  lcdf: (y, mu, s) => lcdfImpl(null, y, mu, s, false),
  lcdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, false),
  lccdf: (y, mu, s) => lcdfImpl(null, y, mu, s, true),
  lccdfWithPartials: (o, y, mu, s) => lcdfImpl(o, y, mu, s, true),
  rng: (r: Rng, mu, sigma) =>
    checkFinite('logistic_rng', 'Location parameter', mu) && checkPositiveFinite('logistic_rng', 'Scale parameter', sigma) ? mu + sigma * logit(r.uniformOpen()) : NaN,
};
