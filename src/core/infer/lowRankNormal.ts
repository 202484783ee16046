import { LOG_2PI } from './family';
import type { Rng } from './rng';
import type { Approximation } from './viResult';
import { cholesky } from './cholesky';

/** One curvature pair of f = −log p: s = Δx, y = Δ∇f. */
export interface CurvaturePair {
  s: Float64Array;
  y: Float64Array;
}

/**
 * Diagonal inverse-Hessian estimate updated with one pair: the diagonal of the BFGS update of
 * the Hessian diag(1/alpha) (positive whenever sᵀy > 0), inverted.
 */
export function updateDiagonal(alpha: Float64Array, p: CurvaturePair): void {
  const n = alpha.length;
  let sy = 0;
  let sBs = 0;
  for (let i = 0; i < n; i++) {
    sy += p.s[i] * p.y[i];
    sBs += (p.s[i] * p.s[i]) / alpha[i];
  }
  for (let i = 0; i < n; i++) {
    const b = 1 / alpha[i];
    const bNew = b + (p.y[i] * p.y[i]) / sy - (b * b * p.s[i] * p.s[i]) / sBs;
    if (bNew > 0 && Number.isFinite(bNew)) alpha[i] = 1 / bNew;
  }
}

/**
 * Pathfinder's normal approximation N(mu, Sigma) with Sigma = diag(alpha) + beta gamma betaᵀ, the
 * compact (Byrd–Nocedal–Schnabel) form of the L-BFGS inverse Hessian, and mu the Newton step from
 * the path point. Sampled through a thin QR of alpha^(−1/2) beta, O(n m²) per approximation.
 */
export class LowRankNormal {
  private constructor(
    readonly mu: Float64Array,
    readonly alpha: Float64Array,
    readonly beta: Float64Array, // n × w row-major, w = 2m
    readonly gamma: Float64Array, // w × w
    readonly width: number,
    private readonly Q: Float64Array, // n × k row-major, orthonormal columns
    private readonly Lk: Float64Array, // k × k lower Cholesky factor of I + Rq gamma Rqᵀ
    private readonly k: number,
    readonly logDetSigma: number,
  ) {}

  get dim(): number {
    return this.mu.length;
  }

