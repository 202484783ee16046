import { gradientDraw, type ElboWorkspace, type EvaluationCounter } from './elbo';
import type { VariationalFamily } from './family';
import { MeanCoupling } from './meanCoupling';
import type { Rng } from './rng';
import type { LogDensityTarget } from './target';

/** Decay of the running moments behind the weights (about the last 50 iterations). */
const DECAY = 0.98;
/** Iterations of moments before the weights move from their start. */
const WARMUP = 10;
const START_WEIGHT = 0.5;
/** Means are weighed by the precision of the iterate average (meanCoupling.ts) up to this dimension; beyond, Stan's estimator. */
const MAX_COUPLED_DIM = 100;
/** Iterations between refreshes of the curvature estimate (an O(dim³) solve: at least every dim iterations keeps it O(dim²) per iteration). */
const COUPLING_REFRESH = 25;

/**
 * ELBO gradient as a per-parameter blend of two unbiased reparameterisation estimators, from the
 * same draws: Stan's (a: closed-form entropy gradient) and sticking the landing (b,
 * family.accumulatePathGradient). Their difference d = b − a has mean zero, so a + c·d is unbiased
 * for any weight c fixed before the draw. The weights come from moments of past iterations, taken on
 * successive differences (Δa, Δd: the draws are independent across iterations, so these see the noise
 * and not the drift of a transient):
 * - scale parameters: the variance-minimising c = −Cov(a, d)/Var(d), clamped to [0, 1]; near the
 *   optimum of a target the family can match, sticking the landing has almost no noise and c → 1;
 * - means: the weight that makes the iterate average most precise (meanCoupling.ts), which accounts
 *   for the coupling of the means; Stan's estimator (c = 0) above MAX_COUPLED_DIM coordinates, whose
 *   iterate average has an error of one posterior sd / √iterations on a Gaussian target whatever
 *   the correlations.
 */
export class BlendedGradient {
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly weight: Float64Array;
  // previous a and d, and running moments of Δa·Δd, Δd²
  private readonly prevA: Float64Array;
  private readonly prevD: Float64Array;
  private readonly mad: Float64Array;
  private readonly mdd: Float64Array;
  private steps = 0;
  /** Mean log density of the last estimate's draws (with q's entropy, a one-draw ELBO estimate for free). */
  logDensity = NaN;
  private readonly coupling: MeanCoupling | null;
  private readonly meanDiff: Float64Array;

  constructor(size: number, family: VariationalFamily) {
    this.coupling = family.dim <= MAX_COUPLED_DIM ? new MeanCoupling(family.dim) : null;
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
    this.weight = new Float64Array(size).fill(START_WEIGHT);
    this.prevA = new Float64Array(size);
    this.prevD = new Float64Array(size);
    this.mad = new Float64Array(size);
    this.mdd = new Float64Array(size);
    this.meanDiff = new Float64Array(family.dim);
  }

  /** Forgets the moments (after a restart). */
  reset(): void {
    this.weight.fill(START_WEIGHT);
    for (const m of [this.mad, this.mdd]) m.fill(0);
    this.steps = 0;
    this.coupling?.reset();
  }

  /**
   * The blended gradient averaged over `samples` draws into gradOut. A draw with a non-finite log
   * density or gradient is redrawn while fewer than `maxDropped` were dropped; false once that many were.
   */
  estimate(
    target: LogDensityTarget, family: VariationalFamily, rng: Rng, samples: number,
    gradOut: Float64Array, work: ElboWorkspace, counter: EvaluationCounter, maxDropped: number,
  ): boolean {
    const { a, b } = this;
    a.fill(0);
    b.fill(0);
    const n = family.dim;
    let lpSum = 0;
    for (let s = 0, dropped = 0; s < samples; ) {
      const lp = gradientDraw(target, family, rng, work, counter);
      if (Number.isNaN(lp)) {
        if (++dropped >= maxDropped) return false;
      } else {
        family.accumulateGradient(work.z, work.gradTheta, a);
        family.accumulatePathGradient(work.z, work.gradTheta, b);
        lpSum += lp;
        s++;
      }
    }
    const inv = 1 / samples;
    this.logDensity = lpSum * inv;
    for (let k = 0; k < a.length; k++) {
      a[k] *= inv;
      b[k] *= inv;
    }
    family.addEntropyGradient(a);
    this.steps++;
    if (this.coupling) {
      this.coupling.observe(a, this.diffOfMeans(n));
      if (this.steps % Math.max(COUPLING_REFRESH, n) === 0) this.coupling.refresh();
    }
    const w = 1 - DECAY;
    const bc = 1 / (1 - Math.pow(DECAY, Math.max(1, this.steps - 1))); // bias correction of moments started at 0
    for (let k = 0; k < a.length; k++) {
      const d = b[k] - a[k];
      gradOut[k] = a[k] + this.weight[k] * d; // the weight was fixed before this draw: unbiased
      if (this.steps > 1) {
        const da = a[k] - this.prevA[k], dd = d - this.prevD[k];
        this.mad[k] += w * (da * dd - this.mad[k]);
        this.mdd[k] += w * (dd * dd - this.mdd[k]);
      }
      this.prevA[k] = a[k];
      this.prevD[k] = d;
      if (this.steps > WARMUP) this.weight[k] = this.bestWeight(k, bc, k < n);
    }
    return true;
  }

  /** d = b − a for the means (z/σ averaged over the draws), in scratch space. */
  private diffOfMeans(n: number): Float64Array {
    for (let i = 0; i < n; i++) this.meanDiff[i] = this.b[i] - this.a[i];
    return this.meanDiff;
  }

  private bestWeight(k: number, bc: number, isMean: boolean): number {
    const varD = this.mdd[k] * bc;
    const cov = this.mad[k] * bc;
    if (!(varD > 0) || !Number.isFinite(cov)) return START_WEIGHT;
    const c = Math.min(1, Math.max(0, -cov / varD));
    if (!isMean) return c;
    // means: by the precision of the iterate average (meanCoupling.ts); Stan's estimator beyond its dimension
    if (!this.coupling) return 0;
    const w = this.coupling.weight(k);
    return Number.isNaN(w) ? c : w;
  }

}
