/**
 * Nesterov dual averaging of log(step size) (Hoffman & Gelman 2014, as Stan's
 * stepsize_adaptation), targeting a mean acceptance statistic delta.
 */
export class StepsizeAdaptation {
  private counter = 0;
  private sBar = 0;
  private xBar = 0;
  mu = Math.log(10);

  constructor(
    readonly delta = 0.8,
    readonly gamma = 0.05,
    readonly kappa = 0.75,
    readonly t0 = 10,
  ) {}

  restart(): void {
    this.counter = 0;
    this.sBar = 0;
    this.xBar = 0;
  }

  /** One update from an iteration's acceptance statistic; returns the next step size. */
  learn(acceptStat: number): number {
    this.counter++;
    const a = acceptStat > 1 ? 1 : acceptStat;
    const eta = 1 / (this.counter + this.t0);
    this.sBar = (1 - eta) * this.sBar + eta * (this.delta - a);
    const x = this.mu - (this.sBar * Math.sqrt(this.counter)) / this.gamma;
    const xEta = Math.pow(this.counter, -this.kappa);
    this.xBar = (1 - xEta) * this.xBar + xEta * x;
    return Math.exp(x);
  }

  /** The step size kept after warm-up: the averaged iterate. */
  final(): number {
    return Math.exp(this.xBar);
  }
}
