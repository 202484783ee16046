// Conjugate exact posteriors: each case on a small program and data, checked against the textbook
// formulas computed here, quantiles against a numerical integration of the textbook density.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeStan } from '../../src/core/stan/analyze';
import { loadData } from '../../src/core/data/loadData';
import { exactPosterior } from '../../src/core/infer/exact/exactPosterior';
import type { ExactPosteriorOk, ExactPosteriorResult } from '../../src/core/infer/exact/exactTypes';
import { Rng } from '../../src/core/infer/rng';

const ROOT = path.resolve(__dirname, '../../..');

function exact(src: string, data: unknown): ExactPosteriorResult {
  const a = analyzeStan(src);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  const d = loadData(a.program, JSON.stringify(data));
  assert.deepEqual(d.diagnostics, []);
  return exactPosterior({ program: a.program, check: a.check, data: d.values, source: src });
}

function ok(r: ExactPosteriorResult): ExactPosteriorOk {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(r.kind, 'conjugate');
  return r;
}

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

// P(X <= q) for a density by composite Simpson on [lo, q] (lo far in the left tail or at the support edge).
function cdf(pdf: (x: number) => number, lo: number, q: number, n = 20000): number {
  const h = (q - lo) / n;
  let s = pdf(lo) + pdf(q);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * pdf(lo + i * h);
  return (s * h) / 3;
}

function lgammaT(x: number): number {
  // Lanczos (g = 7), independent of the library's lgamma
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgammaT(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
const normalPdf = (m: number, s: number) => (x: number) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
const gammaPdf = (a: number, b: number) => (x: number) => (x <= 0 ? 0 : Math.exp(a * Math.log(b) + (a - 1) * Math.log(x) - b * x - lgammaT(a)));
const betaPdf = (a: number, b: number) => (x: number) => (x <= 0 || x >= 1 ? 0 : Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lgammaT(a) - lgammaT(b) + lgammaT(a + b)));

function checkQuantiles(r: ExactPosteriorOk, name: string, pdf: (x: number) => number, lo: number) {
  const p = r.parameters[name];
  for (const [q, prob] of [[p.q5, 0.05], [p.q50, 0.5], [p.q95, 0.95]] as const) close(cdf(pdf, lo, q), prob, 1e-7, `${name} quantile ${prob}`);
}

function checkDraws(r: ExactPosteriorOk, seed: number, n = 4000) {
  const draws = r.draw(n, new Rng(seed, 1));
  for (const name of r.names) {
    const x = draws[name];
    assert.equal(x.length, n);
    const m = x.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
    const p = r.parameters[name];
    assert.ok(Math.abs(m - p.mean) < 4 * (p.sd / Math.sqrt(n)), `${name} draw mean ${m} vs ${p.mean}`);
    assert.ok(Math.abs(sd / p.sd - 1) < 0.06, `${name} draw sd ${sd} vs ${p.sd}`);
  }
}

test('normal mean with known sd: vectorised, loop and target += forms agree with the formula', () => {
  const y = [1.2, 2.5, 1.9, 2.2, 2.4, 1.7];
  const [m0, s0, sigma] = [0, 3, 0.8];
  const prec = 1 / s0 ** 2 + y.length / sigma ** 2;
  const mean = (m0 / s0 ** 2 + y.reduce((a, b) => a + b) / sigma ** 2) / prec;
  const sd = 1 / Math.sqrt(prec);
  const head = 'data { int N; vector[N] y; real<lower=0> sigma; } parameters { real mu; } model { mu ~ normal(0, 3); ';
  for (const body of ['y ~ normal(mu, sigma); }', 'for (n in 1:N) y[n] ~ normal(mu, sigma); }', 'target += normal_lpdf(y | mu, sigma); }', 'target += normal_lupdf(y | mu, sigma); }']) {
    const r = ok(exact(head + body, { N: y.length, y, sigma }));
    close(r.parameters.mu.mean, mean, 1e-12, 'mean');
    close(r.parameters.mu.sd, sd, 1e-12, 'sd');
    assert.equal(r.parameters.mu.posterior?.family, 'normal');
    checkQuantiles(r, 'mu', normalPdf(mean, sd), mean - 12 * sd);
    assert.match(r.explanation, /mu has a normal prior and appears only in normal terms/);
    assert.match(r.explanation, new RegExp(`mean ${Number(mean.toPrecision(4))} and sd ${Number(sd.toPrecision(4))}`));
  }
});

test('elementwise normal means over an array of vectors', () => {
  const y = [[1, 2, 3], [2, 2, 5], [0, 3, 4]];
  const r = ok(exact('data { int N; int K; array[N] vector[K] y; } parameters { vector[K] mu; } model { mu ~ normal(1, 2); for (n in 1:N) y[n] ~ normal(mu, 0.5); }', { N: 3, K: 3, y }));
  for (let k = 0; k < 3; k++) {
    const prec = 1 / 4 + 3 / 0.25;
    const mean = (1 / 4 + (y[0][k] + y[1][k] + y[2][k]) / 0.25) / prec;
    close(r.parameters[`mu[${k + 1}]`].mean, mean, 1e-12, `mu[${k + 1}]`);
    close(r.parameters[`mu[${k + 1}]`].sd, 1 / Math.sqrt(prec), 1e-12, `sd mu[${k + 1}]`);
  }
  checkDraws(r, 3);
});

// Solves A x = b (small, dense) by Gaussian elimination with partial pivoting.
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    const p = M.slice(c).reduce((best, row, i) => (Math.abs(row[c]) > Math.abs(M[best][c]) ? c + i : best), c);
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) x[r] = (M[r][n] - M[r].slice(r + 1, n).reduce((s, v, i) => s + v * x[r + 1 + i], 0)) / M[r][r];
  return x;
}

