import { Rng } from '../rng';

/**
 * The Euclidean metric of the Hamiltonian: kinetic energy ½ pᵀ M⁻¹ p. Stan stores and adapts the
 * inverse metric M⁻¹ (≈ the posterior covariance), so do we.
 */
export interface Metric {
  readonly kind: 'diag' | 'dense';
  readonly dim: number;
  /** ½ pᵀ M⁻¹ p. */
  kinetic(p: Float64Array): number;
  /** out = M⁻¹ p (Stan's dtau_dp, the "sharp" momentum, i.e. the velocity). */
  velocity(p: Float64Array, out: Float64Array): void;
  /** p ~ N(0, M). */
  sampleMomentum(rng: Rng, p: Float64Array): void;
  /** The inverse metric: the diagonal (dim) or the dense matrix (dim × dim, row-major). */
  inverse(): Float64Array;
  /** Replaces the inverse metric (same layout as inverse()). */
  setInverse(values: ArrayLike<number>): void;
}
