import type { UnivariateFamily } from '../family';
import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { checkNotNaN, checkFinite } from '../check';
import { setMathError } from '../mathError';

/** uniform's extra rule: the upper bound must exceed the lower bound. */
function setBoundsError(fn: string, beta: number): boolean {
  setMathError(fn, 'Upper bound parameter', beta, 'greater than the lower bound');
  return false;
}

function valid(fn: string, y: number, alpha: number, beta: number): boolean {
  return checkNotNaN(fn, 'Random variable', y) && checkFinite(fn, 'Lower bound parameter', alpha) && checkFinite(fn, 'Upper bound parameter', beta) && (beta > alpha || setBoundsError(fn, beta));
}

export function uniformLpdf(out: Float64Array | null, flags: number, y: number, alpha: number, beta: number): number {
  if (!valid('uniform_lpdf', y, alpha, beta)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (y < alpha || y > beta) return -Infinity;
  if (!include(flags, 6)) return 0;
  if (out !== null) {
    out[1] = 1 / (beta - alpha);
    out[2] = -1 / (beta - alpha);
  }
  return -Math.log(beta - alpha);
}

function lcdfImpl(out: Float64Array | null, y: number, alpha: number, beta: number, upper: boolean): number {
  if (!valid(upper ? 'uniform_lccdf' : 'uniform_lcdf', y, alpha, beta)) return NaN;
  if (out !== null) out[0] = out[1] = out[2] = 0;
  if (y <= alpha) return upper ? 0 : -Infinity;
  if (y >= beta) return upper ? -Infinity : 0;
  const w = beta - alpha;
  if (!upper) {
    if (out !== null) {
      out[0] = 1 / (y - alpha);
      out[1] = -1 / (y - alpha) + 1 / w;
      out[2] = -1 / w;
    }
    return Math.log(y - alpha) - Math.log(w);
  }
  if (out !== null) {
    out[0] = -1 / (beta - y);
    out[1] = 1 / w;
    out[2] = 1 / (beta - y) - 1 / w;
  }
  return Math.log(beta - y) - Math.log(w);
}

export const uniform: UnivariateFamily = {
  name: 'uniform',
  discrete: false,
  args: ['y', 'alpha', 'beta'],
  argKinds: ['real', 'real', 'real'],
  logDensity: (f, y, a, b) => uniformLpdf(null, f, y, a, b),
  logDensityWithPartials: (o, f, y, a, b) => uniformLpdf(o, f, y, a, b),
  lcdf: (y, a, b) => lcdfImpl(null, y, a, b, false),
  lcdfWithPartials: (o, y, a, b) => lcdfImpl(o, y, a, b, false),
  lccdf: (y, a, b) => lcdfImpl(null, y, a, b, true),
  lccdfWithPartials: (o, y, a, b) => lcdfImpl(o, y, a, b, true),
  rng: (r: Rng, a, b) => (valid('uniform_rng', 0, a, b) ? a + (b - a) * r.uniform() : NaN),
};
