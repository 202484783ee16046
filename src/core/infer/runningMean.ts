/**
 * The mean of a stream of values with its Monte Carlo standard error (sd / √count), the sums taken
 * about the first value so that large values (an ELBO of −1e6) keep the digits of their spread.
 */
export class RunningMean {
  private shift = 0;
  private sum = 0;
  private sq = 0;
  count = 0;

  add(x: number): void {
    if (this.count === 0) this.shift = x;
    const d = x - this.shift;
    this.sum += d;
    this.sq += d * d;
    this.count++;
  }

  /** The mean and its MCSE; -Infinity (MCSE Infinity) when nothing was added. */
  estimate(): { mean: number; mcse: number } {
    const n = this.count;
    if (n === 0) return { mean: -Infinity, mcse: Infinity };
    const m = this.sum / n;
    const v = n > 1 ? Math.max(0, (this.sq - n * m * m) / (n - 1)) : 0;
    return { mean: this.shift + m, mcse: Math.sqrt(v / n) };
  }

  reset(): void {
    this.sum = this.sq = this.count = 0;
  }
}
