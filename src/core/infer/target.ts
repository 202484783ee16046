// What an inference algorithm needs from a model: the log density on the unconstrained space
// (including the log-Jacobian of the constraining transforms) and its gradient. Compiled Stan models
// provide this; tests also use hand-written targets with known posteriors.
export interface LogDensityTarget {
  // Number of unconstrained coordinates.
  readonly dim: number;
  // Names of the unconstrained coordinates, in Stan's order (for messages: "non-finite at tau").
  readonly coordinateNames: readonly string[];
  // Log density at theta; -Infinity when the point is rejected. Must not throw for user errors.
  logDensity(theta: Float64Array): number;
  // Log density at theta, writing its gradient into gradOut (length dim); -Infinity when rejected.
  logDensityGradient(theta: Float64Array, gradOut: Float64Array): number;
  // Stan's log_prob with propto = false minus logDensity (the constants `~` drops; compiled models
  // only): Stan-compatible ADVI adds it to its ELBO, as Stan does, so its relative-change stopping rule
  // sees Stan's scale. NaN where it cannot be evaluated.
  droppedConstant?(theta: Float64Array): number;
  // Why the last evaluation was rejected, if it was (e.g. a `reject` message or a failed argument check).
  lastRejection?(): string | null;
}
