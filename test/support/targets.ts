// Hand-written log densities with known posteriors, for testing the inference engines.
import type { LogDensityTarget } from '../../src/core/infer/target';

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}[${i + 1}]`);

/** Multivariate normal N(mean, cov) given by its precision matrix (row-major). */
export function gaussianTarget(mean: ArrayLike<number>, precision: ArrayLike<number>, coordinateNames?: string[]): LogDensityTarget & { evaluations: number } {
  const n = mean.length;
  const d = new Float64Array(n);
  const t = {
    dim: n,
    coordinateNames: coordinateNames ?? names('x', n),
    evaluations: 0,
    logDensity(x: Float64Array): number {
      t.evaluations++;
      let q = 0;
      for (let i = 0; i < n; i++) d[i] = x[i] - mean[i];
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += precision[i * n + j] * d[j];
        q += d[i] * s;
      }
      return -0.5 * q;
    },
    logDensityGradient(x: Float64Array, g: Float64Array): number {
      t.evaluations++;
      let q = 0;
      for (let i = 0; i < n; i++) d[i] = x[i] - mean[i];
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += precision[i * n + j] * d[j];
        g[i] = -s;
        q += d[i] * s;
      }
      return -0.5 * q;
    },
  };
  return t;
}

/** Standard normal in n dimensions, shifted to `mean`. */
export function standardNormalTarget(n: number, mean = 0): LogDensityTarget {
  const P = new Float64Array(n * n);
  for (let i = 0; i < n; i++) P[i * n + i] = 1;
  return gaussianTarget(new Float64Array(n).fill(mean), P);
}

/** Bivariate normal with means (1, −1), sds (sd1, sd2) and correlation r. */
export function correlatedGaussianTarget(r: number, sd1 = 1, sd2 = 1): LogDensityTarget {
  const det = sd1 * sd1 * sd2 * sd2 * (1 - r * r);
  const c12 = r * sd1 * sd2;
  const P = [sd2 * sd2 / det, -c12 / det, -c12 / det, sd1 * sd1 / det];
  return gaussianTarget([1, -1], P);
}

/**
 * Normal mean with known variance: w ~ normal(mu0, tau0), y_i ~ normal(w, sigma).
 * Exact posterior normal(postMean, postSd).
 */
export function normalMeanTarget(y: number[], sigma = 1, mu0 = 0, tau0 = 1) {
  const n = y.length;
  const sum = y.reduce((a, b) => a + b, 0);
  const prec = 1 / (tau0 * tau0) + n / (sigma * sigma);
  const postMean = (mu0 / (tau0 * tau0) + sum / (sigma * sigma)) / prec;
  const target: LogDensityTarget = {
    dim: 1,
    coordinateNames: ['w'],
    logDensity(x) {
      const w = x[0];
      let lp = -0.5 * ((w - mu0) / tau0) ** 2;
      for (const v of y) lp -= 0.5 * ((v - w) / sigma) ** 2;
      return lp;
    },
    logDensityGradient(x, g) {
      const w = x[0];
      g[0] = -(w - mu0) / (tau0 * tau0) + (sum - n * w) / (sigma * sigma);
      return target.logDensity(x);
    },
  };
  return { target, postMean, postSd: 1 / Math.sqrt(prec) };
}

/**
 * Gamma–Poisson rates in log space: lambda_j ~ gamma(a_j, b), x_ij ~ poisson(lambda_j) for m
 * observations; theta_j = log lambda_j (with the log-Jacobian). Exact: lambda_j ~ gamma(a_j + Σx, b + m).
 */
export function gammaPoissonTarget(a: number[], b: number, counts: number[][]) {
  const k = a.length;
  const m = counts.length;
  const shape = a.map((aj, j) => aj + counts.reduce((s, row) => s + row[j], 0));
  const rate = b + m;
  const target: LogDensityTarget = {
    dim: k,
    coordinateNames: names('lambda', k),
    logDensity(x) {
      let lp = 0;
      for (let j = 0; j < k; j++) lp += shape[j] * x[j] - rate * Math.exp(x[j]);
      return lp;
    },
    logDensityGradient(x, g) {
      let lp = 0;
      for (let j = 0; j < k; j++) {
        const e = Math.exp(x[j]);
        lp += shape[j] * x[j] - rate * e;
        g[j] = shape[j] - rate * e;
      }
      return lp;
    },
  };
  return { target, shape, rate };
}

/** Centered eight schools (mu, log tau, theta[8]): the funnel. */
export function eightSchoolsCenteredTarget(): LogDensityTarget {
  const y = [28, 8, -3, 7, -1, 1, 18, 12];
  const s = [15, 10, 16, 11, 9, 11, 10, 18];
  const target: LogDensityTarget = {
    dim: 10,
    coordinateNames: ['mu', 'tau', ...names('theta', 8)],
    logDensity(x) {
      return target.logDensityGradient(x, new Float64Array(10));
    },
    logDensityGradient(x, g) {
      const mu = x[0];
      const logTau = x[1];
      const tau = Math.exp(logTau);
      // mu ~ normal(0, 5); tau ~ cauchy(0, 5) on tau > 0 with log-Jacobian
      let lp = -0.5 * (mu / 5) ** 2 - Math.log1p((tau / 5) ** 2) + logTau;
      g[0] = -mu / 25;
      g[1] = (-2 * (tau / 5) ** 2) / (1 + (tau / 5) ** 2) + 1;
      for (let j = 0; j < 8; j++) {
        const th = x[2 + j];
        const z = (th - mu) / tau;
        lp += -0.5 * z * z - logTau - 0.5 * ((y[j] - th) / s[j]) ** 2;
        g[0] += z / tau;
        g[1] += z * z - 1;
        g[2 + j] = -z / tau + (y[j] - th) / (s[j] * s[j]);
      }
      return lp;
    },
  };
  return target;
}

/** Banana (twisted Gaussian): x1 ~ normal(0, 10), x2 | x1 ~ normal(100 b − b x1², 1). */
export function bananaTarget(b = 0.03): LogDensityTarget {
  return {
    dim: 2,
    coordinateNames: ['x1', 'x2'],
    logDensity(x) {
      const u = x[1] + b * x[0] * x[0] - 100 * b;
      return -x[0] * x[0] / 200 - 0.5 * u * u;
    },
    logDensityGradient(x, g) {
      const u = x[1] + b * x[0] * x[0] - 100 * b;
      g[0] = -x[0] / 100 - u * 2 * b * x[0];
      g[1] = -u;
      return -x[0] * x[0] / 200 - 0.5 * u * u;
    },
  };
}

/** Finite only where |sigma| < 0.001 on the unconstrained scale: every random init fails, and says so. */
export function rejectingTarget(): LogDensityTarget {
  let rejection: string | null = null;
  const lp = (x: Float64Array, g?: Float64Array) => {
    if (Math.abs(x[1]) >= 1e-3) {
      rejection = 'normal_lpdf: Scale parameter is -1, but must be positive! (sigma)';
      return -Infinity;
    }
    rejection = null;
    if (g) { g[0] = -x[0]; g[1] = 0; }
    return -0.5 * x[0] * x[0];
  };
  return {
    dim: 2,
    coordinateNames: ['mu', 'sigma'],
    logDensity: (x) => lp(x),
    logDensityGradient: (x, g) => lp(x, g),
    lastRejection: () => rejection,
  };
}

/** NaN everywhere (a model bug such as sqrt of a negative number). */
export function nanTarget(): LogDensityTarget {
  return {
    dim: 2,
    coordinateNames: ['a', 'b'],
    logDensity: () => NaN,
    logDensityGradient: (_x, g) => { g.fill(NaN); return NaN; },
  };
}

/** Standard normal whose log density becomes NaN beyond |x| > 2.5 in the first coordinate. */
export function nanRegionTarget(): LogDensityTarget {
  return {
    dim: 2,
    coordinateNames: ['a', 'b'],
    logDensity: (x) => (Math.abs(x[0]) > 2.5 ? NaN : -0.5 * (x[0] * x[0] + x[1] * x[1])),
    logDensityGradient: (x, g) => {
      g[0] = -x[0];
      g[1] = -x[1];
      return Math.abs(x[0]) > 2.5 ? NaN : -0.5 * (x[0] * x[0] + x[1] * x[1]);
    },
  };
}

/** Marginal means and sds of row-major draws (ndraws × dim). */
export function drawMoments(draws: Float64Array, dim: number, f: (v: number) => number = (v) => v): { mean: number[]; sd: number[] } {
  const n = draws.length / dim;
  const mean = new Array(dim).fill(0);
  const sq = new Array(dim).fill(0);
  for (let s = 0; s < n; s++) for (let i = 0; i < dim; i++) mean[i] += f(draws[s * dim + i]);
  for (let i = 0; i < dim; i++) mean[i] /= n;
  for (let s = 0; s < n; s++) for (let i = 0; i < dim; i++) sq[i] += (f(draws[s * dim + i]) - mean[i]) ** 2;
  return { mean, sd: sq.map((v) => Math.sqrt(v / (n - 1))) };
}
