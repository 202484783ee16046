// The compiled-model interface: what inference, diagnostics and the CLI use. One object per (program,
// data). All points `theta` are on the unconstrained scale, ordered as Stan orders them: parameters in
// declaration order; within a variable, array elements row-major, each element in its own unconstrained
// layout (vectors in order, matrices column-major, simplex[K] -> K-1 coordinates stick-breaking as in
// Stan <= 2.35 / rstan 2.21, cholesky_factor_corr[K] -> K(K-1)/2 row by row, ...). So points exchange with
// rstan's log_prob / grad_log_prob.
//
// Errors in the model at run time (reject, an index out of range, invalid distribution arguments) make
// the point rejected: the log density is -Infinity and `lastError` says why. fatal_error() and bugs throw.
import type { Rng } from '../infer/rng';
import type { JsonValue } from './JsonValue';

export interface CompiledModel {
  // Number of unconstrained coordinates.
  readonly dim: number;
  // One name per unconstrained coordinate, e.g. ['mu', 'tau', 'theta_tilde[1]', ...].
  readonly unconstrainedNames: readonly string[];
  // Flattened output names as Stan writes them (`theta[3]`, `Sigma[2,1]`; first index fastest), for the
  // parameters, then transformed parameters, then generated quantities.
  readonly parameterNames: readonly string[];
  readonly transformedParameterNames: readonly string[];
  readonly generatedQuantityNames: readonly string[];

  // log p(theta) + log|J| (Stan's log_prob with jacobian = TRUE): `~` and _lupdf drop constant terms,
  // `target +=` keeps them. Value only, plain numbers, no tape. -Infinity when the point is rejected.
  logDensity(theta: ArrayLike<number>, options?: { jacobian?: boolean }): number;
  // The same value, with its gradient written into gradOut (length dim). On rejection returns -Infinity
  // and fills gradOut with NaN.
  logDensityGradient(theta: ArrayLike<number>, gradOut: Float64Array, options?: { jacobian?: boolean }): number;
  // Stan's log_prob with propto = false minus logDensity at theta: the constant terms `~` and _lupdf
  // drop (they read data only, so every theta where both are finite gives the same value; NaN where
  // not). Stan's ADVI reports its ELBO with them.
  droppedConstant(theta: ArrayLike<number>): number;
  // The message of the last rejection (empty if the last call succeeded).
  readonly lastError: string;

  // Constrained parameter values by Stan name (CmdStan JSON shapes: numbers, nested arrays, a matrix as
  // an array of rows).
  constrain(theta: ArrayLike<number>): Record<string, JsonValue>;
  // The inverse: named constrained values (every parameter present) -> theta.
  unconstrain(values: Record<string, JsonValue>): Float64Array;
  // Transformed parameters by name (throws StanError if the point is rejected).
  transformedParameters(theta: ArrayLike<number>): Record<string, JsonValue>;
  // Generated quantities by name, drawing `_rng` values from rng.
  generatedQuantities(theta: ArrayLike<number>, rng: Rng): Record<string, JsonValue>;
  // One flattened draw: parameters, transformed parameters, generated quantities (in the order of the
  // three name lists above). A rejected point gives NaN for everything after the parameters.
  writeArray(theta: ArrayLike<number>, rng: Rng | null): Float64Array;

  // The generated JavaScript (for `vigil check --print js`).
  readonly source: string;
}
