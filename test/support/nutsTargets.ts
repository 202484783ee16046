import { threadId } from 'node:worker_threads';
import { LogDensityTarget } from '../../src/core/infer/target';

/**
 * Hand-written log densities with known posteriors for the NUTS tests and benchmark. Built by
 * name so that worker threads can build them too: { module: <this file>, args: NutsTargetArgs }.
 */
export type NutsTargetArgs =
  | { kind: 'stdNormal'; dim: number }
  | { kind: 'correlated'; r: number } // 2-D, unit variances, correlation r
  | { kind: 'scaled'; scales: number[] } // independent normals with these sds
  | { kind: 'normalMean' } // normal mean with known variance (NORMAL_MEAN below)
  | { kind: 'eightSchoolsCentered' } // the funnel, on (mu, log tau, theta[1..8])
  | { kind: 'halfNormal' } // N(0,1) on x > 0 and a free N(0,1): -Infinity outside
  | { kind: 'broken'; mode: 'nanGradient' | 'rejectEverywhere' | 'nanDensity' }
  | { kind: 'slow'; dim: number; spinMicros: number } // a standard normal that costs spinMicros per gradient
  | { kind: 'runaway'; after: number }; // a standard normal whose evaluation never returns after `after` calls

export const NORMAL_MEAN = {
  y: [2.3, 1.1, 3.4, 2.9, 1.7, 2.2, 0.8, 2.6, 3.1, 1.9, 2.4, 2.0],
  sigma: 1.5,
  priorMean: 0,
  priorSd: 3,
  /** The exact posterior of mu. */
  posterior(): { mean: number; sd: number } {
    const n = this.y.length;
    const prec = 1 / this.priorSd ** 2 + n / this.sigma ** 2;
    const mean = (this.priorMean / this.priorSd ** 2 + this.y.reduce((a, b) => a + b, 0) / this.sigma ** 2) / prec;
    return { mean, sd: Math.sqrt(1 / prec) };
  },
};

export const EIGHT_SCHOOLS = {
  y: [28, 8, -3, 7, -1, 1, 18, 12],
  sigma: [15, 10, 16, 11, 9, 11, 10, 18],
};

