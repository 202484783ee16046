import { logSumExp, mean, sum } from './moments';

export interface GpdFit {
  /** Shape k (Inf when the fit fails). */
  k: number;
  /** Scale sigma. */
  sigma: number;
}

export interface GpdfitOptions {
  /** Shrink k towards 0.5 with the weakly informative prior, as loo does (default true). */
  wip?: boolean;
  /** Minimum number of grid points of the profile posterior (default 30). */
  minGridPts?: number;
  /** Sort x first (default true); pass false when x is already ascending. */
  sortX?: boolean;
}

/**
 * Generalized Pareto fit of Zhang & Stephens (2009) as in loo 2.5.1's gpdfit: the posterior
 * mean of theta = -k/sigma over a grid of M = minGridPts + floor(sqrt(N)) points (weights
 * from the profile log likelihood, normalised by log-sum-exp), then k and sigma from it;
 * with wip, k is shrunk towards 0.5 as if by a prior worth 10 observations.
 * x are exceedances over a threshold (all >= 0).
 */
export function gpdfit(x: ArrayLike<number>, options: GpdfitOptions = {}): GpdFit {
  const { wip = true, minGridPts = 30, sortX = true } = options;
  const xs = sortX ? Float64Array.from(x).sort() : Float64Array.from(x);
  const N = xs.length;
  const prior = 3;
  const M = minGridPts + Math.floor(Math.sqrt(N));
  const xstar = xs[Math.floor(N / 4 + 0.5) - 1];
  const theta = new Float64Array(M);
  const logLik = new Float64Array(M);
  const tmp = new Float64Array(N);
  for (let j = 0; j < M; j++) {
    theta[j] = 1 / xs[N - 1] + (1 - Math.sqrt(M / (j + 1 - 0.5))) / prior / xstar;
    logLik[j] = N * profileLogLik(theta[j], xs, tmp);
  }
  const lse = logSumExp(logLik);
  const terms = new Float64Array(M);
  for (let j = 0; j < M; j++) terms[j] = theta[j] * Math.exp(logLik[j] - lse);
  const thetaHat = sum(terms);
  for (let i = 0; i < N; i++) tmp[i] = Math.log1p(-thetaHat * xs[i]);
  let k = mean(tmp);
  const sigma = -k / thetaHat;
  if (wip) k = adjustKWip(k, N);
  if (Number.isNaN(k)) k = Infinity;
  return { k, sigma };
}

/** Profile log likelihood per observation at theta (loo's lx). */
function profileLogLik(theta: number, x: Float64Array, tmp: Float64Array): number {
  const a = -theta;
  for (let i = 0; i < x.length; i++) tmp[i] = Math.log1p(a * x[i]);
  const k = mean(tmp);
  return Math.log(a / k) - k - 1;
}

/** loo's adjust_k_wip: k n / (n + 10) + 10 * 0.5 / (n + 10). */
export function adjustKWip(k: number, n: number): number {
  const a = 10;
  return (k * n) / (n + a) + (a * 0.5) / (n + a);
}

/** Quantile function of the generalized Pareto distribution with location 0 (loo's qgpd). */
export function gpdQuantile(p: number, k: number, sigma: number): number {
  if (Number.isNaN(sigma) || sigma <= 0) return NaN;
  return (sigma * Math.expm1(-k * Math.log1p(-p))) / k;
}
