import { include } from '../flags';
import { setMathError } from '../mathError';
import { checkBinary } from '../check';
import { log1pExp } from '../special/logExp';
import { invLogit } from '../special/logistic';
import { etaScratch, detaScratch, linearPredictor, backpropEta, type GlmGrads, type VecOrScalar } from './glmScratch';
import { checkGlmArgs } from './glmCheck';

/**
 * bernoulli_logit_glm_lpmf(y | x, alpha, beta) = sum_n bernoulli_logit(y[n] | alpha[n] + x[n] * beta).
 * x is N x K column-major; alpha a scalar or N-vector; y an int or N ints. Flag bits: 0 y, 1 x,
 * 2 alpha, 3 beta. Partials are added into `grads` (see GlmGrads). No constant terms.
 */
export function bernoulliLogitGlmLpmf(grads: GlmGrads | null, flags: number, y: VecOrScalar, x: ArrayLike<number>, N: number, K: number, alpha: VecOrScalar, beta: ArrayLike<number>): number {
  const fn = 'bernoulli_logit_glm_lpmf';
  if (!checkGlmArgs(fn, y, x, N, K, alpha, beta)) return NaN;
  for (let n = 0; n < (typeof y === 'number' ? 1 : N); n++) if (!checkBinary(fn, 'Vector of dependent variables', typeof y === 'number' ? y : y[n])) return NaN;
  if (!include(flags, 14)) return 0;
  const eta = etaScratch(N);
  if (!linearPredictor(eta, x, N, K, alpha, beta)) return setMathError(fn, 'Matrix of independent variables', NaN, 'finite (the linear predictor is not)');
  const d = grads !== null ? detaScratch(N) : eta;
  let lp = 0;
  for (let n = 0; n < N; n++) {
    const yn = typeof y === 'number' ? y : y[n];
    const e = eta[n];
    lp -= log1pExp(yn === 1 ? -e : e);
    if (grads !== null) d[n] = yn - invLogit(e);
  }
  if (grads !== null) backpropEta(grads, d, x, N, K, alpha, beta);
  return lp;
}
