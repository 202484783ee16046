// Synthetic posteriors with known right verdicts for the comparison tests: reference draws as
// chains (as NUTS gives them) and approximation draws (as a variational fit gives them), all from
// the seeded Rng so every run sees the same numbers.
import { Rng } from '../../src/core/infer/rng';

export type Chains = Float64Array[];

/** n draws of f(), as one array. */
export function drawsOf(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** Joint draws of several names: one call of `joint` gives one draw of every name. */
export function jointDraws(names: readonly string[], n: number, joint: () => number[]): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of names) out[name] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = joint();
    names.forEach((name, k) => (out[name][i] = v[k]));
  }
  return out;
}

/** The same joint model in `chains` chains of n draws (independent draws, so R̂ ≈ 1). */
export function jointChains(names: readonly string[], chains: number, n: number, joint: () => number[]): Record<string, Chains> {
  const out: Record<string, Chains> = {};
  for (const name of names) out[name] = [];
  for (let c = 0; c < chains; c++) {
    const d = jointDraws(names, n, joint);
    for (const name of names) out[name].push(d[name]);
  }
  return out;
}

/** A bivariate normal draw with sds sx, sy and correlation r. */
export function bivariateNormal(rng: Rng, sx: number, sy: number, r: number): [number, number] {
  const z1 = rng.normal();
  const z2 = rng.normal();
  return [sx * z1, sy * (r * z1 + Math.sqrt(1 - r * r) * z2)];
}

/**
 * Centered eight-schools-like funnel: mu ~ normal(0, 2), log tau ~ normal(1, 0.8),
 * theta_j ~ normal(mu, tau) for j = 1..J. Returns [mu, tau, theta[1..J]].
 */
export function funnelDraw(rng: Rng, J: number): number[] {
  const mu = 2 * rng.normal();
  const tau = Math.exp(1 + 0.8 * rng.normal());
  const theta = Array.from({ length: J }, () => mu + tau * rng.normal());
  return [mu, tau, ...theta];
}

/**
 * What a mean-field fit of that funnel looks like: independent Gaussians, tau squeezed (log tau with
 * sd 0.25 around log tau's mean) and theta much narrower than its marginal.
 */
export function funnelMeanFieldDraw(rng: Rng, J: number): number[] {
  const mu = 2 * rng.normal();
  const tau = Math.exp(1 + 0.25 * rng.normal());
  const theta = Array.from({ length: J }, () => mu * 0 + 1.5 * rng.normal());
  return [mu, tau, ...theta];
}

export function funnelNames(J: number): string[] {
  return ['mu', 'tau', ...Array.from({ length: J }, (_, j) => `theta[${j + 1}]`)];
}

/** Chains that disagree: chain c has mean offsets[c], sd 1 (R̂ far above 1.01 when offsets differ). */
export function driftingChains(rng: Rng, n: number, offsets: readonly number[]): Chains {
  return offsets.map((m) => drawsOf(n, () => m + rng.normal()));
}
