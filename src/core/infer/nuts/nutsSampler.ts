import { Rng } from '../rng';
import { DiagMetric } from './diagMetric';
import { Hamiltonian } from './hamiltonian';
import { PhasePoint } from './phasePoint';

/**
 * A point of the trajectory: its phase-space state plus the sharp momentum v = M⁻¹p. The tree refers
 * to points instead of copying them (the proposal of a subtree, the boundaries whose momenta the
 * U-turn checks read, the two ends the trajectory grows from); `refs` counts those references and a
 * point goes back to the pool when none is left.
 */
class TreePoint extends PhasePoint {
  readonly v: Float64Array;
  refs = 0;

  constructor(dim: number) {
    super(dim);
    this.v = new Float64Array(dim);
  }
}

const BCK = 0, FWD = 1;

/** Per-depth scratch of the recursive tree builder: where its two halves put their summed momenta. */
interface Level {
  rhoInit: Float64Array;
  rhoFinal: Float64Array;
}

/**
 * The three generalized no-U-turn checks of merging subtree A (earlier in time) with B, in one
 * pass: over the merged tree with rho = rhoA + rhoB (written to rhoOut), then across the boundary
 * with rhoA + pBBeg and rhoB + pAEnd. True when the trajectory may go on.
 */
function mergeCriteria(
  pSharpABeg: Float64Array, pSharpAEnd: Float64Array, pAEnd: Float64Array, rhoA: Float64Array,
  pSharpBBeg: Float64Array, pSharpBEnd: Float64Array, pBBeg: Float64Array, rhoB: Float64Array,
  rhoOut: Float64Array,
): boolean {
  let whole1 = 0, whole2 = 0, left1 = 0, left2 = 0, right1 = 0, right2 = 0;
  for (let i = 0; i < rhoA.length; i++) {
    const ra = rhoA[i], rb = rhoB[i];
    const r = ra + rb;
    rhoOut[i] = r;
    whole1 += pSharpBEnd[i] * r;
    whole2 += pSharpABeg[i] * r;
    const rl = ra + pBBeg[i];
    left1 += pSharpBBeg[i] * rl;
    left2 += pSharpABeg[i] * rl;
    const rr = rb + pAEnd[i];
    right1 += pSharpBEnd[i] * rr;
    right2 += pSharpAEnd[i] * rr;
  }
  return whole1 > 0 && whole2 > 0 && left1 > 0 && left2 > 0 && right1 > 0 && right2 > 0;
}

/**
 * One NUTS transition as Stan's base_nuts: a trajectory doubled in random directions, states
 * drawn multinomially within subtrees and by biased progressive sampling between them, stopped by
 * the generalized no-U-turn criterion checked over each merged tree and across the boundaries of
 * its two halves, or by a divergence (energy error above maxDeltaH), or at maxDepth.
 * Each leapfrog step writes a fresh point from the pool, so a state is never copied inside the tree.
 */
export class NutsSampler {
  /** The current state (position, log density and gradient of the last draw). */
  readonly z: PhasePoint;
  stepsize = 1;
  maxDepth = 10;
  maxDeltaH = 1000;

  // Sampler diagnostics of the last transition.
  treedepth = 0;
  nLeapfrog = 0;
  divergent = false;
  energy = 0;
  acceptStat = 0;
  /** Set when the cancel flag stopped the last transition (its draw must be discarded). */
  cancelled = false;

  private readonly free: TreePoint[] = [];
  private readonly all: TreePoint[] = [];
  private rho: Float64Array; // the whole trajectory's summed momenta
  private readonly rhoSpare: Float64Array[]; // per side: where a new subtree's summed momenta go
  private readonly rhoSide: Float64Array[] = [];
  private readonly outer: TreePoint[] = [];
  private readonly inner: TreePoint[] = [];
  private readonly vHalf: Float64Array; // the mid-step velocity (dense metric)
  private invDiag: Float64Array | null = null; // the diagonal metric's M⁻¹, read at each transition
  private levels: Level[] = [];
  private H0 = 0; // the energy of the starting point (kept here: doubles passed as arguments are boxed)
  private sumMetroProb = 0;

  // The integrator's current point, and what the last buildTree call left (its first and last
  // points, its proposal, its summed momenta and its log sum of weights).
  private cur!: TreePoint;
  private outBeg!: TreePoint;
  private outEnd!: TreePoint;
  private outPropose!: TreePoint;
  private outRho!: Float64Array;
  private subtreeLsw = -Infinity;

  constructor(
    readonly ham: Hamiltonian,
    readonly rng: Rng,
    /** Cancellation flag shared with the controller: non-zero stops the trajectory at the next leapfrog. */
    readonly cancelFlag: Int32Array | null = null,
  ) {
    const n = ham.target.dim;
    this.z = new PhasePoint(n);
    this.rho = new Float64Array(n);
    this.rhoSpare = [new Float64Array(n), new Float64Array(n)];
    this.vHalf = new Float64Array(n);
  }

