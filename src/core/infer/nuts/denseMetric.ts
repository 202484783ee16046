import { choleskyInto } from '../../math/cholesky';
import { solveLowerTransposed } from '../../math/triangularSolve';
import { Rng } from '../rng';
import { Metric } from './metric';

/**
 * Dense metric: M⁻¹ = Σ (row-major). Momentum p ~ N(0, Σ⁻¹) is drawn as p = L⁻ᵀ z with
 * Σ = L Lᵀ, whose covariance is L⁻ᵀ L⁻¹ = Σ⁻¹.
 */
export class DenseMetric implements Metric {
  readonly kind = 'dense' as const;
  private readonly inv: Float64Array;
  private readonly chol: Float64Array; // lower Cholesky factor of inv, row-major
  private readonly z: Float64Array;

  constructor(readonly dim: number, inverse?: ArrayLike<number>) {
    this.inv = new Float64Array(dim * dim);
    this.chol = new Float64Array(dim * dim);
    this.z = new Float64Array(dim);
    for (let i = 0; i < dim; i++) this.inv[i * dim + i] = this.chol[i * dim + i] = 1;
    if (inverse) this.setInverse(inverse);
  }

  kinetic(p: Float64Array): number {
    const n = this.dim, m = this.inv;
    let s = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < n; j++) r += m[i * n + j] * p[j];
      s += p[i] * r;
    }
    return 0.5 * s;
  }

  velocity(p: Float64Array, out: Float64Array): void {
    const n = this.dim, m = this.inv;
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < n; j++) r += m[i * n + j] * p[j];
      out[i] = r;
    }
  }

  sampleMomentum(rng: Rng, p: Float64Array): void {
    const n = this.dim, L = this.chol, z = this.z;
    for (let i = 0; i < n; i++) z[i] = rng.normal();
    solveLowerTransposed(p, L, z, n);
  }

  inverse(): Float64Array {
    return this.inv.slice();
  }

  setInverse(values: ArrayLike<number>): void {
    const n = this.dim;
    if (values.length !== n * n) throw new RangeError(`dense metric needs ${n * n} values, got ${values.length}`);
    const L = new Float64Array(n * n);
    if (!choleskyInto(L, values, n)) throw new RangeError('dense inverse metric is not positive definite');
    for (let i = 0; i < n * n; i++) this.inv[i] = values[i];
    this.chol.set(L);
  }
}
