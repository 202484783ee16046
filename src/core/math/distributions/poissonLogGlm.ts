import { include } from '../flags';
import { setMathError } from '../mathError';
import { checkNonnegativeInt } from '../check';
import { lgamma } from '../special/lgamma';
import { etaScratch, detaScratch, linearPredictor, backpropEta, type GlmGrads, type VecOrScalar } from './glmScratch';
import { checkGlmArgs } from './glmCheck';

/**
 * poisson_log_glm_lpmf(y | x, alpha, beta) = sum_n poisson_log(y[n] | alpha[n] + x[n] * beta).
 * Layout, flags and partials as bernoulliLogitGlmLpmf; -lgamma(y+1) is dropped under PROPTO.
 */
export function poissonLogGlmLpmf(grads: GlmGrads | null, flags: number, y: VecOrScalar, x: ArrayLike<number>, N: number, K: number, alpha: VecOrScalar, beta: ArrayLike<number>): number {
  const fn = 'poisson_log_glm_lpmf';
  if (!checkGlmArgs(fn, y, x, N, K, alpha, beta)) return NaN;
  for (let n = 0; n < (typeof y === 'number' ? 1 : N); n++) if (!checkNonnegativeInt(fn, 'Vector of dependent variables', typeof y === 'number' ? y : y[n])) return NaN;
  if (!include(flags, 14)) return 0;
  const eta = etaScratch(N);
  if (!linearPredictor(eta, x, N, K, alpha, beta)) return setMathError(fn, 'Matrix of independent variables', NaN, 'finite (the linear predictor is not)');
  const d = grads !== null ? detaScratch(N) : eta;
  const keepConst = include(flags, 0);
  let lp = 0;
  for (let n = 0; n < N; n++) {
    const yn = typeof y === 'number' ? y : y[n];
    const e = eta[n];
    const m = Math.exp(e);
    lp += yn * e - m;
    if (keepConst) lp -= lgamma(yn + 1);
    if (grads !== null) d[n] = yn - m;
  }
  if (!Number.isFinite(lp)) return setMathError(fn, 'Log rate', lp, 'finite');
  if (grads !== null) backpropEta(grads, d, x, N, K, alpha, beta);
  return lp;
}
