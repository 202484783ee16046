// Scalar constraining transforms: lower, upper, lower+upper, offset/multiplier (Stan Reference
// Manual, "Constraint transforms"). `y` is an unconstrained scalar; each returns [x, log|dx/dy|] through
// the `jac` slot to avoid allocating.
import { logit } from '../special/logistic';
import type { ScalarOps } from './scalarOps';

export interface JacSlot {
  lj: number;
}

export function lowerConstrain(ops: ScalarOps, y: number, lb: number, jac: JacSlot): number {
  if (lb === -Infinity) {
    jac.lj = ops.c(0);
    return y;
  }
  jac.lj = y;
  return ops.addc(ops.exp(y), lb);
}
export const lowerUnconstrain = (x: number, lb: number): number => (lb === -Infinity ? x : Math.log(x - lb));

export function upperConstrain(ops: ScalarOps, y: number, ub: number, jac: JacSlot): number {
  if (ub === Infinity) {
    jac.lj = ops.c(0);
    return y;
  }
  jac.lj = y;
  return ops.addc(ops.neg(ops.exp(y)), ub);
}
export const upperUnconstrain = (x: number, ub: number): number => (ub === Infinity ? x : Math.log(ub - x));

export function lowerUpperConstrain(ops: ScalarOps, y: number, lb: number, ub: number, jac: JacSlot): number {
  if (lb === -Infinity) return upperConstrain(ops, y, ub, jac);
  if (ub === Infinity) return lowerConstrain(ops, y, lb, jac);
  const w = ub - lb;
  const s = ops.inv_logit(y);
  // log|J| = log(w) + log(s) + log(1 - s) = log(w) - |y| - 2 log1p(exp(-|y|)), stable for large |y|
  const vy = ops.val1(y);
  const negAbs = vy > 0 ? ops.neg(y) : y;
  jac.lj = ops.addc(ops.sub(negAbs, ops.mulc(ops.log1p_exp(negAbs), 2)), Math.log(w));
  return ops.addc(ops.mulc(s, w), lb);
}
export function lowerUpperUnconstrain(x: number, lb: number, ub: number): number {
  if (lb === -Infinity) return upperUnconstrain(x, ub);
  if (ub === Infinity) return lowerUnconstrain(x, lb);
  return logit((x - lb) / (ub - lb));
}

export function offsetMultiplierConstrain(ops: ScalarOps, y: number, offset: number, mult: number, jac: JacSlot): number {
  jac.lj = ops.c(Math.log(mult));
  return ops.addc(ops.mulc(y, mult), offset);
}
export const offsetMultiplierUnconstrain = (x: number, offset: number, mult: number): number => (x - offset) / mult;

// The same transforms when the bounds themselves are autodiff scalars (bounds that depend on
// parameters): lb/ub/offset/multiplier are ScalarOps values; infinite bounds are given as null.
export function lowerUpperConstrainOps(ops: ScalarOps, y: number, lb: number | null, ub: number | null, jac: JacSlot): number {
  if (lb === null && ub === null) {
    jac.lj = ops.c(0);
    return y;
  }
  if (ub === null) {
    jac.lj = y;
    return ops.add(lb!, ops.exp(y));
  }
  if (lb === null) {
    jac.lj = y;
    return ops.sub(ub, ops.exp(y));
  }
  const w = ops.sub(ub, lb);
  const vy = ops.val1(y);
  const negAbs = vy > 0 ? ops.neg(y) : y;
  jac.lj = ops.add(ops.log(w), ops.sub(negAbs, ops.mulc(ops.log1p_exp(negAbs), 2)));
  return ops.add(lb, ops.mul(w, ops.inv_logit(y)));
}

export function offsetMultiplierConstrainOps(ops: ScalarOps, y: number, offset: number, mult: number, jac: JacSlot): number {
  jac.lj = ops.log(mult);
  return ops.add(offset, ops.mul(mult, y));
}
