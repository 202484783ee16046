/**
 * Stan's windowed warm-up schedule (windowed_adaptation): an initial fast buffer, slow windows
 * doubling from the base size (the last stretched to the terminal buffer), a terminal fast buffer.
 * With fewer than 20 warm-up iterations the metric is not adapted at all; when the three stages do
 * not fit, they become 15% / 75% / 10% of the warm-up (one slow window).
 */
export class AdaptationWindows {
  readonly enabled: boolean;
  readonly initBuffer: number;
  readonly termBuffer: number;
  readonly baseWindow: number;
  private counter = 0;
  private windowSize: number;
  private nextWindowEnd: number;

  constructor(readonly numWarmup: number, initBuffer = 75, termBuffer = 50, baseWindow = 25) {
    this.enabled = numWarmup >= 20;
    if (!this.enabled) {
      this.initBuffer = this.termBuffer = this.baseWindow = 0;
    } else if (initBuffer + baseWindow + termBuffer > numWarmup) {
      this.initBuffer = Math.floor(0.15 * numWarmup);
      this.termBuffer = Math.floor(0.1 * numWarmup);
      this.baseWindow = numWarmup - (this.initBuffer + this.termBuffer);
    } else {
      this.initBuffer = initBuffer;
      this.termBuffer = termBuffer;
      this.baseWindow = baseWindow;
    }
    this.windowSize = this.baseWindow;
    this.nextWindowEnd = this.initBuffer + this.windowSize - 1;
  }

  /** Whether the current warm-up iteration's draw goes into the metric estimate. */
  inWindow(): boolean {
    const c = this.counter;
    return this.enabled && c >= this.initBuffer && c < this.numWarmup - this.termBuffer && c !== this.numWarmup;
  }

  /** Whether the current iteration closes a slow window (the metric is then updated). */
  atWindowEnd(): boolean {
    return this.enabled && this.counter === this.nextWindowEnd && this.counter !== this.numWarmup;
  }

  /** Moves to the next iteration; call once per warm-up iteration after inWindow/atWindowEnd. */
  advance(): void {
    if (this.atWindowEnd()) this.computeNextWindow();
    this.counter++;
  }

  /** The window ends (0-based iteration indices) the schedule will produce, for reports and tests. */
  static windowEnds(numWarmup: number, initBuffer = 75, termBuffer = 50, baseWindow = 25): number[] {
    const w = new AdaptationWindows(numWarmup, initBuffer, termBuffer, baseWindow);
    const ends: number[] = [];
    for (let i = 0; i < numWarmup; i++) {
      if (w.atWindowEnd()) ends.push(i);
      w.advance();
    }
    return ends;
  }

  private computeNextWindow(): void {
    const lastEnd = this.numWarmup - this.termBuffer - 1;
    if (this.nextWindowEnd === lastEnd) return;
    this.windowSize *= 2;
    this.nextWindowEnd = this.counter + this.windowSize;
    if (this.nextWindowEnd === lastEnd) return;
    // if the window after this one would overrun the slow phase, stretch this one to its end
    if (this.nextWindowEnd + 2 * this.windowSize >= this.numWarmup - this.termBuffer) this.nextWindowEnd = lastEnd;
  }
}
