// Small dense linear algebra for the Gaussian posteriors: a precision matrix P (row-major, d×d) is
// factored once as P = L Lᵀ; the posterior mean, covariance and draws all come from L.
import { choleskyInto } from '../../math/cholesky';
import { solveLower, solveLowerTransposed } from '../../math/triangularSolve';

export interface Cholesky {
  d: number;
  // Lower triangle, row-major d×d.
  L: Float64Array;
}

// Returns null when P is not (numerically) positive definite.
export function denseCholesky(P: Float64Array, d: number): Cholesky | null {
  const L = new Float64Array(d * d);
  let maxDiag = 0;
  for (let i = 0; i < d; i++) maxDiag = Math.max(maxDiag, Math.abs(P[i * d + i]));
  const tol = 1e-12 * Math.max(maxDiag, 1e-300);
  if (!choleskyInto(L, P, d, 'rowMajor', tol)) return null;
  return { d, L };
}

// Solves L Lᵀ x = b.
export function choleskySolve(c: Cholesky, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(c.d);
  solveLower(x, c.L, b, c.d);
  solveLowerTransposed(x, c.L, x, c.d);
  return x;
}

// Solves Lᵀ x = z (so x ~ N(0, P⁻¹) when z is standard normal).
export function solveUpper(c: Cholesky, z: ArrayLike<number>): Float64Array {
  const x = new Float64Array(c.d);
  solveLowerTransposed(x, c.L, z, c.d);
  return x;
}

// The diagonal of P⁻¹ (marginal variances), via columns of L⁻¹: (P⁻¹)_ii = Σ_k (L⁻¹)_ki².
export function inverseDiagonal(c: Cholesky): Float64Array {
  const { d, L } = c;
  const out = new Float64Array(d);
  const col = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    // column j of L⁻¹ by forward substitution on e_j, from row j on (rows above are zero);
    // solveLower over all rows would only add zeros, at twice the work
    col.fill(0);
    for (let i = j; i < d; i++) {
      let s = i === j ? 1 : 0;
      for (let k = j; k < i; k++) s -= L[i * d + k] * col[k];
      col[i] = s / L[i * d + i];
    }
    // P⁻¹ = L⁻ᵀ L⁻¹, so (P⁻¹)_jj is the squared norm of column j of L⁻¹.
    for (let i = j; i < d; i++) out[j] += col[i] * col[i];
  }
  return out;
}
