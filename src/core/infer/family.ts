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
  /**
   * Adds the "sticking the landing" gradient of one draw (Roeder, Wu & Duvenaud 2017): the
   * reparameterisation gradient of log p(θ) − log q(θ) with q's parameters held fixed inside log q,
   * i.e. with ∇θ log p − ∇θ log q in place of ∇θ log p and no entropy term. Unbiased for the ELBO
   * gradient (the dropped score term has mean zero) and exactly zero at the optimum when the target
   * is a Gaussian the family contains, so its noise shrinks as q approaches p.
   */
  accumulatePathGradient(z: Float64Array, gradTheta: Float64Array, gradOut: Float64Array): void;
  /** Adds the gradient of the entropy w.r.t. the packed parameters. */
  addEntropyGradient(gradOut: Float64Array): void;
  /** Scale of each packed parameter's natural units (μ_i: sd_i; log-scales: 1), for preconditioning and MCSE. */
  parameterScales(out: Float64Array): void;
  /** The quantities judged for stationarity: [μ (dim), log marginal sd (dim)]. */
  summarise(out: Float64Array): void;
  /**
   * The coordinates iterates are averaged in: μ and, for mean-field, the variances; for full rank, L
   * with its diagonal on the natural scale. At a fixed step size the scales fluctuate: averaging log
   * sds gives exp(E log sd), below the sd the optimiser's stationary point satisfies (E sd² = sd*² for
   * a Gaussian target, whose gradient is linear in the variance); averaging a full-rank covariance
   * adds the variance of every fluctuating off-diagonal entry of L to the diagonal (8% too wide in 50
   * dimensions), while L's off-diagonal entries enter the gradient linearly. Same length as params.
   */
  toAveraged(out: Float64Array): void;
  /** Sets the parameters from averaged coordinates (false, unchanged, if a scale is not positive). */
  fromAveraged(avg: Float64Array): boolean;
  /** Marginal standard deviations. */
  marginalSd(): Float64Array;
  approximation(): Approximation;
}