function names(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}[${i + 1}]`);
}

function gaussian(dim: number, prec: (x: Float64Array, g: Float64Array) => number, coordinateNames?: string[]): LogDensityTarget {
  const scratch = new Float64Array(dim);
  return {
    dim,
    coordinateNames: coordinateNames ?? names('x', dim),
    logDensity: (x) => prec(x, scratch),
    logDensityGradient: (x, g) => prec(x, g),
  };
}

export function createTarget(args: NutsTargetArgs): LogDensityTarget {
  switch (args.kind) {
    case 'stdNormal':
      return gaussian(args.dim, (x, g) => {
        let s = 0;
        for (let i = 0; i < x.length; i++) {
          s += x[i] * x[i];
          g[i] = -x[i];
        }
        return -0.5 * s;
      });
    case 'correlated': {
      const c = 1 / (1 - args.r * args.r), r = args.r;
      return gaussian(2, (x, g) => {
        g[0] = -c * (x[0] - r * x[1]);
        g[1] = -c * (x[1] - r * x[0]);
        return -0.5 * c * (x[0] * x[0] - 2 * r * x[0] * x[1] + x[1] * x[1]);
      });
    }
    case 'scaled': {
      const inv2 = args.scales.map((s) => 1 / (s * s));
      return gaussian(args.scales.length, (x, g) => {
        let s = 0;
        for (let i = 0; i < x.length; i++) {
          s += x[i] * x[i] * inv2[i];
          g[i] = -x[i] * inv2[i];
        }
        return -0.5 * s;
      });
    }
    case 'normalMean': {
      const { y, sigma, priorMean, priorSd } = NORMAL_MEAN;
      return gaussian(1, (x, g) => {
        const mu = x[0];
        let lp = -0.5 * ((mu - priorMean) / priorSd) ** 2;
        let d = -(mu - priorMean) / priorSd ** 2;
        for (const yi of y) {
          lp -= 0.5 * ((yi - mu) / sigma) ** 2;
          d += (yi - mu) / sigma ** 2;
        }
        g[0] = d;
        return lp;
      }, ['mu']);
    }
    case 'eightSchoolsCentered':
      return eightSchoolsCentered();
    case 'halfNormal':
      return halfNormal();
    case 'broken':
      return broken(args.mode);
    case 'slow': {
      const base = createTarget({ kind: 'stdNormal', dim: args.dim });
      const spin = (): void => {
        const until = performance.now() + args.spinMicros / 1000;
        while (performance.now() < until) { /* burn time like an expensive model */ }
      };
      return { ...base, logDensityGradient: (x, g) => (spin(), base.logDensityGradient(x, g)) };
    }
    case 'runaway': {
      const base = createTarget({ kind: 'stdNormal', dim: 2 });
      let calls = 0;
      return {
        ...base,
        logDensityGradient: (x, g) => {
          if (++calls > args.after) for (;;) { /* a model stuck in a while loop */ }
          return base.logDensityGradient(x, g);
        },
      };
    }
  }
}

/** Centered eight schools on (mu, log tau, theta): the funnel where NUTS diverges. */
function eightSchoolsCentered(): LogDensityTarget {
  const { y, sigma } = EIGHT_SCHOOLS;
  const J = y.length;
  const f = (x: Float64Array, g: Float64Array): number => {
    const mu = x[0], u = x[1], tau = Math.exp(u);
    const t2 = tau * tau;
    let lp = -(mu * mu) / 50 - Math.log1p(t2 / 25) + u; // normal(0,5), cauchy(0,5), log-Jacobian
    let dmu = -mu / 25;
    let du = -((2 * t2) / 25) / (1 + t2 / 25) + 1;
    for (let j = 0; j < J; j++) {
      const th = x[2 + j], d = th - mu, e = y[j] - th, s2 = sigma[j] * sigma[j];
      lp += -(d * d) / (2 * t2) - u - (e * e) / (2 * s2);
      dmu += d / t2;
      du += (d * d) / t2 - 1;
      g[2 + j] = -d / t2 + e / s2;
    }
    g[0] = dmu;
    g[1] = du;
    return lp;
  };
  const scratch = new Float64Array(2 + J);
  return { dim: 2 + J, coordinateNames: ['mu', 'log_tau', ...names('theta', J)], logDensity: (x) => f(x, scratch), logDensityGradient: f };
}

/** x ~ N(0,1) truncated to x > 0 (rejected outside, with a message), z ~ N(0,1). */
function halfNormal(): LogDensityTarget {
  let why: string | null = null;
  const f = (x: Float64Array, g: Float64Array): number => {
    if (!(x[0] > 0)) {
      why = `x = ${x[0]} is outside the support (0, inf)`;
      return -Infinity;
    }
    why = null;
    g[0] = -x[0];
    g[1] = -x[1];
    return -0.5 * (x[0] * x[0] + x[1] * x[1]);
  };
  const scratch = new Float64Array(2);
  return { dim: 2, coordinateNames: ['x', 'z'], logDensity: (x) => f(x, scratch), logDensityGradient: f, lastRejection: () => why };
}

function broken(mode: 'nanGradient' | 'rejectEverywhere' | 'nanDensity'): LogDensityTarget {
  const f = (x: Float64Array, g: Float64Array): number => {
    g[0] = -x[0];
    g[1] = mode === 'nanGradient' ? NaN : -x[1];
    g[2] = -x[2];
    if (mode === 'rejectEverywhere') return -Infinity;
    return mode === 'nanDensity' ? NaN : -0.5 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
  };
  const scratch = new Float64Array(3);
  return {
    dim: 3, coordinateNames: ['alpha', 'tau', 'beta'], logDensity: (x) => f(x, scratch), logDensityGradient: f,
    lastRejection: () => (mode === 'rejectEverywhere' ? 'sigma must be positive (reject statement in model)' : null),
  };
}

let builds = 0;

/**
 * createTarget, with coordinate names that tell which thread built it and how many targets that
 * thread had built this way ("x[1] (thread 3, build 1)"): shows whether a run reused a warm worker.
 */
export function createCountedTarget(args: NutsTargetArgs): LogDensityTarget {
  const t = createTarget(args);
  const tag = ` (thread ${threadId}, build ${++builds})`;
  return { ...t, coordinateNames: t.coordinateNames.map((n) => n + tag), logDensity: t.logDensity, logDensityGradient: t.logDensityGradient };
}

/** The compiled module of this file, for TargetFactorySpec.module in worker tests. */
export const NUTS_TARGETS_MODULE = __filename;
