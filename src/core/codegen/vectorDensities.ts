// Densities over a probability / logit vector from the math library (categorical, categorical_logit,
// multinomial), whose kernels add d/dtheta into an array, and multivariate rng functions, adapted to
// generated code. In gradient code the vector may hold tape nodes: one node, one edge per element.
import { categoricalLpmf, categoricalRng } from '../math/distributions/categorical';
import { categoricalLogitLpmf, categoricalLogitRng } from '../math/distributions/categoricalLogit';
import { multinomialLpmf } from '../math/distributions/multinomial';
import { orderedLogisticRng } from '../math/distributions/orderedLogistic';
import { multiNormalCholeskyRng, multiNormalRng } from '../math/distributions/multivariateRng';
import { clearMathError, formatMathError } from '../math/mathError';
import type { Rng } from '../infer/rng';
import { Mat } from './mat';
import { StanError } from './stanError';
import type { Tape } from './tape';

type Kernel = (g: Float64Array | null, flags: number, y: number | ArrayLike<number>, theta: ArrayLike<number>) => number;

export const kernels: Record<string, Kernel> = {
  categorical: categoricalLpmf,
  categorical_logit: categoricalLogitLpmf,
  multinomial: (g, f, y, t) => multinomialLpmf(g, f, y as ArrayLike<number>, t),
};

function check(v: number, fn: string): number {
  if (v !== v) {
    const msg = formatMathError() || `${fn}: the result is not a number.`;
    clearMathError();
    throw new StanError(msg);
  }
  return v;
}

export function vecDensityV(name: string, flags: number, y: number | ArrayLike<number>, theta: ArrayLike<number>): number {
  return check(kernels[name](null, flags, y, theta), `${name}_lpmf`);
}

export function vecDensityG(T: Tape, name: string, flags: number, y: number | ArrayLike<number>, theta: ArrayLike<number>): number {
  const vals = Float64Array.from(theta, (i) => T.val[i]);
  const g = new Float64Array(vals.length);
  const v = check(kernels[name](g, flags, y, vals), `${name}_lpmf`);
  const k = T.node(v);
  for (let i = 0; i < theta.length; i++) if (g[i] !== 0) T.edge(k, theta[i], g[i]);
  return k;
}

function rngCheck(v: number, fn: string): number {
  if (v !== v) return check(v, fn);
  return v;
}

export const rngs = {
  categorical: (r: Rng, theta: ArrayLike<number>) => rngCheck(categoricalRng(r, theta), 'categorical_rng'),
  categorical_logit: (r: Rng, beta: ArrayLike<number>) => rngCheck(categoricalLogitRng(r, beta), 'categorical_logit_rng'),
  ordered_logistic: (r: Rng, eta: number, c: ArrayLike<number>) => rngCheck(orderedLogisticRng(r, eta, c), 'ordered_logistic_rng'),
  multi_normal_cholesky: (r: Rng, mu: ArrayLike<number> | number, L: Mat) => {
    const out = new Float64Array(L.rows);
    if (!multiNormalCholeskyRng(out, r, mu, L.data, L.rows)) check(NaN, 'multi_normal_cholesky_rng');
    return out;
  },
  multi_normal: (r: Rng, mu: ArrayLike<number> | number, S: Mat) => {
    const out = new Float64Array(S.rows);
    if (!multiNormalRng(out, r, mu, S.data, S.rows)) check(NaN, 'multi_normal_rng');
    return out;
  },
};
