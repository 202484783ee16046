/**
 * log_mix(theta, lambda) for a simplex theta and log densities lambda of the same length:
 * log sum_k theta_k exp(lambda_k). Partials ADDED into gTheta (exp(lambda_k - v)) and gLambda
 * (theta_k exp(lambda_k - v)) when given. Empty input gives -Infinity.
 */
export function logMixArray(gTheta: Float64Array | null, gLambda: Float64Array | null, theta: ArrayLike<number>, lambda: ArrayLike<number>): number {
  const K = theta.length;
  if (lambda.length !== K) return NaN;
  let m = -Infinity;
  for (let k = 0; k < K; k++) {
    const t = Math.log(theta[k]) + lambda[k];
    if (t > m) m = t;
  }
  if (m === -Infinity || m === Infinity) return m;
  // relative to the largest weighted term, so nothing overflows
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(Math.log(theta[k]) + lambda[k] - m);
  const v = m + Math.log(s);
  if (gTheta !== null) for (let k = 0; k < K; k++) gTheta[k] += Math.exp(lambda[k] - v);
  if (gLambda !== null) for (let k = 0; k < K; k++) gLambda[k] += theta[k] * Math.exp(lambda[k] - v);
  return v;
}
