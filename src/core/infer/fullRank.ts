import { LOG_2PI, VariationalFamily } from './family';
import type { Approximation } from './viResult';

/**
 * Full-rank Gaussian: params = [μ (dim), lower triangle of L row by row], where the diagonal
 * entries are stored as log L_ii so L keeps a positive diagonal. Covariance L Lᵀ.
 */
export class FullRank implements VariationalFamily {
  readonly kind = 'fullrank' as const;
  readonly params: Float64Array;
  /** Offset of row i of L in params: dim + i(i+1)/2. */
  private readonly rowStart: Int32Array;

  /** Scratch for L⁻ᵀz in the path gradient. */
  private readonly solved: Float64Array;

  constructor(readonly dim: number) {
    this.params = new Float64Array(dim + (dim * (dim + 1)) / 2);
    this.solved = new Float64Array(dim);
    this.rowStart = Int32Array.from({ length: dim }, (_, i) => dim + (i * (i + 1)) / 2);
  }

  paramNames(names: readonly string[]): string[] {
    const out = names.map((n) => `mu[${n}]`);
    for (let i = 0; i < this.dim; i++) {
      for (let j = 0; j < i; j++) out.push(`L[${names[i]},${names[j]}]`);
      out.push(`log_L[${names[i]},${names[i]}]`);
    }
    return out;
  }

  reset(mu: Float64Array): void {
    this.params.set(mu, 0);
    this.params.fill(0, this.dim); // log-diagonal 0: L = I
  }

  transform(z: Float64Array, thetaOut: Float64Array): void {
    const p = this.params;
    for (let i = 0; i < this.dim; i++) {
      const r = this.rowStart[i];
      let s = p[i];
      for (let j = 0; j < i; j++) s += p[r + j] * z[j];
      thetaOut[i] = s + Math.exp(p[r + i]) * z[i];
    }
  }

  private sumLogDiag(): number {
    let s = 0;
    for (let i = 0; i < this.dim; i++) s += this.params[this.rowStart[i] + i];
    return s;
  }

  entropy(): number {
    return 0.5 * this.dim * (1 + LOG_2PI) + this.sumLogDiag();
  }

  logDensityFromStandard(z: Float64Array): number {
    let zz = 0;
    for (let i = 0; i < this.dim; i++) zz += z[i] * z[i];
    return -0.5 * zz - this.sumLogDiag() - 0.5 * this.dim * LOG_2PI;
  }

  accumulateGradient(z: Float64Array, g: Float64Array, out: Float64Array): void {
    const p = this.params;
    for (let i = 0; i < this.dim; i++) {
      const r = this.rowStart[i];
      const gi = g[i];
      out[i] += gi;
      for (let j = 0; j < i; j++) out[r + j] += gi * z[j];
      out[r + i] += gi * z[i] * Math.exp(p[r + i]);
    }
  }

  accumulatePathGradient(z: Float64Array, g: Float64Array, out: Float64Array): void {
    const p = this.params;
    const n = this.dim;
    // x = L⁻ᵀ z by back substitution (Lᵀ is upper triangular; column i of L is read down the rows)
    const x = this.solved;
    for (let i = n - 1; i >= 0; i--) {
      let s = z[i];
      for (let k = i + 1; k < n; k++) s -= p[this.rowStart[k] + i] * x[k];
      x[i] = s / Math.exp(p[this.rowStart[i] + i]);
    }
    for (let i = 0; i < n; i++) {
      const r = this.rowStart[i];
      const d = g[i] + x[i]; // ∇θ log p − ∇θ log q, with ∇θ log q = −L⁻ᵀz
      out[i] += d;
      for (let j = 0; j < i; j++) out[r + j] += d * z[j];
      out[r + i] += d * z[i] * Math.exp(p[r + i]);
    }
  }

  addEntropyGradient(out: Float64Array): void {
    for (let i = 0; i < this.dim; i++) out[this.rowStart[i] + i] += 1;
  }

  parameterScales(out: Float64Array): void {
    const p = this.params;
    for (let i = 0; i < this.dim; i++) {
      const r = this.rowStart[i];
      let v = Math.exp(2 * p[r + i]);
      for (let j = 0; j < i; j++) v += p[r + j] * p[r + j];
      const sd = Math.sqrt(v);
      out[i] = sd;
      // row i's i off-diagonal entries share sd_i² between them: each gets sd_i / √(i + 1), so
      // optimiser steps of all of them together move the row no more than its diagonal does
      const off = sd / Math.sqrt(i + 1);
      for (let j = 0; j < i; j++) out[r + j] = off;
      out[r + i] = 1;
    }
  }

  /** Dense L, row-major. */
  choleskyFactor(): Float64Array {
    const n = this.dim;
    const L = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const r = this.rowStart[i];
      for (let j = 0; j < i; j++) L[i * n + j] = this.params[r + j];
      L[i * n + i] = Math.exp(this.params[r + i]);
    }
    return L;
  }

  summarise(out: Float64Array): void {
    const p = this.params;
    for (let i = 0; i < this.dim; i++) {
      out[i] = p[i];
      const r = this.rowStart[i];
      let s = Math.exp(2 * p[r + i]);
      for (let j = 0; j < i; j++) s += p[r + j] * p[r + j];
      out[this.dim + i] = 0.5 * Math.log(s);
    }
  }

  toAveraged(out: Float64Array): void {
    const p = this.params;
    out.set(p);
    for (let i = 0; i < this.dim; i++) out[this.rowStart[i] + i] = Math.exp(p[this.rowStart[i] + i]);
  }

  fromAveraged(avg: Float64Array): boolean {
    for (let i = 0; i < this.dim; i++) {
      const d = avg[this.rowStart[i] + i];
      if (!(d > 0) || !Number.isFinite(d)) return false;
    }
    this.params.set(avg);
    for (let i = 0; i < this.dim; i++) this.params[this.rowStart[i] + i] = Math.log(avg[this.rowStart[i] + i]);
    return true;
  }

  marginalSd(): Float64Array {
    const out = new Float64Array(this.dim);
    for (let i = 0; i < this.dim; i++) {
      const r = this.rowStart[i];
      let s = Math.exp(2 * this.params[r + i]);
      for (let j = 0; j < i; j++) s += this.params[r + j] * this.params[r + j];
      out[i] = Math.sqrt(s);
    }
    return out;
  }

  approximation(): Approximation {
    return { kind: 'fullrank', mean: this.params.slice(0, this.dim), sd: this.marginalSd(), L: this.choleskyFactor() };
  }
}
