import { Rng } from '../rng';
import { Metric } from './metric';

/** Diagonal metric: M⁻¹ = diag(invDiag). Starts at the identity, as Stan's default. */
export class DiagMetric implements Metric {
  readonly kind = 'diag' as const;
  /** The live diagonal of M⁻¹ (read by the sampler's inner loop; change it only through setInverse). */
  readonly invDiag: Float64Array;
  private readonly sqrtDiag: Float64Array; // 1/sqrt(invDiag): the momentum scale

  constructor(readonly dim: number, inverse?: ArrayLike<number>) {
    this.invDiag = new Float64Array(dim).fill(1);
    this.sqrtDiag = new Float64Array(dim).fill(1);
    if (inverse) this.setInverse(inverse);
  }

  kinetic(p: Float64Array): number {
    const m = this.invDiag;
    let s = 0;
    for (let i = 0; i < p.length; i++) s += p[i] * p[i] * m[i];
    return 0.5 * s;
  }

  velocity(p: Float64Array, out: Float64Array): void {
    const m = this.invDiag;
    for (let i = 0; i < p.length; i++) out[i] = m[i] * p[i];
  }

  sampleMomentum(rng: Rng, p: Float64Array): void {
    const s = this.sqrtDiag;
    for (let i = 0; i < p.length; i++) p[i] = rng.normal() * s[i];
  }

  inverse(): Float64Array {
    return this.invDiag.slice();
  }

  setInverse(values: ArrayLike<number>): void {
    if (values.length !== this.dim) throw new RangeError(`diagonal metric needs ${this.dim} values, got ${values.length}`);
    for (let i = 0; i < this.dim; i++) {
      this.invDiag[i] = values[i];
      this.sqrtDiag[i] = 1 / Math.sqrt(values[i]);
    }
  }
}
