import { inverseFromCholesky } from '../math/triangularSolve';
import { cholesky } from './cholesky';

/** Decay of the running cross-moments (about the last 200 iterations). */
const DECAY = 0.995;
/** Off-diagonal couplings below this many standard errors of their estimate are taken as zero. */
const NOISE_SDS = 3;
/** Iterations of moments before Λ (and then the weights) are estimated. */
const MIN_STEPS = 20;

/**
 * How much sticking the landing should weigh in the gradient of each mean: the weight that makes the
 * iterate average most precise. Near the optimum the average's error is H⁻¹ times the average gradient
 * noise, H the curvature of the ELBO in the means; so the weight minimising the variance of
 * (H⁻¹(a + c·d))ᵢ, for Stan's gradient a and the difference d of the two estimators, is
 * cᵢ = −Cov(uᵢ, vᵢ)/Var(vᵢ) with u = H⁻¹a, v = H⁻¹d. Per-coordinate gradient variance is the wrong
 * criterion when H couples the means: sticking the landing removes only the noise of θᵢ's own draw,
 * and what is left lies along the directions H⁻¹ amplifies. For a mean-field fit of a bivariate
 * Gaussian with correlation r this gives (1 − r²)/(1 + r²) (sticking the landing alone would leave an
 * error 40 times larger at r = 0.9 than Stan's estimator); for uncoupled means, or a full-rank fit of a
 * Gaussian, 1. Elsewhere (a banana's flat direction) it measures what the Gaussian picture misses.
 *
 * H is estimated from the draws as the precision Λ of a Gaussian picture of the target:
 * Cov(∇ᵢ log p, dⱼ) = −Λᵢⱼ (d = z/σ for mean-field, L⁻ᵀz for full rank), all moments on successive
 * differences (the draws are independent across iterations, so a transient's drift cancels), with
 * couplings within noise of zero dropped. O(dim²) per iteration, O(dim³) per refresh.
 */
export class MeanCoupling {
  private readonly cross: Float64Array; // running E[Δaᵢ Δdⱼ], dim × dim
  private readonly aa: Float64Array; // running E[Δaᵢ²]
  private readonly dd: Float64Array; // running E[Δdⱼ²]
  private readonly uv: Float64Array; // running E[uᵢ vᵢ], E[vᵢ²] for u = Λ⁻¹Δa, v = Λ⁻¹Δd
  private readonly vv: Float64Array;
  private readonly prevA: Float64Array;
  private readonly prevD: Float64Array;
  private readonly da: Float64Array;
  private readonly dz: Float64Array;
  private inverse: Float64Array | null = null; // Λ⁻¹, row-major
  private steps = 0;
  private newtonSteps = 0;

  constructor(readonly dim: number) {
    this.cross = new Float64Array(dim * dim);
    this.aa = new Float64Array(dim);
    this.dd = new Float64Array(dim);
    this.uv = new Float64Array(dim);
    this.vv = new Float64Array(dim);
    this.prevA = new Float64Array(dim);
    this.prevD = new Float64Array(dim);
    this.da = new Float64Array(dim);
    this.dz = new Float64Array(dim);
  }

  reset(): void {
    for (const m of [this.cross, this.aa, this.dd, this.uv, this.vv]) m.fill(0);
    this.inverse = null;
    this.steps = 0;
    this.newtonSteps = 0;
  }

  /** One iteration's Stan gradient of the means a and the difference d of the two estimators. */
  observe(a: Float64Array, d: Float64Array): void {
    const n = this.dim;
    this.steps++;
    if (this.steps > 1) {
      const w = 1 - DECAY;
      for (let i = 0; i < n; i++) {
        this.da[i] = a[i] - this.prevA[i];
        this.dz[i] = d[i] - this.prevD[i];
      }
      for (let i = 0; i < n; i++) {
        const dai = this.da[i];
        this.aa[i] += w * (dai * dai - this.aa[i]);
        this.dd[i] += w * (this.dz[i] * this.dz[i] - this.dd[i]);
        const row = i * n;
        for (let j = 0; j < n; j++) this.cross[row + j] += w * (dai * this.dz[j] - this.cross[row + j]);
      }
      const inv = this.inverse;
      if (inv) {
        this.newtonSteps++;
        for (let i = 0; i < n; i++) {
          let u = 0, v = 0;
          const row = i * n;
          for (let j = 0; j < n; j++) {
            u += inv[row + j] * this.da[j];
            v += inv[row + j] * this.dz[j];
          }
          this.uv[i] += w * (u * v - this.uv[i]);
          this.vv[i] += w * (v * v - this.vv[i]);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      this.prevA[i] = a[i];
      this.prevD[i] = d[i];
    }
  }

  /** Re-estimates Λ and its inverse (call every few iterations); false while there is none. */
  refresh(): boolean {
    const n = this.dim;
    if (this.steps < MIN_STEPS) return false;
    const bc = 1 / (1 - Math.pow(DECAY, this.steps - 1));
    const effective = Math.min(this.steps - 1, 1 / (1 - DECAY));
    const L = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        // Δ-moments are twice the moments; Λᵢⱼ = −Cov(aᵢ, dⱼ), symmetrised
        const est = (-(this.cross[i * n + j] + this.cross[j * n + i]) * bc) / 4;
        if (i === j) { L[i * n + i] = est; continue; }
        const se = Math.sqrt((this.aa[i] * this.dd[j] * bc * bc) / effective) / 2;
        L[i * n + j] = Math.abs(est) > NOISE_SDS * se ? est : 0;
      }
    }
    for (let i = 0; i < n; i++) if (!(L[i * n + i] > 0)) return false;
    const C = cholesky(L, n);
    if (!C) return false;
    const inv = this.inverse ?? new Float64Array(n * n);
    inverseFromCholesky(inv, C, n, new Float64Array(n));
    this.inverse = inv;
    return true;
  }

  /** The weight of mean i, or NaN before enough Newton-scaled moments exist. */
  weight(i: number): number {
    if (this.newtonSteps < MIN_STEPS) return NaN;
    const vv = this.vv[i]; // the moments' common bias correction cancels in the ratio
    if (!(vv > 0)) return 1;
    const c = -this.uv[i] / vv;
    return c < 0 ? 0 : c > 1 ? 1 : c;
  }
}
