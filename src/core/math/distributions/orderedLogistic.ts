import type { Rng } from '../../infer/rng';
import { include } from '../flags';
import { setMathError, MATH_ERR_SIZE } from '../mathError';
import { checkFinite, checkBounded } from '../check';
import { log1pExp, logDiffExp } from '../special/logExp';
import { invLogit, logInvLogit, log1mInvLogit } from '../special/logistic';

/**
 * ordered_logistic_lpmf(y | eta, c): y in 1..K (K = c.length + 1), eta the linear predictor
 * (scalar, or one per y when y is an array), c strictly increasing cutpoints. Flag bits 1 eta,
 * 2 c. Partials ADDED into gEta (length 1 for a scalar eta, else per element) and gC.
 */
export function orderedLogisticLpmf(gEta: Float64Array | null, gC: Float64Array | null, flags: number, y: number | ArrayLike<number>, eta: number | ArrayLike<number>, c: ArrayLike<number>): number {
  const fn = 'ordered_logistic_lpmf';
  const K = c.length + 1;
  const n = typeof y === 'number' ? 1 : y.length;
  if (typeof eta !== 'number' && eta.length !== n) return setMathError(fn, 'Size of location parameter', eta.length, `must match the outcomes (${n})`, MATH_ERR_SIZE);
  for (let k = 0; k < c.length; k++) {
    if (!checkFinite(fn, 'Cut-points', c[k])) return NaN;
    if (k > 0 && !(c[k] > c[k - 1])) return setMathError(fn, 'Cut-points', c[k], 'strictly increasing (an ordered vector)');
  }
  for (let i = 0; i < n; i++) {
    const yi = typeof y === 'number' ? y : y[i];
    if (!(Number.isInteger(yi) && checkBounded(fn, 'Random variable', yi, 1, K, `in the interval [1, ${K}]`))) return NaN;
    if (!checkFinite(fn, 'Location parameter', typeof eta === 'number' ? eta : eta[i])) return NaN;
  }
  if (!include(flags, 6)) return 0;
  let lp = 0;
  for (let i = 0; i < n; i++) {
    const yi = typeof y === 'number' ? y : y[i];
    const e = typeof eta === 'number' ? eta : eta[i];
    let de = 0;
    if (yi === 1) {
      const a = e - c[0];
      lp -= log1pExp(a);
      de = -invLogit(a);
      if (gC !== null) gC[0] -= de;
    } else if (yi === K) {
      const a = e - c[K - 2];
      lp += logInvLogit(a);
      de = invLogit(-a);
      if (gC !== null) gC[K - 2] -= de;
    } else {
      const a = e - c[yi - 2];
      const b = e - c[yi - 1];
      const la = logInvLogit(a);
      const lb = logInvLogit(b);
      const l = logDiffExp(la, lb);
      lp += l;
      const da = Math.exp(la + log1mInvLogit(a) - l);
      const db = -Math.exp(lb + log1mInvLogit(b) - l);
      de = da + db;
      if (gC !== null) {
        gC[yi - 2] -= da;
        gC[yi - 1] -= db;
      }
    }
    if (gEta !== null) {
      if (typeof eta === 'number') gEta[0] += de;
      else gEta[i] += de;
    }
  }
  return lp;
}

/** ordered_logistic_rng(eta, c): an outcome in 1..K. */
export function orderedLogisticRng(r: Rng, eta: number, c: ArrayLike<number>): number {
  const u = r.uniform();
  // P(y <= k) = 1 - inv_logit(eta - c_k)
  for (let k = 0; k < c.length; k++) if (u < 1 - invLogit(eta - c[k])) return k + 1;
  return c.length + 1;
}
