import { LOG_2PI, VariationalFamily } from './family';
import type { Approximation } from './viResult';

/** Mean-field Gaussian: params = [μ (dim), ω (dim)] with sd = exp(ω). */
export class MeanField implements VariationalFamily {
  readonly kind = 'meanfield' as const;
  readonly params: Float64Array;

  constructor(readonly dim: number) {
    this.params = new Float64Array(2 * dim);
  }

  paramNames(names: readonly string[]): string[] {
    return [...names.map((n) => `mu[${n}]`), ...names.map((n) => `log_sd[${n}]`)];
  }

  reset(mu: Float64Array): void {
    this.params.set(mu, 0);
    this.params.fill(0, this.dim);
  }

  transform(z: Float64Array, thetaOut: Float64Array): void {
    const p = this.params;
    const n = this.dim;
    for (let i = 0; i < n; i++) thetaOut[i] = p[i] + Math.exp(p[n + i]) * z[i];
  }

  private sumLogScale(): number {
    let s = 0;
    for (let i = 0; i < this.dim; i++) s += this.params[this.dim + i];
    return s;
  }

  entropy(): number {
    return 0.5 * this.dim * (1 + LOG_2PI) + this.sumLogScale();
  }

  logDensityFromStandard(z: Float64Array): number {
    let zz = 0;
    for (let i = 0; i < this.dim; i++) zz += z[i] * z[i];
    return -0.5 * zz - this.sumLogScale() - 0.5 * this.dim * LOG_2PI;
  }

  accumulateGradient(z: Float64Array, g: Float64Array, out: Float64Array): void {
    const n = this.dim;
    const p = this.params;
    for (let i = 0; i < n; i++) {
      out[i] += g[i];
      out[n + i] += g[i] * z[i] * Math.exp(p[n + i]);
    }
  }

  accumulatePathGradient(z: Float64Array, g: Float64Array, out: Float64Array): void {
    const n = this.dim;
    const p = this.params;
    for (let i = 0; i < n; i++) {
      const sd = Math.exp(p[n + i]);
      const d = g[i] + z[i] / sd; // ∇θ log p − ∇θ log q, with ∇θ log q = −z/sd
      out[i] += d;
      out[n + i] += d * z[i] * sd;
    }
  }

  addEntropyGradient(out: Float64Array): void {
    for (let i = 0; i < this.dim; i++) out[this.dim + i] += 1;
  }

  parameterScales(out: Float64Array): void {
    for (let i = 0; i < this.dim; i++) {
      out[i] = Math.exp(this.params[this.dim + i]);
      out[this.dim + i] = 1;
    }
  }

  summarise(out: Float64Array): void {
    out.set(this.params);
  }

  toAveraged(out: Float64Array): void {
    const n = this.dim;
    for (let i = 0; i < n; i++) {
      out[i] = this.params[i];
      out[n + i] = Math.exp(2 * this.params[n + i]);
    }
  }

  fromAveraged(avg: Float64Array): boolean {
    const n = this.dim;
    for (let i = 0; i < n; i++) if (!(avg[n + i] > 0) || !Number.isFinite(avg[n + i])) return false;
    for (let i = 0; i < n; i++) {
      this.params[i] = avg[i];
      this.params[n + i] = 0.5 * Math.log(avg[n + i]);
    }
    return true;
  }

  marginalSd(): Float64Array {
    return Float64Array.from(this.params.subarray(this.dim), Math.exp);
  }

  approximation(): Approximation {
    return { kind: 'meanfield', mean: this.params.slice(0, this.dim), sd: this.marginalSd() };
  }
}
