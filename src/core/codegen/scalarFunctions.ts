// Scalar library functions with their derivatives, for the functions that have no dedicated tape
// method (tape.ts) or inline derivative (emitDual.ts): one entry per Stan name, read by generated
// code as R.sf.<name> (value f, derivative d at x with result r) and R.bf.<name> (two arguments:
// value f and partials p written into out[0], out[1]).
import { LOG_TWO, TWO_OVER_SQRT_PI } from '../math/special/constants';
import { digamma, trigamma } from '../math/special/digamma';
import { binomialCoefficientLog, binomialCoefficientLogPartials, lbeta, lbetaPartials } from '../math/special/combinatorics';
import { log1mExp, log1mExpDeriv, logDiffExp, logDiffExpPartials, logSumExp2 } from '../math/special/logExp';
import { invLogit } from '../math/special/logistic';
import { invPhi, Phi, PhiApprox, PhiApproxDeriv, phiDensity } from '../math/special/Phi';
import { erf, erfc } from '../math/special/erf';
import { tgamma } from '../math/special/tgamma';

export interface UnaryFn {
  f: (x: number) => number;
  d: (x: number, r: number) => number;
}

export const unaryFns: Record<string, UnaryFn> = {
  tan: { f: Math.tan, d: (_x, r) => 1 + r * r },
  asin: { f: Math.asin, d: (x) => 1 / Math.sqrt(1 - x * x) },
  acos: { f: Math.acos, d: (x) => -1 / Math.sqrt(1 - x * x) },
  sinh: { f: Math.sinh, d: (x) => Math.cosh(x) },
  cosh: { f: Math.cosh, d: (x) => Math.sinh(x) },
  asinh: { f: Math.asinh, d: (x) => 1 / Math.sqrt(x * x + 1) },
  acosh: { f: Math.acosh, d: (x) => 1 / Math.sqrt(x * x - 1) },
  atanh: { f: Math.atanh, d: (x) => 1 / (1 - x * x) },
  cbrt: { f: Math.cbrt, d: (_x, r) => 1 / (3 * r * r) },
  log2: { f: Math.log2, d: (x) => 1 / (x * LOG_TWO) },
  log10: { f: Math.log10, d: (x) => 1 / (x * Math.LN10) },
  exp2: { f: (x) => Math.pow(2, x), d: (_x, r) => r * LOG_TWO },
  tgamma: { f: tgamma, d: (x, r) => r * digamma(x) },
  digamma: { f: digamma, d: trigamma },
  trigamma: { f: trigamma, d: trigammaDeriv },
  erf: { f: erf, d: (x) => TWO_OVER_SQRT_PI * Math.exp(-x * x) },
  erfc: { f: erfc, d: (x) => -TWO_OVER_SQRT_PI * Math.exp(-x * x) },
  Phi: { f: Phi, d: phiDensity },
  inv_Phi: { f: invPhi, d: (_x, r) => 1 / phiDensity(r) },
  std_normal_qf: { f: invPhi, d: (_x, r) => 1 / phiDensity(r) },
  std_normal_log_qf: { f: (x) => invPhi(Math.exp(x)), d: (x, r) => Math.exp(x) / phiDensity(r) },
  Phi_approx: { f: PhiApprox, d: PhiApproxDeriv },
  inv_sqrt: { f: (x) => 1 / Math.sqrt(x), d: (x, r) => (-0.5 * r) / x },
  inv_square: { f: (x) => 1 / (x * x), d: (x, r) => (-2 * r) / x },
  log1m_exp: { f: log1mExp, d: log1mExpDeriv },
  inv_cloglog: { f: (x) => -Math.expm1(-Math.exp(x)), d: (x) => Math.exp(x - Math.exp(x)) },
};

// d/dx trigamma(x) (the tetragamma function): recurrence up to x >= 12, then the asymptotic series
// -1/x^2 - 1/x^3 - 1/(2x^4) + 1/(6x^6) - 1/(6x^8) + 3/(10x^10) - 5/(6x^12).
function trigammaDeriv(x: number): number {
  let s = 0;
  while (x < 12) {
    s -= 2 / (x * x * x);
    x += 1;
  }
  const r = 1 / x, r2 = r * r;
  return s - r2 - r2 * r - 0.5 * r2 * r2 + r2 * r2 * r2 * (1 / 6 + r2 * (-1 / 6 + r2 * (3 / 10 + r2 * (-5 / 6))));
}

export interface BinaryFn {
  f: (x: number, y: number) => number;
  // Writes d/dx into out[0] and d/dy into out[1]; returns the value.
  p: (out: Float64Array, x: number, y: number) => number;
}

export const binaryFns: Record<string, BinaryFn> = {
  pow: {
    f: Math.pow,
    p: (out, x, y) => {
      const v = Math.pow(x, y);
      out[0] = y === 0 ? 0 : y * Math.pow(x, y - 1);
      out[1] = x > 0 ? v * Math.log(x) : 0;
      return v;
    },
  },
  fmin: { f: Math.min, p: (out, x, y) => ((out[0] = x <= y ? 1 : 0), (out[1] = 1 - out[0]), Math.min(x, y)) },
  fmax: { f: Math.max, p: (out, x, y) => ((out[0] = x >= y ? 1 : 0), (out[1] = 1 - out[0]), Math.max(x, y)) },
  fdim: { f: (x, y) => Math.max(x - y, 0), p: (out, x, y) => ((out[0] = x > y ? 1 : 0), (out[1] = -out[0]), Math.max(x - y, 0)) },
  // x - trunc(x / y) y, as C's fmod
  fmod: { f: (x, y) => x % y, p: (out, x, y) => ((out[0] = 1), (out[1] = -Math.trunc(x / y)), x % y) },
  hypot: {
    f: Math.hypot,
    p: (out, x, y) => {
      const r = Math.hypot(x, y);
      out[0] = x / r;
      out[1] = y / r;
      return r;
    },
  },
  atan2: {
    f: Math.atan2,
    p: (out, y, x) => {
      const r2 = x * x + y * y;
      out[0] = x / r2;
      out[1] = -y / r2;
      return Math.atan2(y, x);
    },
  },
  lbeta: { f: lbeta, p: lbetaPartials },
  lchoose: { f: binomialCoefficientLog, p: binomialCoefficientLogPartials },
  binomial_coefficient_log: { f: binomialCoefficientLog, p: binomialCoefficientLogPartials },
  log_diff_exp: { f: logDiffExp, p: logDiffExpPartials },
  log_sum_exp: {
    f: logSumExp2,
    p: (out, x, y) => {
      out[0] = x === -Infinity ? 0 : y === -Infinity ? 1 : invLogit(x - y);
      out[1] = 1 - out[0];
      return logSumExp2(x, y);
    },
  },
};
