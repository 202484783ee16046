import { log1pExp } from './logExp';

/** inv_logit(x) = 1/(1+exp(-x)). d/dx = inv_logit(x)(1-inv_logit(x)). */
export function invLogit(x: number): number {
  if (x < 0) {
    const e = Math.exp(x);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(-x));
}

/** logit(p) = log(p/(1-p)). d/dp = 1/(p(1-p)). */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** log(inv_logit(x)) = -log1p_exp(-x). d/dx = inv_logit(-x). */
export function logInvLogit(x: number): number {
  return -log1pExp(-x);
}

/** log(1 - inv_logit(x)) = -log1p_exp(x). d/dx = -inv_logit(x). */
export function log1mInvLogit(x: number): number {
  return -log1pExp(x);
}
