/**
 * Draws of one scalar quantity, as chains of equal length (posterior's iterations x chains
 * matrix, one Float64Array per column). A single Float64Array is read as one chain.
 */
export type Chains = readonly Float64Array[];
export type ChainsInput = Float64Array | readonly Float64Array[];

export function asChains(input: ChainsInput): Chains {
  const chains = input instanceof Float64Array ? [input] : input;
  if (chains.length === 0) throw new RangeError('diagnostics need at least one chain');
  const n = chains[0].length;
  for (const c of chains) {
    if (c.length !== n) throw new RangeError('all chains must have the same number of draws');
  }
  return chains;
}

/**
 * Split each chain into its first and second half (posterior's .split_chains): for an odd
 * length the middle draw is dropped; a one-draw chain is left as it is.
 *
 * With 2 or 3 draws per chain, posterior's split of a plain matrix hits R's dimension dropping
 * (x[1:1, ] is a vector) and returns two columns holding the first and the last draw of every
 * chain. `plainMatrix` (default true) reproduces that, as rhat()/ess_*() on a matrix do;
 * false gives the split posterior makes for draws objects (summarise_draws' rhat, ess_bulk).
 */
export function splitChains(chains: Chains, plainMatrix = true): Chains {
  const n = chains[0].length;
  if (n === 1) return chains;
  if (plainMatrix && (n === 2 || n === 3)) {
    return [Float64Array.from(chains, (c) => c[0]), Float64Array.from(chains, (c) => c[n - 1])];
  }
  const h = Math.floor(n / 2);
  const secondStart = n - h; // 0-based: ceiling(n/2 + 1) - 1
  const out: Float64Array[] = [];
  for (const c of chains) out.push(c.slice(0, h));
  for (const c of chains) out.push(c.slice(secondStart));
  return out;
}

/** All draws, chain after chain (R's column-major order). */
export function flattenChains(chains: Chains): Float64Array {
  const n = chains[0].length;
  const out = new Float64Array(n * chains.length);
  chains.forEach((c, j) => out.set(c, j * n));
  return out;
}

/** Same shape, values transformed draw by draw. */
export function mapChains(chains: Chains, f: (v: number) => number): Chains {
  return chains.map((c) => c.map(f));
}

/** Rebuild chains of length n from a flat column-major array. */
export function unflatten(flat: Float64Array, n: number): Chains {
  const out: Float64Array[] = [];
  for (let j = 0; j * n < flat.length; j++) out.push(flat.slice(j * n, (j + 1) * n));
  return out;
}

/**
 * posterior's should_return_NA: any NaN or infinite draw, or all draws within machine epsilon
 * of each other (an absolute tolerance, as posterior uses). Such inputs give NaN diagnostics.
 */
export function isDegenerate(chains: Chains): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of chains) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (!Number.isFinite(v)) return true;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return Math.abs(hi - lo) < Number.EPSILON;
}
