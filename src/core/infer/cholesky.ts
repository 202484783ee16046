import { choleskyInto } from '../math/cholesky';

/** Lower Cholesky factor of a k × k symmetric matrix (row-major; the mean of A and Aᵀ is used), or null when not positive definite. */
export function cholesky(A: Float64Array, k: number): Float64Array | null {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) L[i * k + j] = 0.5 * (A[i * k + j] + A[j * k + i]);
  return choleskyInto(L, L, k) ? L : null;
}
