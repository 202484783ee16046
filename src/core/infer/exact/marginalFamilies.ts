// Closed-form univariate marginals of exact posteriors: normal, gamma, beta, inverse gamma, Student t,
// and a power of an inverse-gamma variable (an sd or a precision whose variance is inverse gamma).
// Each gives mean, sd, quantiles, log density and single draws.
import { betaQuantile } from '../../math/special/betaQuantile';
import { gammaP } from '../../math/special/incGamma';
import { lgamma } from '../../math/special/lgamma';
import { invPhi } from '../../math/special/Phi';
import type { Rng } from '../rng';
import { bracketAbove, solveMonotone } from './solveMonotone';

export interface Marginal {
  // 'normal' | 'gamma' | 'beta' | 'inv_gamma' | 'student_t' | 'power_inv_gamma'
  family: string;
  // Parameters in Stan's conventions (gamma and inv_gamma: shape alpha, rate/scale beta).
  params: Record<string, number>;
  // How a user reads it, e.g. "normal(1.98, 0.0995)" or "sqrt of inv_gamma(5.5, 12.1)".
  text: string;
  mean: number; // NaN when it does not exist
  sd: number; // NaN when it does not exist
  quantile(p: number): number;
  logDensity(x: number): number;
  sample(rng: Rng): number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

export function normalMarginal(mu: number, sigma: number): Marginal {
  return {
    family: 'normal', params: { mu, sigma }, text: `normal(${fmt(mu)}, ${fmt(sigma)})`,
    mean: mu, sd: sigma,
    quantile: (p) => mu + sigma * invPhi(p),
    logDensity: (x) => -0.5 * ((x - mu) / sigma) ** 2 - Math.log(sigma) - LOG_SQRT_2PI,
    sample: (rng) => mu + sigma * rng.normal(),
  };
}

// Standard gamma quantile (rate 1).
export function gammaQuantile(a: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  const f = (x: number) => gammaP(a, x);
  const df = (x: number) => Math.exp((a - 1) * Math.log(x) - x - lgamma(a));
  const hi = bracketAbove(f, p, a + 10 * Math.sqrt(a) + 10);
  return solveMonotone(f, p, 0, hi, df, a);
}

export function gammaMarginal(alpha: number, beta: number): Marginal {
  return {
    family: 'gamma', params: { alpha, beta }, text: `gamma(${fmt(alpha)}, ${fmt(beta)})`,
    mean: alpha / beta, sd: Math.sqrt(alpha) / beta,
    quantile: (p) => gammaQuantile(alpha, p) / beta,
    logDensity: (x) => (x <= 0 ? -Infinity : alpha * Math.log(beta) + (alpha - 1) * Math.log(x) - beta * x - lgamma(alpha)),
    sample: (rng) => rng.gamma(alpha) / beta,
  };
}

export function betaMarginal(alpha: number, beta: number): Marginal {
  const s = alpha + beta;
  const lb = lgamma(alpha) + lgamma(beta) - lgamma(s);
  return {
    family: 'beta', params: { alpha, beta }, text: `beta(${fmt(alpha)}, ${fmt(beta)})`,
    mean: alpha / s, sd: Math.sqrt((alpha * beta) / (s * s * (s + 1))),
    quantile: (p) => betaQuantile(p, alpha, beta),
    logDensity: (x) => (x <= 0 || x >= 1 ? -Infinity : (alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - lb),
    sample: (rng) => rng.beta(alpha, beta),
  };
}

// Student t with nu degrees of freedom, location mu, scale sigma.
export function studentTMarginal(nu: number, mu: number, sigma: number): Marginal {
  const quantile = (p: number): number => {
    if (p === 0.5) return mu;
    const tail = p < 0.5 ? p : 1 - p;
    const x = betaQuantile(2 * tail, nu / 2, 0.5); // P(|T| > t) = I_{nu/(nu+t²)}(nu/2, 1/2)
    const t = Math.sqrt((nu * (1 - x)) / x);
    return mu + sigma * (p < 0.5 ? -t : t);
  };
  const lc = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(sigma);
  return {
    family: 'student_t', params: { nu, mu, sigma }, text: `student_t(${fmt(nu)}, ${fmt(mu)}, ${fmt(sigma)})`,
    mean: nu > 1 ? mu : NaN, sd: nu > 2 ? sigma * Math.sqrt(nu / (nu - 2)) : NaN,
    quantile,
    logDensity: (x) => lc - ((nu + 1) / 2) * Math.log1p(((x - mu) / sigma) ** 2 / nu),
    sample: (rng) => mu + (sigma * rng.normal()) / Math.sqrt((2 * rng.gamma(nu / 2)) / nu),
  };
}

// q = v^k where v ~ inv_gamma(alpha, beta): k = 1 the variance itself, 1/2 an sd, -1 a precision.
export function powerInvGammaMarginal(alpha: number, beta: number, k: number): Marginal {
  // E[v^j] = beta^j Γ(alpha - j) / Γ(alpha), finite for j < alpha.
  const moment = (j: number) => (j < alpha ? Math.exp(j * Math.log(beta) + lgamma(alpha - j) - lgamma(alpha)) : NaN);
  const m1 = moment(k);
  const m2 = moment(2 * k);
  const ig = `inv_gamma(${fmt(alpha)}, ${fmt(beta)})`;
  const text = k === 1 ? ig : k === 0.5 ? `sqrt of ${ig}` : k === -1 ? `1 / ${ig} = gamma(${fmt(alpha)}, ${fmt(beta)})` : `${ig} ^ ${fmt(k)}`;
  // v = beta / g with g ~ gamma(alpha, 1); log density of q from that of v by the change of variables.
  const logDensityV = (v: number) => (v <= 0 ? -Infinity : alpha * Math.log(beta) - lgamma(alpha) - (alpha + 1) * Math.log(v) - beta / v);
  return {
    family: k === 1 ? 'inv_gamma' : 'power_inv_gamma', params: k === 1 ? { alpha, beta } : { alpha, beta, power: k }, text,
    mean: m1, sd: Number.isFinite(m2) ? Math.sqrt(Math.max(0, m2 - m1 * m1)) : NaN,
    quantile: (p) => {
      const pv = k > 0 ? p : 1 - p; // q decreases in v when k < 0
      const g = gammaQuantile(alpha, 1 - pv);
      return (beta / g) ** k;
    },
    logDensity: (q) => {
      if (q <= 0) return -Infinity;
      const v = q ** (1 / k);
      return logDensityV(v) + Math.log(Math.abs(v / (k * q))); // |dv/dq| = |v / (k q)|
    },
    sample: (rng) => (beta / rng.gamma(alpha)) ** k,
  };
}
