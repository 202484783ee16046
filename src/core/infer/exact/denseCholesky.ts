// Small dense linear algebra for the Gaussian posteriors: a precision matrix P (row-major, d×d) is
// factored once as P = L Lᵀ; the posterior mean, covariance and draws all come from L.
import { choleskyInto } from '../../math/cholesky';

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
  const { d, L } = c;
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * d + k] * y[k];
    y[i] = s / L[i * d + i];
  }
  return solveUpper(c, y);
}

// Solves Lᵀ x = z (so x ~ N(0, P⁻¹) when z is standard normal).
export function solveUpper(c: Cholesky, z: ArrayLike<number>): Float64Array {
  const { d, L } = c;
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < d; k++) s -= L[k * d + i] * x[k];
    x[i] = s / L[i * d + i];
  }
  return x;
}

// The diagonal of P⁻¹ (marginal variances), via columns of L⁻¹: (P⁻¹)_ii = Σ_k (L⁻¹)_ki².
export function inverseDiagonal(c: Cholesky): Float64Array {
  const { d, L } = c;
  const out = new Float64Array(d);
  const col = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    // column j of L⁻¹ by forward substitution on e_j
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
