/**
 * Cancellation and time budgets for long fits. Fits are async so that an abort arriving as a
 * message (worker) or a timer can run: FitClock yields to the event loop every few milliseconds
 * of work and then reads the token, so a cancel is honoured within ~20 ms of arriving.
 */

/** Anything with an `aborted` flag: an AbortSignal, or a view on a SharedArrayBuffer. */
export interface CancellationToken {
  readonly aborted: boolean;
}

export type Interruption = 'cancelled' | 'time-budget';

const YIELD_EVERY_MS = 15;

export class FitClock {
  private readonly start = performance.now();
  private lastYield = this.start;

  constructor(
    private readonly signal?: CancellationToken,
    private readonly timeBudgetSeconds?: number,
  ) {}

  elapsedSeconds(): number {
    return (performance.now() - this.start) / 1000;
  }

  /** True when the loop should `await pause()`: cheap enough to call every iteration (no promise). */
  due(): boolean {
    return performance.now() - this.lastYield >= YIELD_EVERY_MS || this.signal?.aborted === true;
  }

  /** Yields to the event loop (so an abort message or timer can run), then reports any interruption. */
  async pause(): Promise<Interruption | null> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
    return this.interruption();
  }

  /** Convenience for loops where a promise per call does not matter. */
  async check(): Promise<Interruption | null> {
    return this.due() ? this.pause() : this.interruption();
  }

  /** The interruption already due, without yielding. */
  interruption(): Interruption | null {
    if (this.signal?.aborted) return 'cancelled';
    if (this.timeBudgetSeconds !== undefined && this.elapsedSeconds() > this.timeBudgetSeconds) return 'time-budget';
    return null;
  }
}