test('linear regression with known noise: alpha + X * beta gives the multivariate normal posterior', () => {
  const X = [[1, 0.5], [0.2, 1], [1.5, 1.1], [2, -1], [0.3, 0.7]];
  const y = [1.1, 2.3, 3.9, 1.2, 1.8];
  const sigma = 0.7;
  const src = 'data { int N; int K; matrix[N, K] X; vector[N] y; } parameters { real alpha; vector[K] beta; } model { alpha ~ normal(1, 5); beta ~ normal(0, 2); y ~ normal(alpha + X * beta, 0.7); }';
  const r = ok(exact(src, { N: 5, K: 2, X, y }));
  const Z = X.map((row) => [1, ...row]);
  const prior = [1 / 25, 1 / 4, 1 / 4];
  const P = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? prior[i] : 0) + Z.reduce((s, z) => s + (z[i] * z[j]) / sigma ** 2, 0)));
  const rhs = [0, 1, 2].map((i) => (i === 0 ? 1 / 25 : 0) + Z.reduce((s, z, n) => s + (z[i] * y[n]) / sigma ** 2, 0));
  const mean = solve(P, rhs);
  const sd = [0, 1, 2].map((i) => Math.sqrt(solve(P, [0, 1, 2].map((j) => (j === i ? 1 : 0)))[i]));
  ['alpha', 'beta[1]', 'beta[2]'].forEach((name, i) => {
    close(r.parameters[name].mean, mean[i], 1e-10, `${name} mean`);
    close(r.parameters[name].sd, sd[i], 1e-10, `${name} sd`);
  });
  assert.match(r.explanation, /multivariate normal/);
  checkDraws(r, 5);
  // a multi_normal prior with a correlated covariance S on beta: prior precision S⁻¹ in the beta block
  const S = [[4, 1], [1, 2]];
  const det = S[0][0] * S[1][1] - S[0][1] * S[1][0];
  const Sinv = [[S[1][1] / det, -S[0][1] / det], [-S[1][0] / det, S[0][0] / det]];
  const mv = ok(exact(src.replace('beta ~ normal(0, 2);', 'beta ~ multi_normal(rep_vector(0, K), S);').replace('vector[N] y; }', 'vector[N] y; cov_matrix[K] S; }'), { N: 5, K: 2, X, y, S }));
  const P2 = P.map((row, i) => row.map((v, j) => (i > 0 && j > 0 ? v - (i === j ? 1 / 4 : 0) + Sinv[i - 1][j - 1] : v)));
  const mean2 = solve(P2, rhs);
  ['alpha', 'beta[1]', 'beta[2]'].forEach((name, i) => {
    close(mv.parameters[name].mean, mean2[i], 1e-10, `multi_normal prior: ${name} mean`);
    close(mv.parameters[name].sd, Math.sqrt(solve(P2, [0, 1, 2].map((j) => (j === i ? 1 : 0)))[i]), 1e-10, `multi_normal prior: ${name} sd`);
  });
  assert.doesNotMatch(mv.explanation, /flat/);
});

