/** A point in phase space: position q, momentum p, and the log density lp with its gradient g at q. */
export class PhasePoint {
  readonly q: Float64Array;
  readonly p: Float64Array;
  readonly g: Float64Array;
  lp = -Infinity;

  constructor(readonly dim: number) {
    this.q = new Float64Array(dim);
    this.p = new Float64Array(dim);
    this.g = new Float64Array(dim);
  }

  copyFrom(other: PhasePoint): void {
    // plain loops: faster than TypedArray.set for the short vectors of typical models
    const q = this.q, p = this.p, g = this.g, oq = other.q, op = other.p, og = other.g;
    for (let i = 0; i < q.length; i++) {
      q[i] = oq[i];
      p[i] = op[i];
      g[i] = og[i];
    }
    this.lp = other.lp;
  }
}
