import { include } from '../flags';
import { setMathError } from '../mathError';
import { checkPositiveFinite, checkFinite } from '../check';
import { LOG_SQRT_2PI } from '../special/constants';
import { etaScratch, detaScratch, linearPredictor, backpropEta, type GlmGrads, type VecOrScalar } from './glmScratch';
import { checkGlmArgs } from './glmCheck';

/**
 * normal_id_glm_lpdf(y | x, alpha, beta, sigma) = sum_n normal(y[n] | alpha[n] + x[n] * beta, sigma[n]).
 * Flag bits: 0 y, 1 x, 2 alpha, 3 beta, 4 sigma; partials added into grads (y and sigma included).
 */
export function normalIdGlmLpdf(grads: GlmGrads | null, flags: number, y: VecOrScalar, x: ArrayLike<number>, N: number, K: number, alpha: VecOrScalar, beta: ArrayLike<number>, sigma: VecOrScalar): number {
  const fn = 'normal_id_glm_lpdf';
  if (!checkGlmArgs(fn, y, x, N, K, alpha, beta)) return NaN;
  if (typeof sigma !== 'number' && sigma.length !== N) return setMathError(fn, 'Scale vector', sigma.length, `must have ${N} elements`, 2);
  for (let n = 0; n < (typeof sigma === 'number' ? 1 : N); n++) if (!checkPositiveFinite(fn, 'Scale vector', typeof sigma === 'number' ? sigma : sigma[n])) return NaN;
  for (let n = 0; n < (typeof y === 'number' ? 1 : N); n++) if (!checkFinite(fn, 'Vector of dependent variables', typeof y === 'number' ? y : y[n])) return NaN;
  if (!include(flags, 31)) return 0;
  const eta = etaScratch(N);
  if (!linearPredictor(eta, x, N, K, alpha, beta)) return setMathError(fn, 'Matrix of independent variables', NaN, 'finite (the linear predictor is not)');
  const d = grads !== null ? detaScratch(N) : eta;
  const keep2pi = include(flags, 0);
  const keepSigma = include(flags, 16);
  let lp = 0;
  let dsig = 0;
  for (let n = 0; n < N; n++) {
    const yn = typeof y === 'number' ? y : y[n];
    const s = typeof sigma === 'number' ? sigma : sigma[n];
    const z = (yn - eta[n]) / s;
    lp -= 0.5 * z * z;
    if (keepSigma && typeof sigma !== 'number') lp -= Math.log(s);
    if (grads !== null) {
      const g = z / s; // d lp / d eta
      d[n] = g;
      if (grads.y !== null) {
        if (typeof y === 'number') grads.y[0] -= g;
        else grads.y[n] -= g;
      }
      if (grads.sigma !== null) {
        const gs = (z * z - 1) / s;
        if (typeof sigma === 'number') dsig += gs;
        else grads.sigma[n] += gs;
      }
    }
  }
  if (keepSigma && typeof sigma === 'number') lp -= N * Math.log(sigma);
  if (keep2pi) lp -= N * LOG_SQRT_2PI;
  if (grads !== null) {
    if (grads.sigma !== null && typeof sigma === 'number') grads.sigma[0] += dsig;
    backpropEta(grads, d, x, N, K, alpha, beta);
  }
  return lp;
}
