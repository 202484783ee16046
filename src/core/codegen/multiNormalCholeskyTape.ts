// multi_normal_cholesky(y | mu, L) in gradient code as one tape node with its partials in closed form
// (as Stan Math's multi_normal_cholesky_lpdf), instead of a node per scalar operation: per vector,
// z = L⁻¹(y − mu) and w = L⁻ᵀz give ∂/∂y = −w, ∂/∂mu = w and ∂/∂L[i,j] = w_i z_j (i ≥ j), plus
// −1/L[i,i] on the diagonal from the log determinant. Arguments are tape nodes (data lifted to constants).
import { solveLower, solveLowerTransposed } from '../math/triangularSolve';
import { Mat } from './mat';
import { StanError } from './stanError';
import type { Tape } from './tape';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

let Lv = new Float64Array(0); // L's values, column-major
let dL = new Float64Array(0); // ∂lp/∂L, column-major (lower triangle)
let z = new Float64Array(0);
let w = new Float64Array(0);
let dMu = new Float64Array(0); // ∂lp/∂mu when one mu is shared by all vectors

function scratch(K: number): void {
  if (z.length >= K) return;
  Lv = new Float64Array(K * K);
  dL = new Float64Array(K * K);
  z = new Float64Array(K);
  w = new Float64Array(K);
  dMu = new Float64Array(K);
}

function keep(propto: boolean, mask: number, bits: number): boolean {
  return !propto || (mask & bits) !== 0;
}

export function multiNormalCholeskyTape(T: Tape, propto: boolean, mask: number, y: unknown, mu: unknown, L: Mat): number {
  const K = L.rows;
  const ys = (Array.isArray(y) ? y : [y]) as ArrayLike<number>[];
  const perVectorMu = Array.isArray(mu);
  const scalarMu = typeof mu === 'number';
  if (perVectorMu && (mu as unknown[]).length !== ys.length) {
    throw new StanError(`multi_normal_cholesky_lpdf: size mismatch (${ys.length} and ${(mu as unknown[]).length}).`);
  }
  scratch(K);
  const val = T.val, Ld = L.data;
  for (let k = 0; k < K * K; k++) {
    Lv[k] = val[Ld[k]];
    dL[k] = 0;
  }
  for (let i = 0; i < K; i++) dMu[i] = 0;
  const logDet = keep(propto, mask, 4), quad = keep(propto, mask, 7);
  let sumLogDiag = 0;
  for (let i = 0; i < K; i++) sumLogDiag += Math.log(Lv[i * K + i]);
  let lp = 0;
  const out = T.node(0);
  for (let n = 0; n < ys.length; n++) {
    const yn = ys[n];
    if (yn.length !== K) throw new StanError(`multi_normal_cholesky_lpdf: size mismatch (${yn.length} and ${K}).`);
    const mun = perVectorMu ? ((mu as unknown[])[n] as ArrayLike<number>) : (mu as ArrayLike<number>);
    if (!scalarMu && mun.length !== K) throw new StanError(`multi_normal_cholesky_lpdf: size mismatch (${K} and ${mun.length}).`);
    if (!propto) lp -= K * LOG_SQRT_2PI;
    if (logDet) lp -= sumLogDiag;
    if (!quad) continue;
    // z = L⁻¹ (y − mu), w = L⁻ᵀ z
    for (let i = 0; i < K; i++) z[i] = val[yn[i]] - val[scalarMu ? (mu as number) : mun[i]];
    solveLower(z, Lv, z, K, 'colMajor');
    let q = 0;
    for (let i = 0; i < K; i++) q += z[i] * z[i];
    lp -= 0.5 * q;
    solveLowerTransposed(w, Lv, z, K, 'colMajor');
    T.reserveEdges(2 * K);
    for (let i = 0; i < K; i++) {
      T.edge(out, yn[i], -w[i]);
      if (perVectorMu) T.edge(out, mun[i], w[i]);
      else dMu[i] += w[i];
      for (let j = 0; j <= i; j++) dL[j * K + i] += w[i] * z[j];
    }
  }
  if (quad && !perVectorMu) {
    if (scalarMu) {
      let s = 0;
      for (let i = 0; i < K; i++) s += dMu[i];
      T.edge(out, mu as number, s);
    } else {
      for (let i = 0; i < K; i++) T.edge(out, (mu as ArrayLike<number>)[i], dMu[i]);
    }
  }
  for (let j = 0; j < K; j++) {
    for (let i = j; i < K; i++) {
      const d = dL[j * K + i] - (logDet && i === j ? ys.length / Lv[i * K + i] : 0);
      if (d !== 0) T.edge(out, Ld[j * K + i], d);
    }
  }
  T.val[out] = lp;
  return out;
}
