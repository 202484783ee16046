// Accumulates Q(x) = Σ w (c + aᵀx)² over Gaussian terms whose residual is affine in the parameters x,
// then completes the square: Q(x) = (x − m)ᵀ P (x − m) + Qmin.
import { type Cholesky, choleskySolve, denseCholesky } from './denseCholesky';
import type { Sym } from './symValue';

export class QuadraticForm {
  readonly d: number;
  readonly P: Float64Array;
  readonly h: Float64Array; // Q = xᵀPx + 2hᵀx + rr
  rr = 0;
  readonly index = new Map<number, number>();

  constructor(readonly ids: readonly number[]) {
    this.d = ids.length;
    ids.forEach((id, j) => this.index.set(id, j));
    this.P = new Float64Array(this.d * this.d);
    this.h = new Float64Array(this.d);
  }

  // Adds w (residual)²; false if the residual is not affine in this form's parameters.
  add(residual: Sym, w: number): boolean {
    if (typeof residual === 'number') {
      this.rr += w * residual * residual;
      return true;
    }
    if (residual.k !== 'lin') return false;
    const terms: [number, number][] = [];
    for (const [id, a] of residual.t) {
      const j = this.index.get(id);
      if (j === undefined) return false;
      terms.push([j, a]);
    }
    const c = residual.c;
    const { P, h, d } = this;
    for (const [i, ai] of terms) {
      h[i] += w * c * ai;
      for (const [j, aj] of terms) P[i * d + j] += w * ai * aj;
    }
    this.rr += w * c * c;
    return true;
  }

  // Adds rᵀ W r for a vector of residuals r (W symmetric, row-major); false if a residual is not affine.
  addVector(residuals: readonly Sym[], W: Float64Array): boolean {
    const n = residuals.length;
    const lin: { c: number; terms: [number, number][] }[] = [];
    for (const r of residuals) {
      if (typeof r === 'number') {
        lin.push({ c: r, terms: [] });
        continue;
      }
      if (r.k !== 'lin') return false;
      const terms: [number, number][] = [];
      for (const [id, a] of r.t) {
        const j = this.index.get(id);
        if (j === undefined) return false;
        terms.push([j, a]);
      }
      lin.push({ c: r.c, terms });
    }
    const { P, h, d } = this;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const w = W[i * n + j];
        if (w === 0) continue;
        const ri = lin[i];
        const rj = lin[j];
        this.rr += w * ri.c * rj.c;
        for (const [a, ca] of ri.terms) {
          h[a] += w * ca * rj.c;
          for (const [b, cb] of rj.terms) P[a * d + b] += w * ca * cb;
        }
      }
    }
    return true;
  }

  // The minimiser m, min value and the Cholesky factor of P, or null when P is not positive definite.
  complete(): { m: Float64Array; qmin: number; chol: Cholesky } | null {
    if (this.d === 0) return { m: new Float64Array(0), qmin: this.rr, chol: { d: 0, L: new Float64Array(0) } };
    const chol = denseCholesky(this.P, this.d);
    if (!chol) return null;
    const m = choleskySolve(chol, this.h).map((x) => -x);
    let hm = 0;
    for (let i = 0; i < this.d; i++) hm += this.h[i] * m[i];
    return { m, qmin: this.rr + hm, chol };
  }
}