  private level(depth: number): Level {
    while (this.levels.length <= depth) {
      const n = this.z.dim;
      this.levels.push({ rhoInit: new Float64Array(n), rhoFinal: new Float64Array(n) });
    }
    return this.levels[depth];
  }

  private take(): TreePoint {
    let t = this.free.pop();
    if (t === undefined) {
      t = new TreePoint(this.z.dim);
      this.all.push(t);
    }
    t.refs = 1;
    return t;
  }

  private hold(t: TreePoint): TreePoint {
    t.refs++;
    return t;
  }

  private drop(t: TreePoint): void {
    if (--t.refs === 0) this.free.push(t);
  }

  /** Moves z to the next draw. z.q/lp/g must hold the current state. */
  transition(): void {
    const { ham, rng, z } = this;
    const metric = ham.metric;
    this.invDiag = metric instanceof DiagMetric ? metric.invDiag : null;
    metric.sampleMomentum(rng, z.p);
    const start = this.take();
    start.copyFrom(z);
    metric.velocity(start.p, start.v);
    this.rho.set(start.p);
    // Per side of the last merge (BCK: the backward subtree, FWD: the forward one): its outer end
    // (an end of the trajectory, where it grows from), its inner end, and its summed momenta. All are
    // the starting point for now.
    const outer = this.outer, inner = this.inner, rhoSide = this.rhoSide;
    outer[BCK] = start;
    outer[FWD] = this.hold(start);
    inner[BCK] = this.hold(start);
    inner[FWD] = this.hold(start);
    let sample = this.hold(start);

    let logSumWeight = 0; // log(exp(H0 − H0))
    this.H0 = ham.energy(z);
    this.nLeapfrog = 0;
    this.sumMetroProb = 0;
    this.treedepth = 0;
    this.divergent = false;
    this.cancelled = false;

    while (this.treedepth < this.maxDepth) {
      // extend forward or backward: the old trajectory becomes the other side's subtree
      const side = rng.uniform() > 0.5 ? FWD : BCK, other = 1 - side;
      const rhoOld = this.rho;
      this.rho = this.rhoSpare[other];
      this.rhoSpare[other] = rhoOld;
      rhoSide[other] = rhoOld;
      this.drop(inner[other]);
      inner[other] = this.hold(outer[side]);
      this.cur = this.hold(outer[side]);
      const valid = this.buildTree(this.treedepth, side === FWD ? 1 : -1, this.rhoSpare[side]);
      this.drop(this.cur);
      if (!valid) break;
      this.drop(inner[side]);
      inner[side] = this.outBeg;
      this.drop(outer[side]);
      outer[side] = this.outEnd;
      rhoSide[side] = this.outRho;
      this.treedepth++;

      // biased progressive sampling: prefer the new subtree. Its acceptance probability
      // exp(lswSub − logSumWeight) is also the term of the log-sum-exp below: one exp serves both.
      const lswSub = this.subtreeLsw;
      const propose = this.outPropose;
      const better = lswSub > logSumWeight;
      const ratio = better ? 1 : Math.exp(lswSub - logSumWeight);
      if (better || rng.uniform() < ratio) {
        this.drop(sample);
        sample = propose;
      } else {
        this.drop(propose);
      }
      // logSumWeight = log(exp(logSumWeight) + exp(lswSub)), written out: a call would box the double
      if (lswSub !== -Infinity) {
        logSumWeight = logSumWeight > lswSub
          ? logSumWeight + Math.log1p(ratio)
          : lswSub + Math.log1p(Math.exp(logSumWeight - lswSub));
      }

      const persist = mergeCriteria(outer[BCK].v, inner[BCK].v, inner[BCK].p, rhoSide[BCK], inner[FWD].v, outer[FWD].v, inner[FWD].p, rhoSide[FWD], this.rho);
      if (!persist) break;
    }

    // average acceptance over the whole trajectory, rejected subtrees included
    this.acceptStat = this.nLeapfrog > 0 ? this.sumMetroProb / this.nLeapfrog : 0;
    z.copyFrom(sample);
    this.energy = ham.energy(z);
    // every point goes back to the pool (an abandoned subtree leaves references behind)
    this.free.length = 0;
    for (const t of this.all) {
      t.refs = 0;
      this.free.push(t);
    }
  }

