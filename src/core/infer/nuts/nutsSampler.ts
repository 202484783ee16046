import { Rng } from '../rng';
import { DiagMetric } from './diagMetric';
import { Hamiltonian } from './hamiltonian';
import { PhasePoint } from './phasePoint';

/** Per-depth scratch vectors of the recursive tree builder (no allocation per transition). */
interface Level {
  pInitEnd: Float64Array;
  pSharpInitEnd: Float64Array;
  rhoInit: Float64Array;
  pFinalBeg: Float64Array;
  pSharpFinalBeg: Float64Array;
  rhoFinal: Float64Array;
  zProposeFinal: PhasePoint;
}

/**
 * The three generalized no-U-turn checks of merging subtree A (earlier in time) with B, in one
 * pass: over the merged tree with rho = rhoA + rhoB, then across the boundary with rhoA + pBBeg
 * and rhoB + pAEnd. True when the trajectory may go on.
 */
function mergeCriteria(
  pSharpABeg: Float64Array, pSharpAEnd: Float64Array, pAEnd: Float64Array, rhoA: Float64Array,
  pSharpBBeg: Float64Array, pSharpBEnd: Float64Array, pBBeg: Float64Array, rhoB: Float64Array,
): boolean {
  let whole1 = 0, whole2 = 0, left1 = 0, left2 = 0, right1 = 0, right2 = 0;
  for (let i = 0; i < rhoA.length; i++) {
    const r = rhoA[i] + rhoB[i];
    whole1 += pSharpBEnd[i] * r;
    whole2 += pSharpABeg[i] * r;
    const rl = rhoA[i] + pBBeg[i];
    left1 += pSharpBBeg[i] * rl;
    left2 += pSharpABeg[i] * rl;
    const rr = rhoB[i] + pAEnd[i];
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

  private readonly zFwd: PhasePoint;
  private readonly zBck: PhasePoint;
  private readonly zSample: PhasePoint;
  private readonly zPropose: PhasePoint;
  private readonly pFwdFwd: Float64Array;
  private readonly pSharpFwdFwd: Float64Array;
  private readonly pFwdBck: Float64Array;
  private readonly pSharpFwdBck: Float64Array;
  private readonly pBckFwd: Float64Array;
  private readonly pSharpBckFwd: Float64Array;
  private readonly pBckBck: Float64Array;
  private readonly pSharpBckBck: Float64Array;
  private readonly rho: Float64Array;
  private readonly rhoFwd: Float64Array;
  private readonly rhoBck: Float64Array;
  private readonly v: Float64Array; // the mid-step velocity
  private invDiag: Float64Array | null = null; // the diagonal metric's M⁻¹, read at each transition
  private levels: Level[] = [];
  private subtreeLsw = -Infinity;
  private H0 = 0; // the energy of the starting point (kept here: doubles passed as arguments are boxed)
  private sumMetroProb = 0;

  constructor(
    readonly ham: Hamiltonian,
    readonly rng: Rng,
    /** Cancellation flag shared with the controller: non-zero stops the trajectory at the next leapfrog. */
    readonly cancelFlag: Int32Array | null = null,
  ) {
    const n = ham.target.dim;
    const vec = () => new Float64Array(n);
    this.z = new PhasePoint(n);
    this.zFwd = new PhasePoint(n);
    this.zBck = new PhasePoint(n);
    this.zSample = new PhasePoint(n);
    this.zPropose = new PhasePoint(n);
    this.pFwdFwd = vec(); this.pSharpFwdFwd = vec();
    this.pFwdBck = vec(); this.pSharpFwdBck = vec();
    this.pBckFwd = vec(); this.pSharpBckFwd = vec();
    this.pBckBck = vec(); this.pSharpBckBck = vec();
    this.rho = vec(); this.rhoFwd = vec(); this.rhoBck = vec();
    this.v = vec();
  }

  private level(depth: number): Level {
    while (this.levels.length <= depth) {
      const n = this.z.dim;
      this.levels.push({
        pInitEnd: new Float64Array(n), pSharpInitEnd: new Float64Array(n), rhoInit: new Float64Array(n),
        pFinalBeg: new Float64Array(n), pSharpFinalBeg: new Float64Array(n), rhoFinal: new Float64Array(n),
        zProposeFinal: new PhasePoint(n),
      });
    }
    return this.levels[depth];
  }

  /** Moves z to the next draw. z.q/lp/g must hold the current state. */
  transition(): void {
    const { ham, rng, z } = this;
    const metric = ham.metric;
    this.invDiag = metric instanceof DiagMetric ? metric.invDiag : null;
    metric.sampleMomentum(rng, z.p);
    this.zFwd.copyFrom(z);
    this.zBck.copyFrom(z);
    this.zSample.copyFrom(z);
    this.zPropose.copyFrom(z);
    const pSharp = this.pSharpFwdFwd;
    metric.velocity(z.p, pSharp);
    // every boundary of the one-point trajectory is the starting momentum
    for (let i = 0; i < pSharp.length; i++) {
      const pi = z.p[i], ps = pSharp[i];
      this.pFwdFwd[i] = pi; this.pFwdBck[i] = pi; this.pBckFwd[i] = pi; this.pBckBck[i] = pi; this.rho[i] = pi;
      this.pSharpFwdBck[i] = ps; this.pSharpBckFwd[i] = ps; this.pSharpBckBck[i] = ps;
    }

    let logSumWeight = 0; // log(exp(H0 − H0))
    this.H0 = ham.energy(z);
    this.nLeapfrog = 0;
    this.sumMetroProb = 0;
    this.treedepth = 0;
    this.divergent = false;
    this.cancelled = false;

    while (this.treedepth < this.maxDepth) {
      let valid: boolean;
      if (rng.uniform() > 0.5) {
        // extend forward: the old trajectory becomes the backward subtree
        z.copyFrom(this.zFwd);
        this.rhoBck.set(this.rho);
        this.pBckFwd.set(this.pFwdFwd);
        this.pSharpBckFwd.set(this.pSharpFwdFwd);
        valid = this.buildTree(this.treedepth, this.zPropose, this.pSharpFwdBck, this.pSharpFwdFwd, this.rhoFwd,
          this.pFwdBck, this.pFwdFwd, 1);
        this.zFwd.copyFrom(z);
      } else {
        z.copyFrom(this.zBck);
        this.rhoFwd.set(this.rho);
        this.pFwdBck.set(this.pBckBck);
        this.pSharpFwdBck.set(this.pSharpBckBck);
        valid = this.buildTree(this.treedepth, this.zPropose, this.pSharpBckFwd, this.pSharpBckBck, this.rhoBck,
          this.pBckFwd, this.pBckBck, -1);
        this.zBck.copyFrom(z);
      }
      if (!valid) break;
      this.treedepth++;

      // biased progressive sampling: prefer the new subtree
      const lswSub = this.subtreeLsw;
      if (lswSub > logSumWeight) this.zSample.copyFrom(this.zPropose);
      else if (rng.uniform() < Math.exp(lswSub - logSumWeight)) this.zSample.copyFrom(this.zPropose);
      // logSumWeight = log(exp(logSumWeight) + exp(lswSub)), written out: a call would box the double
      if (lswSub !== -Infinity) {
        logSumWeight = logSumWeight > lswSub
          ? logSumWeight + Math.log1p(Math.exp(lswSub - logSumWeight))
          : lswSub + Math.log1p(Math.exp(logSumWeight - lswSub));
      }

      const rho = this.rho, rhoBck = this.rhoBck, rhoFwd = this.rhoFwd;
      for (let i = 0; i < rho.length; i++) rho[i] = rhoBck[i] + rhoFwd[i];
      const persist = mergeCriteria(this.pSharpBckBck, this.pSharpBckFwd, this.pBckFwd, rhoBck,
        this.pSharpFwdBck, this.pSharpFwdFwd, this.pFwdBck, rhoFwd);
      if (!persist) break;
    }

    // average acceptance over the whole trajectory, rejected subtrees included
    this.acceptStat = this.nLeapfrog > 0 ? this.sumMetroProb / this.nLeapfrog : 0;
    z.copyFrom(this.zSample);
    this.energy = ham.energy(z);
  }

  /**
   * Builds a subtree of 2^depth leapfrog steps from z in direction sign; returns whether it is
   * valid (no divergence, no U-turn inside). Sets rho to the sum of its momenta (Stan adds to a
   * zeroed vector: the same numbers) and leaves its log sum of weights in subtreeLsw.
   */
  private buildTree(
    depth: number, zPropose: PhasePoint, pSharpBeg: Float64Array, pSharpEnd: Float64Array, rho: Float64Array,
    pBeg: Float64Array, pEnd: Float64Array, sign: number,
  ): boolean {
    if (depth === 0) return this.leaf(zPropose, pSharpBeg, pSharpEnd, rho, pBeg, pEnd, sign);
    const L = this.level(depth);
    if (!this.buildTree(depth - 1, zPropose, pSharpBeg, L.pSharpInitEnd, L.rhoInit, pBeg, L.pInitEnd, sign)) {
      return false;
    }
    const lswInit = this.subtreeLsw;
    if (!this.buildTree(depth - 1, L.zProposeFinal, L.pSharpFinalBeg, pSharpEnd, L.rhoFinal, L.pFinalBeg, pEnd, sign)) {
      return false;
    }
    const lswFinal = this.subtreeLsw;
    // log(exp(lswInit) + exp(lswFinal)), written out: a call would box the double
    const lswSubtree = lswInit === -Infinity ? lswFinal : lswFinal === -Infinity ? lswInit
      : lswInit > lswFinal ? lswInit + Math.log1p(Math.exp(lswFinal - lswInit)) : lswFinal + Math.log1p(Math.exp(lswInit - lswFinal));
    this.subtreeLsw = lswSubtree;
    // multinomial sample between the two halves
    if (lswFinal > lswSubtree) zPropose.copyFrom(L.zProposeFinal);
    else if (this.rng.uniform() < Math.exp(lswFinal - lswSubtree)) zPropose.copyFrom(L.zProposeFinal);

    const rhoInit = L.rhoInit, rhoFinal = L.rhoFinal;
    for (let i = 0; i < rho.length; i++) rho[i] = rhoInit[i] + rhoFinal[i];
    return mergeCriteria(pSharpBeg, L.pSharpInitEnd, L.pInitEnd, rhoInit, L.pSharpFinalBeg, pSharpEnd, L.pFinalBeg, rhoFinal);
  }

  /**
   * One leapfrog step from z (Hamiltonian.leapfrog written out so nothing is boxed or allocated),
   * then the leaf's weight, acceptance and boundary momenta. The kinetic energy is summed in the
   * metric's own order of operations, so the draws are those of Hamiltonian.leapfrog/energy.
   */
  private leaf(
    zPropose: PhasePoint, pSharpBeg: Float64Array, pSharpEnd: Float64Array, rho: Float64Array,
    pBeg: Float64Array, pEnd: Float64Array, sign: number,
  ): boolean {
    const flag = this.cancelFlag;
    if (flag !== null && flag[0] !== 0) {
      this.cancelled = true;
      return false;
    }
    const z = this.z, q = z.q, p = z.p, g = z.g, n = q.length;
    const eps = sign * this.stepsize;
    const half = 0.5 * eps;
    const d = this.invDiag;
    if (d !== null) {
      for (let i = 0; i < n; i++) {
        const pi = p[i] + half * g[i];
        p[i] = pi;
        q[i] += eps * (d[i] * pi);
      }
    } else {
      const v = this.v;
      for (let i = 0; i < n; i++) p[i] += half * g[i];
      this.ham.metric.velocity(p, v);
      for (let i = 0; i < n; i++) q[i] += eps * v[i];
    }
    this.ham.updatePotential(z);
    if (d === null) {
      for (let i = 0; i < n; i++) p[i] += half * g[i];
      this.ham.metric.velocity(p, pSharpBeg);
    }
    // the second half step (diagonal), the sharp momentum, the kinetic energy, the proposal and
    // the boundary momenta in one pass
    const zq = zPropose.q, zp = zPropose.p, zg = zPropose.g;
    let twiceKinetic = 0;
    for (let i = 0; i < n; i++) {
      let pi = p[i];
      if (d !== null) {
        pi += half * g[i];
        p[i] = pi;
        pSharpBeg[i] = d[i] * pi;
        twiceKinetic += pi * pi * d[i]; // DiagMetric.kinetic's order of operations
      } else {
        twiceKinetic += pi * pSharpBeg[i]; // DenseMetric.kinetic's
      }
      const ps = pSharpBeg[i];
      pSharpEnd[i] = ps;
      rho[i] = pi;
      pBeg[i] = pi;
      pEnd[i] = pi;
      zq[i] = q[i];
      zp[i] = pi;
      zg[i] = g[i];
    }
    zPropose.lp = z.lp;
    this.nLeapfrog++;
    let h = 0.5 * twiceKinetic - z.lp;
    if (Number.isNaN(h)) h = Infinity;
    const w = this.H0 - h;
    if (-w > this.maxDeltaH) this.divergent = true;
    this.subtreeLsw = w;
    this.sumMetroProb += w > 0 ? 1 : Math.exp(w);
    return !this.divergent;
  }
}