  /** Null when the pairs do not give a positive-definite covariance. */
  static build(x: Float64Array, gradLogP: Float64Array, pairs: CurvaturePair[], alpha: Float64Array): LowRankNormal | null {
    const n = x.length;
    const m = pairs.length;
    const w = 2 * m;
    // R = upper triangle of SᵀY, D its diagonal; Rinv by back substitution
    const R = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) R[i * m + j] = dotv(pairs[i].s, pairs[j].y);
    const Rinv = new Float64Array(m * m);
    for (let c = 0; c < m; c++) {
      for (let i = c; i >= 0; i--) {
        let v = i === c ? 1 : 0;
        for (let j = i + 1; j <= c; j++) v -= R[i * m + j] * Rinv[j * m + c];
        Rinv[i * m + c] = v / R[i * m + i];
      }
    }
    // inner = D + Yᵀ diag(alpha) Y
    const inner = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        let v = 0;
        for (let t = 0; t < n; t++) v += pairs[i].y[t] * alpha[t] * pairs[j].y[t];
        inner[i * m + j] = v + (i === j ? R[i * m + i] : 0);
      }
    }
    // gamma = [[Rinvᵀ inner Rinv, −Rinvᵀ], [−Rinv, 0]] for beta = [S, alpha∘Y]
    const gamma = new Float64Array(w * w);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        let v = 0;
        for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) v += Rinv[a * m + i] * inner[a * m + b] * Rinv[b * m + j];
        gamma[i * w + j] = v;
        gamma[i * w + m + j] = -Rinv[j * m + i];
        gamma[(m + i) * w + j] = -Rinv[i * m + j];
      }
    }
    const beta = new Float64Array(n * w);
    for (let t = 0; t < n; t++) {
      for (let j = 0; j < m; j++) {
        beta[t * w + j] = pairs[j].s[t];
        beta[t * w + m + j] = alpha[t] * pairs[j].y[t];
      }
    }
    // mu = x + Sigma ∇log p
    const mu = new Float64Array(n);
    const bg = new Float64Array(w);
    for (let j = 0; j < w; j++) for (let t = 0; t < n; t++) bg[j] += beta[t * w + j] * gradLogP[t];
    const gbg = new Float64Array(w);
    for (let i = 0; i < w; i++) for (let j = 0; j < w; j++) gbg[i] += gamma[i * w + j] * bg[j];
    for (let t = 0; t < n; t++) {
      let v = alpha[t] * gradLogP[t];
      for (let j = 0; j < w; j++) v += beta[t * w + j] * gbg[j];
      mu[t] = x[t] + v;
    }
    // thin QR (modified Gram–Schmidt) of alpha^(−1/2) beta, dropping dependent columns
    const cols: Float64Array[] = [];
    const Rq: number[][] = []; // Rq[c] = coefficients of column c on the kept q's
    for (let j = 0; j < w; j++) {
      const v = new Float64Array(n);
      for (let t = 0; t < n; t++) v[t] = beta[t * w + j] / Math.sqrt(alpha[t]);
      const norm0 = Math.sqrt(dotv(v, v));
      const coef: number[] = [];
      for (const q of cols) {
        const r = dotv(q, v);
        coef.push(r);
        for (let t = 0; t < n; t++) v[t] -= r * q[t];
      }
      const norm = Math.sqrt(dotv(v, v));
      if (norm > 1e-10 * Math.max(norm0, 1e-300)) {
        for (let t = 0; t < n; t++) v[t] /= norm;
        cols.push(v);
        coef.push(norm);
        for (const prev of Rq) prev.push(0);
      }
      Rq.push(coef);
    }
    const k = cols.length;
    // M = I + Rq gamma Rqᵀ with Rq as k × w (column j of Rq is Rq[j], padded)
    const RqM = new Float64Array(k * w);
    for (let j = 0; j < w; j++) for (let i = 0; i < Rq[j].length && i < k; i++) RqM[i * w + j] = Rq[j][i];
    const Mk = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let v = a === b ? 1 : 0;
        for (let i = 0; i < w; i++) {
          if (RqM[a * w + i] === 0) continue;
          for (let j = 0; j < w; j++) v += RqM[a * w + i] * gamma[i * w + j] * RqM[b * w + j];
        }
        Mk[a * k + b] = v;
      }
    }
    const Lk = cholesky(Mk, k);
    if (!Lk) return null;
    const Q = new Float64Array(n * k);
    for (let c = 0; c < k; c++) for (let t = 0; t < n; t++) Q[t * k + c] = cols[c][t];
    let logDet = 0;
    for (let t = 0; t < n; t++) logDet += Math.log(alpha[t]);
    for (let c = 0; c < k; c++) logDet += 2 * Math.log(Lk[c * k + c]);
    if (!Number.isFinite(logDet) || !mu.every(Number.isFinite)) return null;
    return new LowRankNormal(mu, alpha.slice(), beta, gamma, w, Q, Lk, k, logDet);
  }

  /** Draws θ into thetaOut (u: scratch of length dim); returns log q(θ). */
  sample(rng: Rng, thetaOut: Float64Array, u: Float64Array): number {
    const n = this.dim;
    const k = this.k;
    let uu = 0;
    for (let t = 0; t < n; t++) {
      u[t] = rng.normal();
      uu += u[t] * u[t];
    }
    // v = u + Q (Lk − I) Qᵀ u
    const qu = new Float64Array(k);
    for (let c = 0; c < k; c++) for (let t = 0; t < n; t++) qu[c] += this.Q[t * k + c] * u[t];
    const lq = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let v = -qu[a];
      for (let b = 0; b <= a; b++) v += this.Lk[a * k + b] * qu[b];
      lq[a] = v;
    }
    for (let t = 0; t < n; t++) {
      let v = u[t];
      for (let c = 0; c < k; c++) v += this.Q[t * k + c] * lq[c];
      thetaOut[t] = this.mu[t] + Math.sqrt(this.alpha[t]) * v;
    }
    return -0.5 * uu - 0.5 * this.logDetSigma - 0.5 * n * LOG_2PI;
  }

  marginalSd(): Float64Array {
    const n = this.dim;
    const w = this.width;
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      let v = this.alpha[t];
      for (let i = 0; i < w; i++) for (let j = 0; j < w; j++) v += this.beta[t * w + i] * this.gamma[i * w + j] * this.beta[t * w + j];
      out[t] = Math.sqrt(Math.max(v, 0));
    }
    return out;
  }

  approximation(): Approximation {
    return { kind: 'lowrank', mean: this.mu.slice(), sd: this.marginalSd(), alpha: this.alpha.slice(), beta: this.beta.slice(), gamma: this.gamma.slice(), rank: this.width };
  }
}

function dotv(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
