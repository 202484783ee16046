/**
 * The GLM kernels' shared pieces: a growable scratch for the linear predictor (so calls allocate
 * only when N grows past every earlier call) and the output record for their partials.
 */
let eta = new Float64Array(64);
let deta = new Float64Array(64);

export function etaScratch(n: number): Float64Array {
  if (eta.length < n) eta = new Float64Array(Math.max(n, 2 * eta.length));
  return eta;
}

export function detaScratch(n: number): Float64Array {
  if (deta.length < n) deta = new Float64Array(Math.max(n, 2 * deta.length));
  return deta;
}

/**
 * Partials of a GLM density, ADDED into caller-owned arrays (null when not wanted): y (normal only,
 * length N or 1), x (N*K column-major), alpha (N, or 1 for a scalar intercept), beta (K),
 * sigma (N, or 1 for a scalar sigma). Reuse one record per call site.
 */
export interface GlmGrads {
  y: Float64Array | null;
  x: Float64Array | null;
  alpha: Float64Array | null;
  beta: Float64Array | null;
  sigma: Float64Array | null;
}

export type VecOrScalar = number | ArrayLike<number>;

/**
 * eta[n] = alpha[n] + sum_k x[n, k] beta[k] over column-major x (N rows, K columns), looping
 * column by column so memory is read contiguously. Returns false if some eta is not finite.
 */
export function linearPredictor(out: Float64Array, x: ArrayLike<number>, N: number, K: number, alpha: VecOrScalar, beta: ArrayLike<number>): boolean {
  if (typeof alpha === 'number') for (let n = 0; n < N; n++) out[n] = alpha;
  else for (let n = 0; n < N; n++) out[n] = alpha[n];
  for (let k = 0; k < K; k++) {
    const b = beta[k];
    const off = k * N;
    for (let n = 0; n < N; n++) out[n] += x[off + n] * b;
  }
  for (let n = 0; n < N; n++) if (!Number.isFinite(out[n])) return false;
  return true;
}

/** Given d lp / d eta[n], adds the chain rule into the alpha, beta and x partials. */
export function backpropEta(g: GlmGrads, d: Float64Array, x: ArrayLike<number>, N: number, K: number, alpha: VecOrScalar, beta: ArrayLike<number>): void {
  if (g.alpha !== null) {
    if (typeof alpha === 'number') {
      let s = 0;
      for (let n = 0; n < N; n++) s += d[n];
      g.alpha[0] += s;
    } else for (let n = 0; n < N; n++) g.alpha[n] += d[n];
  }
  if (g.beta !== null) {
    for (let k = 0; k < K; k++) {
      const off = k * N;
      let s = 0;
      for (let n = 0; n < N; n++) s += x[off + n] * d[n];
      g.beta[k] += s;
    }
  }
  if (g.x !== null) {
    for (let k = 0; k < K; k++) {
      const off = k * N;
      const b = beta[k];
      for (let n = 0; n < N; n++) g.x[off + n] += d[n] * b;
    }
  }
}
