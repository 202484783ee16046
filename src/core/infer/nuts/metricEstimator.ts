/**
 * Welford's running mean and (co)variance of the warm-up draws in a slow window, and Stan's
 * regularised estimate of the inverse metric: (n/(n+5))·Σ̂ + 1e-3·(5/(n+5))·I.
 */
export class MetricEstimator {
  private n = 0;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array; // diagonal (dim) or full matrix (dim × dim)
  private readonly delta: Float64Array;

  constructor(readonly dim: number, readonly dense: boolean) {
    this.mean = new Float64Array(dim);
    this.m2 = new Float64Array(dense ? dim * dim : dim);
    this.delta = new Float64Array(dim);
  }

  get count(): number {
    return this.n;
  }

  restart(): void {
    this.n = 0;
    this.mean.fill(0);
    this.m2.fill(0);
  }

  add(q: Float64Array): void {
    this.n++;
    const d = this.dim, mean = this.mean, m2 = this.m2, delta = this.delta;
    for (let i = 0; i < d; i++) {
      delta[i] = q[i] - mean[i];
      mean[i] += delta[i] / this.n;
    }
    if (this.dense) {
      // m2 += delta ⊗ (q − new mean)
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) m2[i * d + j] += delta[i] * (q[j] - mean[j]);
      }
    } else {
      for (let i = 0; i < d; i++) m2[i] += delta[i] * (q[i] - mean[i]);
    }
  }

  /** The regularised inverse metric, or null when it is not finite (numerical overflow). */
  estimate(): Float64Array | null {
    const n = this.n, d = this.dim;
    const shrink = n / (n + 5);
    const ridge = 1e-3 * (5 / (n + 5));
    const out = new Float64Array(this.m2.length);
    for (let k = 0; k < out.length; k++) out[k] = shrink * (this.m2[k] / (n - 1));
    if (this.dense) {
      for (let i = 0; i < d; i++) {
        out[i * d + i] += ridge;
        for (let j = 0; j < i; j++) {
          const s = 0.5 * (out[i * d + j] + out[j * d + i]); // exact symmetry for the Cholesky factor
          out[i * d + j] = out[j * d + i] = s;
        }
      }
    } else {
      for (let i = 0; i < d; i++) out[i] += ridge;
    }
    for (let k = 0; k < out.length; k++) if (!Number.isFinite(out[k])) return null;
    return out;
  }
}
