/** The recent optimiser iterates (ring buffer of `capacity` rows of `width` parameters). */
export class IterateTrace {
  private readonly buf: Float64Array;
  private count = 0;

  constructor(readonly width: number, readonly capacity: number) {
    this.buf = new Float64Array(width * capacity);
  }

  get length(): number {
    return Math.min(this.count, this.capacity);
  }

  /** Forgets every row. */
  clear(): void {
    this.count = 0;
  }

  push(row: Float64Array): void {
    this.buf.set(row, (this.count % this.capacity) * this.width);
    this.count++;
  }

  /** The last `len` values of parameter k, oldest first. */
  series(k: number, len: number, out = new Float64Array(len)): Float64Array {
    const w = this.width;
    let at = ((this.count - len) % this.capacity) * w + k;
    const end = this.capacity * w;
    for (let t = 0; t < len; t++) {
      out[t] = this.buf[at];
      at += w;
      if (at >= end) at -= end;
    }
    return out;
  }

  /** Average of the last `len` rows (Polyak–Ruppert iterate average). */
  average(len: number, out = new Float64Array(this.width)): Float64Array {
    out.fill(0);
    const start = this.count - len;
    for (let t = 0; t < len; t++) {
      const off = ((start + t) % this.capacity) * this.width;
      for (let k = 0; k < this.width; k++) out[k] += this.buf[off + k];
    }
    for (let k = 0; k < this.width; k++) out[k] /= len;
    return out;
  }
}
