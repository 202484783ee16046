// The arithmetic that transforms and multivariate densities are written against, once: with plain
// numbers (value-only code) or with autodiff tape nodes (gradient code). `Tape` implements the same
// methods, so `numberOps` and a `Tape` are interchangeable here.
import { lgamma } from '../special/lgamma';
import { log1pExp } from '../special/logExp';
import { invLogit } from '../special/logistic';

export interface ScalarOps {
  c(v: number): number; // a constant
  val1(a: number): number; // the numeric value of a scalar
  add(a: number, b: number): number;
  sub(a: number, b: number): number;
  mul(a: number, b: number): number;
  div(a: number, b: number): number;
  neg(a: number): number;
  addc(a: number, c: number): number;
  mulc(a: number, c: number): number;
  exp(a: number): number;
  log(a: number): number;
  sqrt(a: number): number;
  square(a: number): number;
  log1m(a: number): number;
  log1p_exp(a: number): number;
  inv_logit(a: number): number;
  tanh(a: number): number;
  lgamma(a: number): number;
  dot(xs: ArrayLike<number>, ys: ArrayLike<number>): number; // sum of xs[i] * ys[i], one step
}

export const numberOps: ScalarOps = {
  c: (v) => v,
  val1: (a) => a,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  addc: (a, c) => a + c,
  mulc: (a, c) => a * c,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  square: (a) => a * a,
  log1m: (a) => Math.log1p(-a),
  log1p_exp: log1pExp,
  inv_logit: invLogit,
  tanh: Math.tanh,
  lgamma,
  dot: (xs, ys) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[i] * ys[i];
    return s;
  },
};

// Sum of a list of scalars (0 when empty).
export function sumOps(ops: ScalarOps, xs: ArrayLike<number>): number {
  if (xs.length === 0) return ops.c(0);
  let s = xs[0];
  for (let i = 1; i < xs.length; i++) s = ops.add(s, xs[i]);
  return s;
}
