import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNotNaN, checkPositiveFinite } from '../check';
import { log1mExp } from '../special/logExp';

function valid(fn: string, y: number, ymin: number, alpha: number): boolean {
  return checkNotNaN(fn, 'Random variable', y) && checkPositiveFinite(fn, 'Scale parameter', ymin) && checkPositiveFinite(fn, 'Shape parameter', alpha);
}

export function paretoLpdf(out: Float64Array | null, flags: number, y: number, ymin: number, alpha: number): number {
  if (!valid('pareto_lpdf', y, ymin, alpha)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (y < ymin) return -Infinity;
  if (!include(flags, 7)) return 0;
  const ly = Math.log(y);
  const lm = Math.log(ymin);
  let lp = 0;
  if (include(flags, 4)) lp += Math.log(alpha);
  if (include(flags, 6)) lp += alpha * lm;
  if (include(flags, 5)) lp -= (alpha + 1) * ly;
  if (out !== null) {
    out[0] = -(alpha + 1) / y;
    out[1] = alpha / ymin;
    out[2] = 1 / alpha + lm - ly;
  }
  return lp;
}

function lcdfImpl(out: Float64Array | null, y: number, ymin: number, alpha: number, upper: boolean): number {
  if (!valid(upper ? 'pareto_lccdf' : 'pareto_lcdf', y, ymin, alpha)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (y <= ymin) return upper ? 0 : -Infinity;
  if (y === Infinity) return upper ? -Infinity : 0;
  const q = alpha * (Math.log(ymin) - Math.log(y)); // log ccdf
  const v = upper ? q : log1mExp(q);
  if (out !== null) {
    const dq = upper ? 1 : -1 / Math.expm1(-q); // dv/dq
    out[0] = (-dq * alpha) / y;
    out[1] = (dq * alpha) / ymin;
    out[2] = dq * (Math.log(ymin) - Math.log(y));
  }
  return v;
}

export const pareto: UnivariateFamily = {
  name: 'pareto',
  discrete: false,
  args: ['y', 'y_min', 'alpha'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, m, a) => paretoLpdf(null, f, y, m, a),
  logDensityWithPartials: (o, f, y, m, a) => paretoLpdf(o, f, y, m, a),
  lcdf: (y, m, a) => lcdfImpl(null, y, m, a, false),
  lcdfWithPartials: (o, y, m, a) => lcdfImpl(o, y, m, a, false),
  lccdf: (y, m, a) => lcdfImpl(null, y, m, a, true),
  lccdfWithPartials: (o, y, m, a) => lcdfImpl(o, y, m, a, true),
  rng: (r: Rng, ymin, alpha) =>
    checkPositiveFinite('pareto_rng', 'Scale parameter', ymin) && checkPositiveFinite('pareto_rng', 'Shape parameter', alpha) ? ymin * Math.exp(r.exponential() / alpha) : NaN,
};
