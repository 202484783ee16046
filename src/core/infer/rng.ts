import { lgamma } from '../math/special/lgamma';

/**
 * Seeded pseudo-random numbers: xoshiro256** (Blackman & Vigna) implemented on 32-bit halves,
 * so it runs on plain JS numbers without BigInt. Reproducible from (seed, stream): the 256-bit
 * state is filled by a 32-bit avalanche mixer applied to the seed and the stream id, so chains
 * and workers get independent, non-overlapping-with-overwhelming-probability streams.
 * No allocation per draw.
 */
export class Rng {
  private readonly s = new Uint32Array(8); // s[2i] = high word, s[2i+1] = low word of state i
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  reseed(seed: number, stream = 0): void {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    let h = mix32(lo ^ 0x9e3779b9) ^ mix32(hi + 0x7f4a7c15) ^ mix32((stream >>> 0) + 0x632be59b);
    let h2 = mix32(Math.floor(stream / 4294967296) ^ 0x85ebca6b);
    let any = 0;
    for (let i = 0; i < 8; i++) {
      h = mix32(h + 0x9e3779b9 + i);
      h2 = mix32(h2 ^ h);
      const w = (h ^ mix32(h2 + (stream >>> 0) * 2 + 1)) >>> 0;
      this.s[i] = w;
      any |= w;
    }
    if (any === 0) this.s[0] = 1;
    this.hasSpare = false;
    // discard a few outputs so nearby seeds decorrelate fully
    for (let i = 0; i < 16; i++) this.nextHi();
  }

  /** Copies the 256-bit state (8 words, high word first per 64-bit lane) into out, for checkpoints. */
  getState(out: Uint32Array): void {
    out.set(this.s);
  }

  /** Restores a state saved by getState (drops any cached normal variate). */
  setState(words: ArrayLike<number>): void {
    for (let i = 0; i < 8; i++) this.s[i] = words[i] >>> 0;
    this.hasSpare = false;
  }

  /** Advances the state; returns the high 32 bits of the 64-bit output and leaves the low in `lastLo`. */
  private lastLo = 0;
  private nextHi(): number {
    const s = this.s;
    const s0h = s[0], s0l = s[1], s1h = s[2], s1l = s[3];
    // result = rotl(s1 * 5, 7) * 9
    let l = s1l * 5;
    let h = (s1h * 5 + Math.floor(l / 4294967296)) >>> 0;
    l = l >>> 0;
    const rh = ((h << 7) | (l >>> 25)) >>> 0;
    const rl = ((l << 7) | (h >>> 25)) >>> 0;
    l = rl * 9;
    h = (rh * 9 + Math.floor(l / 4294967296)) >>> 0;
    this.lastLo = l >>> 0;
    // t = s1 << 17
    const th = ((s1h << 17) | (s1l >>> 15)) >>> 0;
    const tl = (s1l << 17) >>> 0;
    // s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
    const s2h = s[4] ^ s0h, s2l = s[5] ^ s0l;
    const s3h = s[6] ^ s1h, s3l = s[7] ^ s1l;
    s[2] = s1h ^ s2h;
    s[3] = s1l ^ s2l;
    s[0] = s0h ^ s3h;
    s[1] = s0l ^ s3l;
    s[4] = s2h ^ th;
    s[5] = s2l ^ tl;
    // rotl 45 = swap halves then rotl 13
    s[6] = (s3l << 13) | (s3h >>> 19);
    s[7] = (s3h << 13) | (s3l >>> 19);
    return h;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    return this.nextHi();
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const h = this.nextHi();
    return (h * 2097152 + (this.lastLo >>> 11)) * 1.1102230246251565e-16;
  }

  /** Uniform on (0, 1): never exactly 0 (safe to take logs). */
  uniformOpen(): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    return u;
  }

  /** Standard normal (Marsaglia polar method; the second variate is kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }

  /** Standard exponential. */
  exponential(): number {
    return -Math.log(this.uniformOpen());
  }

  /** Gamma(shape, rate 1): Marsaglia & Tsang, with the U^(1/a) boost for shape < 1. */
  gamma(shape: number): number {
    if (shape < 1) {
      const g = this.gamma(shape + 1);
      return g * Math.exp(Math.log(this.uniformOpen()) / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformOpen();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(a, b) from two gammas (ratio in log space when both shapes are tiny). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    if (x + y > 0) return x / (x + y);
    // both underflowed: decide by the log-uniform representation
    const lx = Math.log(this.uniformOpen()) / a;
    const ly = Math.log(this.uniformOpen()) / b;
    return lx > ly ? 1 / (1 + Math.exp(ly - lx)) : Math.exp(lx - ly) / (1 + Math.exp(lx - ly));
  }

  /** Poisson(mu): multiplication method for mu < 10, Hörmann's PTRS transformed rejection above. */
  poisson(mu: number): number {
    if (mu <= 0) return 0;
    if (mu < 10) {
      const L = Math.exp(-mu);
      let k = 0;
      let p = this.uniform();
      while (p > L) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    const logMu = Math.log(mu);
    const smu = Math.sqrt(mu);
    const b = 0.931 + 2.53 * smu;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = this.uniform() - 0.5;
      const V = this.uniformOpen();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor(((2 * a) / us + b) * U + mu + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (Math.log(V) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mu + k * logMu - lgamma(k + 1)) return k;
    }
  }

  /** Binomial(n, p): beta splitting (exact, O(log n)) down to n < 40, then Bernoulli sums. */
  binomial(n: number, p: number): number {
    if (p <= 0 || n <= 0) return 0;
    if (p >= 1) return n;
    let k = 0;
    while (n >= 40) {
      const i = 1 + (n >> 1);
      const x = this.beta(i, n + 1 - i);
      if (x >= p) {
        n = i - 1;
        p = p / x;
      } else {
        k += i;
        n = n - i;
        p = (p - x) / (1 - x);
      }
    }
    for (let j = 0; j < n; j++) if (this.uniform() < p) k++;
    return k;
  }
}

/** A 32-bit avalanche mixer (murmur3's finaliser). */
function mix32(x: number): number {
  x = x >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
