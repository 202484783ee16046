// The constant terms a model's `~` statements and _lupdf calls drop: Stan's log_prob with propto =
// false minus ours. Stan's ADVI evaluates its ELBO with them, and its relative-ELBO stopping rule is
// scale dependent, so Stan-compatible ADVI adds them to reproduce where Stan stops. Found with a second
// instance of the program emitted with every density keeping its constants, built on first use (only
// Stan-compatible fits ask); the dropped terms read data only, so the difference is the same at every
// point where both log densities are finite.
import { StanError } from './stanError';

/** A value-only log density of the compiled program (the `lpV` the emitted factory returns). */
export type ValueLogDensity = (theta: ArrayLike<number>, jacobian: boolean) => number;

export class DroppedConstant {
  private keeping: ValueLogDensity | null = null;

  constructor(
    private readonly dropping: ValueLogDensity,
    private readonly buildKeeping: () => ValueLogDensity,
  ) {}

  /** The constant at theta; NaN where either log density is rejected or not finite there. */
  at(theta: ArrayLike<number>): number {
    this.keeping ??= this.buildKeeping();
    try {
      const d = this.keeping(theta, true) - this.dropping(theta, true);
      return Number.isFinite(d) ? d : NaN;
    } catch (e) {
      if (e instanceof StanError && !e.fatal) return NaN;
      throw e;
    }
  }
}
