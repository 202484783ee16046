import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkFinite } from '../check';
import type { VecOrScalar } from './glmScratch';

/** Sizes and finiteness shared by the three GLMs (Stan's messages). */
export function checkGlmArgs(fn: string, y: VecOrScalar, x: ArrayLike<number>, N: number, K: number, alpha: VecOrScalar, beta: ArrayLike<number>): boolean {
  if (x.length !== N * K) return setMathError(fn, 'Matrix of independent variables', x.length, `must have N*K = ${N * K} elements`, MATH_ERR_SIZE) === 0;
  if (typeof y !== 'number' && y.length !== N) return setMathError(fn, 'Vector of dependent variables', y.length, `must have ${N} elements (rows of x)`, MATH_ERR_SIZE) === 0;
  if (typeof alpha !== 'number' && alpha.length !== N) return setMathError(fn, 'Intercept', alpha.length, `must have ${N} elements (rows of x)`, MATH_ERR_SIZE) === 0;
  if (beta.length !== K) return setMathError(fn, 'Weight vector', beta.length, `must have ${K} elements (columns of x)`, MATH_ERR_SIZE) === 0;
  if (typeof alpha === 'number' && !checkFinite(fn, 'Intercept', alpha)) return false;
  for (let k = 0; k < K; k++) if (!checkFinite(fn, 'Weight vector', beta[k])) return false;
  return true;
}
