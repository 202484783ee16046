import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/infer/rng';

/** |estimate - truth| within 5 Monte Carlo standard errors (seeded, so deterministic). */
function within(est: number, truth: number, se: number, what: string): void {
  assert.ok(Math.abs(est - truth) <= 5 * se, `${what}: ${est} vs ${truth} (se ${se})`);
}

function moments(draw: () => number, n: number): { mean: number; variance: number; m4: number } {
  let s = 0, s2 = 0;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  for (let i = 0; i < n; i++) s += xs[i];
  const mean = s / n;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    s2 += d * d;
    m4 += d * d * d * d;
  }
  return { mean, variance: s2 / (n - 1), m4: m4 / n };
}

/** Checks mean and variance against the truth with standard errors from the true moments. */
function checkMoments(draw: () => number, mean: number, variance: number, what: string, n = 40000): void {
  const m = moments(draw, n);
  within(m.mean, mean, Math.sqrt(variance / n), `${what} mean`);
  within(m.variance, variance, Math.sqrt(Math.max(m.m4 - variance * variance, 1e-300) / n), `${what} variance`);
}

test('same seed and stream reproduce the same sequence; different streams and seeds differ', () => {
  const a = new Rng(42, 3);
  const b = new Rng(42, 3);
  const c = new Rng(42, 4);
  const d = new Rng(43, 3);
  const xa = Array.from({ length: 20 }, () => a.uniform());
  const xb = Array.from({ length: 20 }, () => b.uniform());
  const xc = Array.from({ length: 20 }, () => c.uniform());
  const xd = Array.from({ length: 20 }, () => d.uniform());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
  assert.notDeepEqual(xa, xd);
  a.reseed(42, 3);
  assert.equal(a.uniform(), xa[0]);
  // large seeds (beyond 2^32) are honoured
  assert.notEqual(new Rng(2 ** 40 + 1).uniform(), new Rng(1).uniform());
});

test('uniform: in [0,1), moments, equidistribution over 16 bins, no lag-1 correlation', () => {
  const r = new Rng(7);
  const n = 160000;
  const bins = new Float64Array(16);
  let prev = r.uniform();
  let sxy = 0, sx = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    const u = r.uniform();
    assert.ok(u >= 0 && u < 1);
    bins[Math.floor(u * 16)]++;
    sxy += prev * u;
    sx += u;
    sxx += u * u;
    prev = u;
  }
  const e = n / 16;
  let chi2 = 0;
  for (const b of bins) chi2 += ((b - e) * (b - e)) / e;
  assert.ok(chi2 < 40, `chi-square over 15 df: ${chi2}`); // P(chi2_15 > 40) ~ 5e-4
  const mean = sx / n;
  within(mean, 0.5, Math.sqrt(1 / 12 / n), 'uniform mean');
  const corr = (sxy / n - mean * mean) / (sxx / n - mean * mean);
  within(corr, 0, 1 / Math.sqrt(n), 'lag-1 correlation');
  // streams from consecutive ids are uncorrelated
  const s1 = new Rng(99, 0), s2 = new Rng(99, 1);
  let c = 0;
  for (let i = 0; i < 40000; i++) c += (s1.uniform() - 0.5) * (s2.uniform() - 0.5);
  within(c / 40000 / (1 / 12), 0, 1 / Math.sqrt(40000), 'cross-stream correlation');
});

test('normal, exponential, gamma, beta, poisson and binomial variates have the right moments', () => {
  const r = new Rng(2024, 1);
  checkMoments(() => r.normal(), 0, 1, 'normal');
  checkMoments(() => r.exponential(), 1, 1, 'exponential');
  for (const a of [0.1, 0.7, 1, 3.5, 50]) checkMoments(() => r.gamma(a), a, a, `gamma(${a})`);
  for (const [a, b] of [[0.3, 0.5], [2, 5], [40, 3]]) {
    checkMoments(() => r.beta(a, b), a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)), `beta(${a},${b})`);
  }
  for (const mu of [0.2, 4, 9.9, 10, 37.5, 1e4]) checkMoments(() => r.poisson(mu), mu, mu, `poisson(${mu})`);
  for (const [n, p] of [[5, 0.3], [39, 0.9], [40, 0.5], [1000, 0.02], [123457, 0.61]]) {
    checkMoments(() => r.binomial(n, p), n * p, n * p * (1 - p), `binomial(${n},${p})`, 20000);
  }
});

test('draws do not allocate state: a long run of mixed draws stays reproducible', () => {
  const run = () => {
    const r = new Rng(5, 5);
    let s = 0;
    for (let i = 0; i < 2000; i++) s += r.normal() + r.gamma(0.5) + r.poisson(20) + r.binomial(60, 0.3);
    return s;
  };
  assert.equal(run(), run());
});

test('the generator is exactly xoshiro256**: compared with an independent BigInt implementation', () => {
  const r = new Rng(123456789, 7);
  const st = new Uint32Array(8);
  r.getState(st);
  const M = (1n << 64n) - 1n;
  const s = [0, 1, 2, 3].map((i) => (BigInt(st[2 * i]) << 32n) | BigInt(st[2 * i + 1]));
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & M;
  const next = () => {
    const result = (rotl((s[1] * 5n) & M, 7n) * 9n) & M;
    const t = (s[1] << 17n) & M;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  };
  for (let i = 0; i < 200; i++) {
    const ref = next();
    if (i % 2 === 0) assert.equal(r.nextUint32(), Number(ref >> 32n), `output ${i}`);
    else assert.equal(r.uniform(), Number(ref >> 11n) / 2 ** 53, `output ${i}`);
  }
  // state round trip
  r.getState(st);
  const a = r.uniform();
  r.setState(st);
  assert.equal(r.uniform(), a);
});