test('Gamma–Poisson elementwise rates: the digits example (transformed data, loop over images)', () => {
  const src = fs.readFileSync(path.join(ROOT, 'examples/digits_zero.stan'), 'utf8');
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/digits_zero.data.json'), 'utf8'));
  const r = ok(exact(src, data));
  assert.equal(r.names.length, 64);
  const shape = (p: number) => 2 * data.x0[p] + data.x.reduce((s: number, img: number[]) => s + img[p], 0);
  const checked = [0, 10, 37, 63, ...[...Array(64).keys()].filter((p) => shape(p) > 50).slice(0, 2)];
  for (const p of checked) {
    const a = shape(p);
    const b = 2 + data.M;
    const name = `theta[${p + 1}]`;
    close(r.parameters[name].mean, a / b, 1e-12, `${name} mean`);
    close(r.parameters[name].sd, Math.sqrt(a) / b, 1e-12, `${name} sd`);
    if (a > 2) checkQuantiles(r, name, gammaPdf(a, b), 0);
  }
  assert.match(r.explanation, /gamma prior and appears only as the rate of poisson/);
});

test('Gamma–Poisson with array-of-arrays data and a scalar rate', () => {
  const x = [[3, 1], [0, 2], [4, 4]];
  const r = ok(exact('data { int M; array[M, 2] int x; } parameters { real<lower=0> lambda; } model { lambda ~ gamma(2, 0.5); for (m in 1:M) for (j in 1:2) x[m, j] ~ poisson(lambda); }', { M: 3, x }));
  const a = 2 + 14;
  const b = 0.5 + 6;
  close(r.parameters.lambda.mean, a / b, 1e-12, 'mean');
  checkQuantiles(r, 'lambda', gammaPdf(a, b), 0);
  checkDraws(r, 7);
});

test('Beta–Bernoulli and Beta–Binomial', () => {
  const y = [1, 0, 1, 1, 1, 0, 1];
  const r = ok(exact('data { int N; array[N] int<lower=0, upper=1> y; } parameters { real<lower=0, upper=1> p; } model { p ~ beta(2, 3); y ~ bernoulli(p); }', { N: 7, y }));
  const [a, b] = [2 + 5, 3 + 2];
  close(r.parameters.p.mean, a / (a + b), 1e-12, 'mean');
  close(r.parameters.p.sd, Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))), 1e-12, 'sd');
  checkQuantiles(r, 'p', betaPdf(a, b), 0);
  const k = [3, 7, 2];
  const n = [10, 12, 5];
  const r2 = ok(exact('data { int G; array[G] int k; array[G] int n; } parameters { vector<lower=0, upper=1>[G] p; } model { p ~ beta(1, 1); for (g in 1:G) k[g] ~ binomial(n[g], p[g]); }', { G: 3, k, n }));
  for (let g = 0; g < 3; g++) {
    const [a2, b2] = [1 + k[g], 1 + n[g] - k[g]];
    close(r2.parameters[`p[${g + 1}]`].mean, a2 / (a2 + b2), 1e-12, `p[${g + 1}]`);
  }
  checkQuantiles(r2, 'p[2]', betaPdf(8, 6), 0);
  checkDraws(r2, 11);
});

test('Dirichlet–Categorical and Dirichlet–Multinomial', () => {
  const y = [1, 3, 3, 2, 3, 1];
  const r = ok(exact('data { int N; array[N] int y; vector[3] alpha; } parameters { simplex[3] theta; } model { theta ~ dirichlet(alpha); for (n in 1:N) y[n] ~ categorical(theta); }', { N: 6, y, alpha: [1, 2, 0.5] }));
  const post = [1 + 2, 2 + 1, 0.5 + 3];
  const total = post.reduce((s, v) => s + v);
  post.forEach((a, k) => {
    const p = r.parameters[`theta[${k + 1}]`];
    close(p.mean, a / total, 1e-12, `theta[${k + 1}] mean`);
    close(p.sd, Math.sqrt((a * (total - a)) / (total * total * (total + 1))), 1e-12, `theta[${k + 1}] sd`);
  });
  checkQuantiles(r, 'theta[3]', betaPdf(post[2], total - post[2]), 0);
  checkDraws(r, 13);
  const draws = r.draw(10, new Rng(1));
  for (let i = 0; i < 10; i++) close(draws['theta[1]'][i] + draws['theta[2]'][i] + draws['theta[3]'][i], 1, 1e-12, 'simplex draw sums to 1');
  const r2 = ok(exact('data { array[4] int n; } parameters { simplex[4] theta; } model { theta ~ dirichlet(rep_vector(2, 4)); n ~ multinomial(theta); }', { n: [5, 0, 2, 9] }));
  close(r2.parameters['theta[4]'].mean, 11 / 24, 1e-12, 'multinomial theta[4]');
});

