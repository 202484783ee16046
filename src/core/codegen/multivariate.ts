// Multivariate densities, written once over ScalarOps (numbers in value code, tape nodes in gradient
// code, where data arguments are lifted to constant nodes first). `propto` drops the terms that
// depend only on arguments whose bit in `mask` is clear (data), as Stan's `~` does.
import type { ScalarOps } from '../math/transforms/scalarOps';
import { lkjLogConstant, lkjLogConstantDeriv } from '../math/distributions/lkjConstant';
import { Mat } from './mat';
import { multiNormalCholeskyTape } from './multiNormalCholeskyTape';
import { StanError } from './stanError';
import { store } from './storage';
import { Tape } from './tape';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function keep(propto: boolean, mask: number, bits: number): boolean {
  return !propto || (mask & bits) !== 0;
}

// dirichlet(theta | alpha)
export function dirichlet(ops: ScalarOps, propto: boolean, mask: number, theta: ArrayLike<number>, alpha: ArrayLike<number>): number {
  if (theta.length !== alpha.length) throw new StanError(`dirichlet_lpdf: size mismatch (${theta.length} and ${alpha.length}).`);
  let lp = ops.c(0);
  if (keep(propto, mask, 2)) {
    let sa = ops.c(0);
    for (let i = 0; i < alpha.length; i++) {
      if (!(ops.val1(alpha[i]) > 0)) throw new StanError(`dirichlet_lpdf: prior sample sizes[${i + 1}] is ${ops.val1(alpha[i])}, but must be positive finite!`);
      sa = ops.add(sa, alpha[i]);
      lp = ops.sub(lp, ops.lgamma(alpha[i]));
    }
    lp = ops.add(lp, ops.lgamma(sa));
  }
  if (keep(propto, mask, 3)) {
    for (let i = 0; i < theta.length; i++) lp = ops.add(lp, ops.mul(ops.addc(alpha[i], -1), ops.log(theta[i])));
  }
  return lp;
}

// lkj_corr_cholesky(L | eta): sum_{k=2..K} (K - k + 2 eta - 2) log L[k,k] (+ the LKJ constant).
export function lkjCorrCholesky(ops: ScalarOps, propto: boolean, mask: number, L: Mat, eta: number): number {
  const K = L.rows;
  let lp = ops.c(0);
  if (keep(propto, mask, 2)) {
    // The normalising constant (as lkj_corr's): value c(eta), and for a parameter eta the node
    // eta * c'(eta) + (c - eta c'), whose value is c and whose derivative is c'.
    const e = ops.val1(eta);
    if (!(e > 0)) throw new StanError(`lkj_corr_cholesky_lpdf: Shape parameter is ${e}, but must be positive!`);
    const c = lkjLogConstant(e, K);
    if ((mask & 2) === 0) lp = ops.c(c);
    else {
      const dc = lkjLogConstantDeriv(e, K);
      lp = ops.addc(ops.mulc(eta, dc), c - e * dc);
    }
  }
  if (!keep(propto, mask, 3)) return lp;
  for (let k = 1; k < K; k++) {
    const coef = ops.addc(ops.mulc(eta, 2), K - (k + 1) - 2);
    lp = ops.add(lp, ops.mul(coef, ops.log(L.data[k * K + k])));
  }
  return lp;
}

// Forward substitution: solve L z = r for lower-triangular L (column-major).
function forwardSolve(ops: ScalarOps, L: Mat, r: number[]): number[] {
  const K = L.rows;
  const z: number[] = new Array(K);
  for (let i = 0; i < K; i++) {
    let s = r[i];
    for (let j = 0; j < i; j++) s = ops.sub(s, ops.mul(L.data[j * K + i], z[j]));
    z[i] = ops.div(s, L.data[i * K + i]);
  }
  return z;
}

function mvnCholOne(ops: ScalarOps, propto: boolean, mask: number, y: ArrayLike<number>, mu: ArrayLike<number> | number, L: Mat): number {
  const K = L.rows;
  if (y.length !== K) throw new StanError(`multi_normal_cholesky_lpdf: size mismatch (${y.length} and ${K}).`);
  let lp = ops.c(0);
  if (!propto) lp = ops.c(-K * LOG_SQRT_2PI);
  if (keep(propto, mask, 4)) for (let i = 0; i < K; i++) lp = ops.sub(lp, ops.log(L.data[i * K + i]));
  if (keep(propto, mask, 7)) {
    const r: number[] = new Array(K);
    for (let i = 0; i < K; i++) r[i] = ops.sub(y[i], typeof mu === 'number' ? mu : mu[i]);
    const z = forwardSolve(ops, L, r);
    let q = ops.c(0);
    for (let i = 0; i < K; i++) q = ops.add(q, ops.square(z[i]));
    lp = ops.sub(lp, ops.mulc(q, 0.5));
  }
  return lp;
}

// multi_normal_cholesky(y | mu, L), y a vector or an array of vectors (mu likewise, or shared).
export function multiNormalCholesky(ops: ScalarOps, propto: boolean, mask: number, y: unknown, mu: unknown, L: Mat): number {
  if (ops instanceof Tape && (Array.isArray(y) || !Array.isArray(mu))) return multiNormalCholeskyTape(ops, propto, mask, y, mu, L);
  if (Array.isArray(y)) {
    let lp = ops.c(0);
    for (let n = 0; n < y.length; n++) {
      const m = Array.isArray(mu) ? (mu[n] as ArrayLike<number>) : (mu as ArrayLike<number>);
      lp = ops.add(lp, mvnCholOne(ops, propto, mask, y[n] as ArrayLike<number>, m, L));
    }
    return lp;
  }
  return mvnCholOne(ops, propto, mask, y as ArrayLike<number>, mu as ArrayLike<number>, L);
}

// Cholesky factor over ScalarOps (for multi_normal with a covariance matrix).
export function choleskyOps(ops: ScalarOps, S: Mat): Mat {
  const K = S.rows;
  const zero = ops.c(0);
  const L: number[] = new Array(K * K).fill(zero);
  for (let j = 0; j < K; j++) {
    let d = S.data[j * K + j];
    for (let k = 0; k < j; k++) d = ops.sub(d, ops.square(L[k * K + j]));
    if (!(ops.val1(d) > 0)) throw new StanError('cholesky_decompose: Matrix is not positive definite.');
    const ljj = ops.sqrt(d);
    L[j * K + j] = ljj;
    for (let i = j + 1; i < K; i++) {
      let s = S.data[j * K + i];
      for (let k = 0; k < j; k++) s = ops.sub(s, ops.mul(L[k * K + i], L[k * K + j]));
      L[j * K + i] = ops.div(s, ljj);
    }
  }
  return new Mat(K, K, store(ops, L));
}

export function multiNormal(ops: ScalarOps, propto: boolean, mask: number, y: unknown, mu: unknown, S: Mat): number {
  return multiNormalCholesky(ops, propto, mask, y, mu, choleskyOps(ops, S));
}
