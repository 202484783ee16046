// The marginal of one unconstrained coordinate after adaptive quadrature: its (unnormalised) density,
// the normalising constant, and the CDF and quantiles computed from the adaptive panels (each panel's
// partial integral by one 15-point Gauss–Kronrod rule, inverted by safeguarded Newton).
import { type AxisMap, jacT, mapT, unmapT } from './axisMap';
import { gk15, type Panel } from './gaussKronrod';
import { solveMonotone } from './solveMonotone';

export class CoordinateMarginal {
  readonly Z: number;
  private readonly cum: Float64Array;
  private readonly panels: Panel[];

  // density(θ): unnormalised marginal density of the coordinate; panels: an adaptive integration of
  // density(mapT(t))·jacT(t) over t (component 0).
  constructor(
    readonly axis: AxisMap,
    readonly density: (theta: number) => number,
    panels: Panel[],
  ) {
    this.panels = [...panels].sort((a, b) => a.a - b.a);
    this.cum = new Float64Array(this.panels.length + 1);
    this.panels.forEach((p, i) => (this.cum[i + 1] = this.cum[i] + p.value[0]));
    this.Z = this.cum[this.panels.length];
  }

  private inT(t: number): number {
    const v = this.density(mapT(this.axis, t)) * jacT(this.axis, t);
    return Number.isFinite(v) ? v : 0;
  }

  private partial(p: Panel, t: number): number {
    if (t <= p.a) return 0;
    const f = (x: number, out: Float64Array) => (out[0] = this.inT(x));
    return gk15(f, 1, p.a, t).value[0];
  }

  cdf(theta: number): number {
    const t = unmapT(this.axis, theta);
    const i = this.panels.findIndex((p) => t < p.b);
    if (i < 0) return 1;
    return (this.cum[i] + this.partial(this.panels[i], t)) / this.Z;
  }

  private readonly memo = new Map<number, number>();

  quantile(p: number): number {
    let q = this.memo.get(p);
    if (q === undefined) this.memo.set(p, (q = this.solveQuantile(p)));
    return q;
  }

  private solveQuantile(p: number): number {
    const target = p * this.Z;
    let i = 0;
    while (i < this.panels.length - 1 && this.cum[i + 1] < target) i++;
    const panel = this.panels[i];
    const t = solveMonotone((x) => this.cum[i] + this.partial(panel, x), target, panel.a, panel.b, (x) => this.inT(x), undefined, 1e-12);
    return mapT(this.axis, t);
  }
}
