import { LogDensityTarget } from '../target';
import { Metric } from './metric';
import { PhasePoint } from './phasePoint';

/**
 * The Euclidean Hamiltonian H(q, p) = −log π(q) + ½ pᵀ M⁻¹ p and its leapfrog integrator
 * (half step in p, full step in q, half step in p), as Stan's expl_leapfrog.
 */
export class Hamiltonian {
  /** Gradient evaluations so far (for reports). */
  gradientEvaluations = 0;
  private readonly v: Float64Array;

  constructor(readonly target: LogDensityTarget, public metric: Metric) {
    this.v = new Float64Array(target.dim);
  }

  /** Evaluates lp and its gradient at z.q. A thrown error counts as a rejection (−∞). */
  updatePotential(z: PhasePoint): void {
    this.gradientEvaluations++;
    let lp: number;
    try {
      lp = this.target.logDensityGradient(z.q, z.g);
    } catch {
      lp = -Infinity;
    }
    z.lp = Number.isNaN(lp) ? -Infinity : lp;
  }

  /** H at z; NaN is read as +∞ (Stan does the same). */
  energy(z: PhasePoint): number {
    const h = -z.lp + this.metric.kinetic(z.p);
    return Number.isNaN(h) ? Infinity : h;
  }

  /** One leapfrog step of size eps (negative to go backwards in time). */
  leapfrog(z: PhasePoint, eps: number): void {
    const { q, p, g } = z;
    const n = q.length;
    const half = 0.5 * eps;
    for (let i = 0; i < n; i++) p[i] += half * g[i];
    const v = this.v;
    this.metric.velocity(p, v);
    for (let i = 0; i < n; i++) q[i] += eps * v[i];
    this.updatePotential(z);
    for (let i = 0; i < n; i++) p[i] += half * g[i];
  }
}
