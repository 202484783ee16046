import { Rng } from '../rng';
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
  rhoTmp: Float64Array;
  zProposeFinal: PhasePoint;
}

function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The generalized no-U-turn criterion between two sharp momenta and the summed momentum. */
function criterion(pSharpMinus: Float64Array, pSharpPlus: Float64Array, rho: Float64Array): boolean {
  return dot(pSharpPlus, rho) > 0 && dot(pSharpMinus, rho) > 0;
}

function sum(out: Float64Array, a: Float64Array, b: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
  return out;
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
  private readonly rhoExt: Float64Array;
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
    this.rho = vec(); this.rhoFwd = vec(); this.rhoBck = vec(); this.rhoExt = vec();
  }

  private level(depth: number): Level {
    while (this.levels.length <= depth) {
      const n = this.z.dim;
      this.levels.push({
        pInitEnd: new Float64Array(n), pSharpInitEnd: new Float64Array(n), rhoInit: new Float64Array(n),
        pFinalBeg: new Float64Array(n), pSharpFinalBeg: new Float64Array(n), rhoFinal: new Float64Array(n),
        rhoTmp: new Float64Array(n), zProposeFinal: new PhasePoint(n),
      });
    }
    return this.levels[depth];
  }

  /** Moves z to the next draw. z.q/lp/g must hold the current state. */
  transition(): void {
    const { ham, rng, z } = this;
    const metric = ham.metric;
    metric.sampleMomentum(rng, z.p);
    this.zFwd.copyFrom(z);
    this.zBck.copyFrom(z);
    this.zSample.copyFrom(z);
    this.zPropose.copyFrom(z);
    this.pFwdFwd.set(z.p);
    metric.velocity(z.p, this.pSharpFwdFwd);
    this.pFwdBck.set(z.p); this.pSharpFwdBck.set(this.pSharpFwdFwd);
    this.pBckFwd.set(z.p); this.pSharpBckFwd.set(this.pSharpFwdFwd);
    this.pBckBck.set(z.p); this.pSharpBckBck.set(this.pSharpFwdFwd);
    this.rho.set(z.p);

    let logSumWeight = 0; // log(exp(H0 − H0))
    this.H0 = ham.energy(z);
    this.nLeapfrog = 0;
    this.sumMetroProb = 0;
    this.treedepth = 0;
    this.divergent = false;
    this.cancelled = false;

    while (this.treedepth < this.maxDepth) {
      this.rhoFwd.fill(0);
      this.rhoBck.fill(0);
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
      logSumWeight = logSumExp(logSumWeight, lswSub);

      sum(this.rho, this.rhoBck, this.rhoFwd);
      const persist =
        criterion(this.pSharpBckBck, this.pSharpFwdFwd, this.rho) &&
        criterion(this.pSharpBckBck, this.pSharpFwdBck, sum(this.rhoExt, this.rhoBck, this.pFwdBck)) &&
        criterion(this.pSharpBckFwd, this.pSharpFwdFwd, sum(this.rhoExt, this.rhoFwd, this.pBckFwd));
      if (!persist) break;
    }

    // average acceptance over the whole trajectory, rejected subtrees included
    this.acceptStat = this.nLeapfrog > 0 ? this.sumMetroProb / this.nLeapfrog : 0;
    z.copyFrom(this.zSample);
    this.energy = ham.energy(z);
  }

  /**
   * Builds a subtree of 2^depth leapfrog steps from z in direction sign; returns whether it is
   * valid (no divergence, no U-turn inside). Its log sum of weights is left in subtreeLsw.
   */
  private buildTree(
    depth: number, zPropose: PhasePoint, pSharpBeg: Float64Array, pSharpEnd: Float64Array, rho: Float64Array,
    pBeg: Float64Array, pEnd: Float64Array, sign: number,
  ): boolean {
    const H0 = this.H0;
    const z = this.z;
    if (depth === 0) {
      if (this.cancelFlag !== null && this.cancelFlag[0] !== 0) {
        this.cancelled = true;
        return false;
      }
      this.ham.leapfrog(z, sign * this.stepsize);
      this.nLeapfrog++;
      const h = this.ham.energy(z);
      if (h - H0 > this.maxDeltaH) this.divergent = true;
      const w = H0 - h;
      this.subtreeLsw = w;
      this.sumMetroProb += w > 0 ? 1 : Math.exp(w);
      zPropose.copyFrom(z);
      this.ham.metric.velocity(z.p, pSharpBeg);
      pSharpEnd.set(pSharpBeg);
      for (let i = 0; i < rho.length; i++) rho[i] += z.p[i];
      pBeg.set(z.p);
      pEnd.set(z.p);
      return !this.divergent;
    }
    const L = this.level(depth);
    L.rhoInit.fill(0);
    if (!this.buildTree(depth - 1, zPropose, pSharpBeg, L.pSharpInitEnd, L.rhoInit, pBeg, L.pInitEnd, sign)) {
      return false;
    }
    const lswInit = this.subtreeLsw;
    L.rhoFinal.fill(0);
    if (!this.buildTree(depth - 1, L.zProposeFinal, L.pSharpFinalBeg, pSharpEnd, L.rhoFinal, L.pFinalBeg, pEnd, sign)) {
      return false;
    }
    const lswFinal = this.subtreeLsw;
    const lswSubtree = logSumExp(lswInit, lswFinal);
    this.subtreeLsw = lswSubtree;
    // multinomial sample between the two halves
    if (lswFinal > lswSubtree) zPropose.copyFrom(L.zProposeFinal);
    else if (this.rng.uniform() < Math.exp(lswFinal - lswSubtree)) zPropose.copyFrom(L.zProposeFinal);

    const rhoSubtree = sum(L.rhoTmp, L.rhoInit, L.rhoFinal);
    for (let i = 0; i < rho.length; i++) rho[i] += rhoSubtree[i];
    if (!criterion(pSharpBeg, pSharpEnd, rhoSubtree)) return false;
    // the extra checks across the boundary between the two halves
    if (!criterion(pSharpBeg, L.pSharpFinalBeg, sum(L.rhoTmp, L.rhoInit, L.pFinalBeg))) return false;
    return criterion(L.pSharpInitEnd, pSharpEnd, sum(L.rhoTmp, L.rhoFinal, L.pInitEnd));
  }
}