test('Normal–inverse-gamma: variance, sd and precision parameterisations give the textbook posterior', () => {
  const y = [2.1, 1.4, 3.3, 2.8, 1.9];
  const [m0, k0, a0, b0] = [1, 0.5, 3, 2];
  const n = y.length;
  const ybar = y.reduce((s, v) => s + v) / n;
  const kn = k0 + n;
  const mn = (k0 * m0 + n * ybar) / kn;
  const an = a0 + n / 2;
  const bn = b0 + 0.5 * y.reduce((s, v) => s + (v - ybar) ** 2, 0) + (k0 * n * (ybar - m0) ** 2) / (2 * kn);
  const nu = 2 * an;
  const scale = Math.sqrt(bn / (an * kn));
  const muSd = scale * Math.sqrt(nu / (nu - 2));
  const data = { N: n, y };
  const variance = ok(exact('data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma2; } model { sigma2 ~ inv_gamma(3, 2); mu ~ normal(1, sqrt(sigma2 / 0.5)); y ~ normal(mu, sqrt(sigma2)); }', data));
  const sdForm = ok(exact('data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma2; } transformed parameters { real<lower=0> sigma = sqrt(sigma2); } model { sigma2 ~ inv_gamma(3, 2); mu ~ normal(1, sigma / sqrt(0.5)); y ~ normal(mu, sigma); }', data));
  const precision = ok(exact('data { int N; vector[N] y; } parameters { real mu; real<lower=0> tau; } model { tau ~ gamma(3, 2); mu ~ normal(1, inv_sqrt(0.5 * tau)); y ~ normal(mu, inv_sqrt(tau)); }', data));
  // sigma itself the parameter, with inv_gamma on sigma^2 and the Jacobian log|d sigma^2 / d sigma| = log(2 sigma)
  const sdParam = ok(exact('data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma; } model { target += inv_gamma_lpdf(square(sigma) | 3, 2) + log(2 * sigma); mu ~ normal(1, sigma * sqrt(2)); y ~ normal(mu, sigma); }', data));
  close(sdParam.parameters.sigma.mean, Math.exp(0.5 * Math.log(bn) + lgammaT(an - 0.5) - lgammaT(an)), 1e-10, 'sigma mean = E[sqrt(v)]');
  assert.match(sdParam.explanation, /sigma is the sd of normal terms/);
  for (const r of [variance, sdForm, precision, sdParam]) {
    close(r.parameters.mu.mean, mn, 1e-12, 'mu mean');
    close(r.parameters.mu.sd, muSd, 1e-12, 'mu sd');
    assert.equal(r.parameters.mu.posterior?.family, 'student_t');
    const t = (x: number) => Math.exp(lgammaT((nu + 1) / 2) - lgammaT(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(scale) - ((nu + 1) / 2) * Math.log1p(((x - mn) / scale) ** 2 / nu));
    checkQuantiles(r, 'mu', t, mn - 400 * scale);
    assert.match(r.explanation, /normal–inverse-gamma/);
  }
  close(variance.parameters.sigma2.mean, bn / (an - 1), 1e-12, 'sigma2 mean');
  close(variance.parameters.sigma2.sd, bn / ((an - 1) * Math.sqrt(an - 2)), 1e-12, 'sigma2 sd');
  checkQuantiles(variance, 'sigma2', (v) => (v <= 0 ? 0 : Math.exp(an * Math.log(bn) - lgammaT(an) - (an + 1) * Math.log(v) - bn / v)), 0);
  // precision tau = 1 / sigma2 ~ gamma(an, bn)
  close(precision.parameters.tau.mean, an / bn, 1e-12, 'tau mean');
  checkQuantiles(precision, 'tau', gammaPdf(an, bn), 0);
  checkDraws(variance, 17);
  checkDraws(precision, 19);
});

test('unknown variance with a known mean (inverse-gamma only) and a flat prior on a normal mean', () => {
  const y = [0.5, -1.2, 2.0, 0.3];
  const r = ok(exact('data { int N; vector[N] y; } parameters { real<lower=0> s2; } model { s2 ~ inv_gamma(2, 1); y ~ normal(0, sqrt(s2)); }', { N: 4, y }));
  const [a, b] = [2 + 2, 1 + 0.5 * y.reduce((s, v) => s + v * v, 0)];
  close(r.parameters.s2.mean, b / (a - 1), 1e-12, 'ig mean');
  const flat = ok(exact('data { int N; vector[N] y; } parameters { real mu; } model { y ~ normal(mu, 2); }', { N: 4, y }));
  close(flat.parameters.mu.mean, y.reduce((s, v) => s + v) / 4, 1e-12, 'flat mean');
  close(flat.parameters.mu.sd, 1, 1e-12, 'flat sd');
  assert.match(flat.explanation, /flat \(improper\) prior/);
});