  /**
   * Builds a subtree of 2^depth leapfrog steps from this.cur in direction sign; returns whether it
   * is valid (no divergence, no U-turn inside). On success it leaves its first and last points, its
   * proposal (each holding a reference for the caller), its summed momenta (in rhoOut, or a leaf's own
   * momentum) and its log sum of weights in the out* fields; this.cur is its last point.
   */
  private buildTree(depth: number, sign: number, rhoOut: Float64Array): boolean {
    if (depth === 0) return this.leaf(sign);
    const L = this.level(depth);
    if (!this.buildTree(depth - 1, sign, L.rhoInit)) return false;
    const beg = this.outBeg, initEnd = this.outEnd, proposeInit = this.outPropose, rhoInit = this.outRho;
    const lswInit = this.subtreeLsw;
    if (!this.buildTree(depth - 1, sign, L.rhoFinal)) return false;
    const finalBeg = this.outBeg, end = this.outEnd, proposeFinal = this.outPropose, rhoFinal = this.outRho;
    const lswFinal = this.subtreeLsw;
    // log(exp(lswInit) + exp(lswFinal)) and the final half's share exp(lswFinal − that), from one exp:
    // with t = exp(−|lswInit − lswFinal|) the share is 1/(1 + t) or t/(1 + t)
    let lswSubtree: number, share: number;
    if (lswInit === -Infinity || lswFinal === -Infinity) {
      lswSubtree = lswInit === -Infinity ? lswFinal : lswInit;
      share = Math.exp(lswFinal - lswSubtree); // 1, 0, or NaN (both −∞: keep the initial half, as Stan)
    } else if (lswInit > lswFinal) {
      const t = Math.exp(lswFinal - lswInit);
      lswSubtree = lswInit + Math.log1p(t);
      share = t / (1 + t);
    } else {
      const t = Math.exp(lswInit - lswFinal);
      lswSubtree = lswFinal + Math.log1p(t);
      share = 1 / (1 + t);
    }
    this.subtreeLsw = lswSubtree;
    // multinomial sample between the two halves
    if (lswFinal > lswSubtree || this.rng.uniform() < share) {
      this.drop(proposeInit);
      this.outPropose = proposeFinal;
    } else {
      this.drop(proposeFinal);
      this.outPropose = proposeInit;
    }
    const persist = mergeCriteria(beg.v, initEnd.v, initEnd.p, rhoInit, finalBeg.v, end.v, finalBeg.p, rhoFinal, rhoOut);
    this.drop(initEnd);
    this.drop(finalBeg);
    this.outBeg = beg;
    this.outEnd = end;
    this.outRho = rhoOut;
    return persist;
  }

  /**
   * One leapfrog step from this.cur into a fresh point (Hamiltonian.leapfrog written out so nothing
   * is boxed or allocated), then the leaf's weight and acceptance. The kinetic energy is summed in
   * the metric's own order of operations, so the draws are those of Hamiltonian.leapfrog/energy.
   */
  private leaf(sign: number): boolean {
    const flag = this.cancelFlag;
    if (flag !== null && flag[0] !== 0) {
      this.cancelled = true;
      return false;
    }
    const from = this.cur, to = this.take();
    const q0 = from.q, p0 = from.p, g0 = from.g;
    const q = to.q, p = to.p, g = to.g, v = to.v, n = q.length;
    const eps = sign * this.stepsize;
    const half = 0.5 * eps;
    const d = this.invDiag;
    let twiceKinetic = 0;
    if (d !== null) {
      for (let i = 0; i < n; i++) {
        const pi = p0[i] + half * g0[i];
        p[i] = pi;
        q[i] = q0[i] + eps * (d[i] * pi);
      }
      this.ham.updatePotential(to);
      for (let i = 0; i < n; i++) {
        const pi = p[i] + half * g[i];
        p[i] = pi;
        v[i] = d[i] * pi;
        twiceKinetic += pi * pi * d[i]; // DiagMetric.kinetic's order of operations
      }
    } else {
      const vh = this.vHalf;
      for (let i = 0; i < n; i++) p[i] = p0[i] + half * g0[i];
      this.ham.metric.velocity(p, vh);
      for (let i = 0; i < n; i++) q[i] = q0[i] + eps * vh[i];
      this.ham.updatePotential(to);
      for (let i = 0; i < n; i++) p[i] += half * g[i];
      this.ham.metric.velocity(p, v);
      for (let i = 0; i < n; i++) twiceKinetic += p[i] * v[i]; // DenseMetric.kinetic's
    }
    this.drop(from);
    this.cur = to;
    // the point is the subtree's first and last point and its proposal
    this.outBeg = this.hold(to);
    this.outEnd = this.hold(to);
    this.outPropose = this.hold(to);
    this.outRho = p;
    this.nLeapfrog++;
    let h = 0.5 * twiceKinetic - to.lp;
    if (Number.isNaN(h)) h = Infinity;
    const w = this.H0 - h;
    if (-w > this.maxDeltaH) this.divergent = true;
    this.subtreeLsw = w;
    this.sumMetroProb += w > 0 ? 1 : Math.exp(w);
    return !this.divergent;
  }
}
