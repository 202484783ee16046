// Seeded random numbers for the example data generators, so every synthetic data file can be regenerated
// bit for bit with plain node (no packages).

// 32-bit state generator (Weyl sequence plus an xorshift-multiply output mix); uniform in (0, 1).
export function makeUniform(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    z = (z ^ (z >>> 14)) >>> 0;
    return (z + 0.5) / 4294967296;
  };
}

// Standard normals by the Box-Muller transform (both values of each pair are used).
export function makeNormal(uniform) {
  let spare = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
}

// Both generators from one seed: `rand.uniform()`, `rand.normal()`.
export function seeded(seed) {
  const uniform = makeUniform(seed);
  return { uniform, normal: makeNormal(uniform) };
}

// Rounded for a readable file; the models use the data as written.
export function round(x, digits = 4) {
  return Number(x.toFixed(digits));
}
