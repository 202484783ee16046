// Quadrature posteriors on targets with known answers (hand-written log densities on the unconstrained
// scale, with the Jacobian), and on a compiled Stan model against a brute-force integration here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStan } from '../../src/core/stan/analyze';
import { loadData } from '../../src/core/data/loadData';
import { compileModel } from '../../src/core/codegen/loadModel';
import { exactPosterior } from '../../src/core/infer/exact/exactPosterior';
import { quadraturePosterior } from '../../src/core/infer/exact/quadraturePosterior';
import type { QuadratureTarget } from '../../src/core/infer/exact/quadratureTarget';
import type { ExactPosteriorOk, ExactPosteriorResult } from '../../src/core/infer/exact/exactTypes';
import { drawToJson } from '../../src/core/infer/exact/drawToJson';
import { exactPosteriorFromSource } from '../../src/core/infer/exact/exactPosteriorFromSource';
import { Rng } from '../../src/core/infer/rng';

const Z95 = 1.6448536269514722; // standard normal 0.95 quantile

const near = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (diff ${a - b})`);

function ok(r: ExactPosteriorResult): ExactPosteriorOk {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(r.kind, 'quadrature');
  return r;
}

function lgammaT(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

// P(X <= q) by composite Simpson from 0.
function gammaCdf(a: number, b: number, q: number, n = 40000): number {
  const pdf = (x: number) => (x <= 0 ? 0 : Math.exp(a * Math.log(b) + (a - 1) * Math.log(x) - b * x - lgammaT(a)));
  const h = q / n;
  let s = pdf(0) + pdf(q);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * pdf(i * h);
  return (s * h) / 3;
}

function checkDraws(r: ExactPosteriorOk, n: number, seed: number) {
  const draws = r.draw(n, new Rng(seed, 3));
  for (const name of r.names) {
    const x = draws[name];
    const m = x.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
    const p = r.parameters[name];
    assert.ok(Math.abs(m - p.mean) < 4 * (p.sd / Math.sqrt(n)), `${name} draw mean ${m} vs ${p.mean}`);
    assert.ok(Math.abs(sd / p.sd - 1) < 0.05, `${name} draw sd ${sd} vs ${p.sd}`);
  }
}

test('1-D: a gamma posterior for a positive parameter through the log transform', () => {
  const [a, b] = [7.5, 2.5];
  const target: QuadratureTarget = {
    dim: 1, coordinateNames: ['log lambda'], outputNames: ['lambda'],
    // log gamma(exp(u) | a, b) + u (the Jacobian of lambda = exp(u)), up to a constant
    logDensity: (th) => (a - 1) * th[0] - b * Math.exp(th[0]) + th[0],
    constrain: (th, out) => void (out[0] = Math.exp(th[0])),
  };
  const r = ok(quadraturePosterior(target));
  const p = r.parameters.lambda;
  near(p.mean, a / b, 1e-6, 'mean');
  near(p.sd, Math.sqrt(a) / b, 1e-6, 'sd');
  near(gammaCdf(a, b, p.q5), 0.05, 1e-6, 'q5');
  near(gammaCdf(a, b, p.q50), 0.5, 1e-6, 'q50');
  near(gammaCdf(a, b, p.q95), 0.95, 1e-6, 'q95');
  assert.ok(r.estimatedError! < 1e-6);
  // the gridded density is the gamma density on the constrained scale
  const { x, y } = p.density!;
  for (let i = 10; i < x.length; i += 20) {
    const truth = Math.exp(a * Math.log(b) + (a - 1) * Math.log(x[i]) - b * x[i] - lgammaT(a));
    near(y[i], truth, 1e-6 * Math.max(1, truth), `density at ${x[i]}`);
  }
  assert.match(r.explanation, /one unconstrained dimension \(log lambda\)/);
  assert.match(r.explanation, /Estimated relative error/);
  checkDraws(r, 4000, 1);
});

test('2-D: a correlated Gaussian, with an output that depends on both coordinates', () => {
  const [m1, m2, s1, s2, rho] = [1, -2, 2, 0.5, 0.8];
  const target: QuadratureTarget = {
    dim: 2, coordinateNames: ['a', 'b'], outputNames: ['a', 'b', 'total'],
    logDensity: (th) => {
      const z1 = (th[0] - m1) / s1;
      const z2 = (th[1] - m2) / s2;
      return (-0.5 * (z1 * z1 - 2 * rho * z1 * z2 + z2 * z2)) / (1 - rho * rho);
    },
    constrain: (th, out) => {
      out[0] = th[0];
      out[1] = th[1];
      out[2] = th[0] + th[1];
    },
  };
  const r = ok(quadraturePosterior(target));
  near(r.parameters.a.mean, m1, 1e-6, 'a mean');
  near(r.parameters.b.mean, m2, 1e-6, 'b mean');
  near(r.parameters.a.sd, s1, 1e-6, 'a sd');
  near(r.parameters.b.sd, s2, 1e-6, 'b sd');
  near(r.parameters.a.q5, m1 - Z95 * s1, 1e-6, 'a q5');
  near(r.parameters.a.q95, m1 + Z95 * s1, 1e-6, 'a q95');
  near(r.parameters.b.q5, m2 - Z95 * s2, 1e-6, 'b q5');
  near(r.parameters.b.q50, m2, 1e-6, 'b q50');
  const st = Math.sqrt(s1 * s1 + s2 * s2 + 2 * rho * s1 * s2);
  near(r.parameters.total.mean, m1 + m2, 1e-6, 'total mean');
  near(r.parameters.total.sd, st, 1e-6, 'total sd');
  // quantiles of an output of both coordinates come from gridded draws: Monte Carlo accuracy
  near(r.parameters.total.q95, m1 + m2 + Z95 * st, 0.05, 'total q95');
  assert.equal(r.parameters.total.density, undefined);
  assert.match(r.explanation, /depend on both coordinates/);
  checkDraws(r, 4000, 2);
  const d = r.draw(4000, new Rng(9, 0));
  const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(d.a), mean(d.b)];
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < 4000; i++) {
    sab += (d.a[i] - ma) * (d.b[i] - mb);
    saa += (d.a[i] - ma) ** 2;
    sbb += (d.b[i] - mb) ** 2;
  }
  // sample correlation: standard error about (1 − rho²) / sqrt(n) ≈ 0.006
  near(sab / Math.sqrt(saa * sbb), rho, 0.025, 'correlation of draws');
});

test('a compiled 1-D Stan model (lognormal prior on an sd) against brute-force integration', () => {
  const src = 'data { int N; vector[N] y; } parameters { real<lower=0> sigma; } model { sigma ~ lognormal(0, 1); y ~ normal(0, sigma); } generated quantities { real s2 = square(sigma); }';
  const data = { N: 3, y: [1, 2, 3] };
  const a = analyzeStan(src);
  const d = loadData(a.program, JSON.stringify(data));
  const c = compileModel(src, data);
  assert.ok(c.ok);
  const r = ok(exactPosterior({ program: a.program, check: a.check, data: d.values, source: src, model: c.model }));
  // density of sigma up to a constant: lognormal(0, 1) × prod normal(y | 0, sigma)
  const ss = data.y.reduce((s, v) => s + v * v, 0);
  const dens = (s: number) => Math.exp(-Math.log(s) - 0.5 * Math.log(s) ** 2 - 3 * Math.log(s) - ss / (2 * s * s));
  // Simpson in u = log sigma over [-8, 12] (the heavy right tail needs the log scale)
  let z = 0, m = 0, m2 = 0;
  const n = 400000, lo = -8, h = 20 / n;
  for (let i = 1; i < n; i++) {
    const s = Math.exp(lo + i * h);
    const w = (i % 2 ? 4 : 2) * dens(s) * s;
    z += w;
    m += w * s;
    m2 += w * s * s;
  }
  const mean = m / z;
  near(r.parameters.sigma.mean, mean, 1e-6, 'sigma mean');
  near(r.parameters.sigma.sd, Math.sqrt(m2 / z - mean * mean), 1e-6, 'sigma sd');
  assert.match(r.explanation, /No conjugate form applies/);
  // draws feed the compiled model's generated quantities
  const draws = r.draw(50, new Rng(4));
  for (let i = 0; i < 50; i++) {
    const row = c.model.writeArray(c.model.unconstrain(drawToJson(draws, r.shapes, i)), new Rng(1));
    near(row[0], draws.sigma[i], 1e-12, 'sigma round trip');
    near(row[1], draws.sigma[i] ** 2, 1e-9, 'generated s2');
  }
});

test('quadrature and the closed form agree on a normal–inverse-gamma model (sd parameter, compiled)', () => {
  const src = 'data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma; } model { square(sigma) ~ inv_gamma(3, 2); mu ~ normal(1, sigma * sqrt(2)); y ~ normal(mu, sigma); }';
  const data = { N: 5, y: [2.1, 1.4, 3.3, 2.8, 1.9] };
  const a = analyzeStan(src);
  const d = loadData(a.program, JSON.stringify(data));
  const c = compileModel(src, data);
  assert.ok(c.ok);
  const input = { program: a.program, check: a.check, data: d.values, model: c.model };
  const closed = exactPosterior({ ...input, method: 'conjugate' });
  assert.ok(closed.ok && closed.kind === 'conjugate');
  const quad = ok(exactPosterior({ ...input, method: 'quadrature' }));
  assert.match(quad.explanation, /^Quadrature was requested/);
  for (const name of ['mu', 'sigma']) {
    for (const key of ['mean', 'sd', 'q5', 'q50', 'q95'] as const) near(quad.parameters[name][key], closed.parameters[name][key], 1e-6, `${name} ${key}`);
  }
});

test('exactPosteriorFromSource: conjugate without compiling, quadrature after compiling, errors as reasons', () => {
  const conj = exactPosteriorFromSource('data { int N; array[N] int y; } parameters { real<lower=0, upper=1> p; } model { y ~ bernoulli(p); }', '{"N": 3, "y": [1, 1, 0]}');
  assert.ok(conj.ok && conj.kind === 'conjugate');
  near(conj.parameters.p.mean, 3 / 5, 1e-12, 'uniform prior: beta(3, 2) mean');
  const quad = exactPosteriorFromSource('data { int N; array[N] int y; } parameters { real alpha; } model { alpha ~ normal(0, 2); y ~ bernoulli_logit(alpha); }', '{"N": 4, "y": [1, 1, 0, 1]}');
  assert.ok(quad.ok && quad.kind === 'quadrature', quad.ok ? '' : quad.reason);
  assert.match(quad.explanation, /^No conjugate form applies, but the model has one unconstrained dimension \(alpha\)/);
  const bad = exactPosteriorFromSource('parameters { real mu; } model { mu ~ normal(0, 1) }', null);
  assert.equal(bad.ok, false);
  assert.match(bad.ok ? '' : bad.reason, /the model has errors/);
});
