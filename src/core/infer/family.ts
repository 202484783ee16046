import type { Approximation } from './viResult';

export const LOG_2PI = Math.log(2 * Math.PI);

/**
 * A Gaussian variational family on the unconstrained space, θ = μ + S z with z ~ N(0, I) and S
 * the (diagonal or lower-triangular) scale. Parameters are packed in one Float64Array so the
 * optimisers treat every family alike.
 */
export interface VariationalFamily {
  readonly kind: 'meanfield' | 'fullrank';
  readonly dim: number;
  /** Packed parameters: μ (dim) first, then the scale's parameters. */
  readonly params: Float64Array;
  /** Names of the packed parameters, for messages ("mu[tau]", "log_sd[tau]"). */
  paramNames(coordinateNames: readonly string[]): string[];
  /** Reset to mean `mu` and unit scale (Stan's starting approximation). */
  reset(mu: Float64Array): void;
  /** θ = μ + S z. */
  transform(z: Float64Array, thetaOut: Float64Array): void;
  /** Exact entropy of q. */
  entropy(): number;
  /** log q(θ) for θ = transform(z). */
  logDensityFromStandard(z: Float64Array): number;
  /** Adds the reparameterisation gradient of log p(μ + S z) w.r.t. the packed parameters, given ∇θ log p. */
  accumulateGradient(z: Float64Array, gradTheta: Float64Array, gradOut: Float64Array): void;
  /** Adds the gradient of the entropy w.r.t. the packed parameters. */
  addEntropyGradient(gradOut: Float64Array): void;
  /** Scale of each packed parameter's natural units (μ_i: sd_i; log-scales: 1), for preconditioning and MCSE. */
  parameterScales(out: Float64Array): void;
  /** The quantities judged for stationarity: [μ (dim), log marginal sd (dim)]. */
  summarise(out: Float64Array): void;
  /**
   * The coordinates iterates are averaged in: μ and the covariance (mean-field: the variances; full
   * rank: the lower triangle of L Lᵀ). At a fixed step size the log-scales fluctuate, and averaging
   * them gives exp(E log sd) < the sd the optimiser's stationary point satisfies (E sd² = sd*² for a
   * Gaussian target); averaging the covariance removes that bias. Same length as params.
   */
  toAveraged(out: Float64Array): void;
  /** Sets the parameters from averaged coordinates (false, unchanged, if they are not a valid covariance). */
  fromAveraged(avg: Float64Array): boolean;
  /** Marginal standard deviations. */
  marginalSd(): Float64Array;
  approximation(): Approximation;
}
