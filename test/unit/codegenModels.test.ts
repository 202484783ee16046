// Whole-model log density and gradient of compiled Stan programs: against hand-derived formulas and
// against central finite differences of the value-only code at random points.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compileModel, type ModelData } from '../../src/core/codegen/loadModel';
import { loadData } from '../../src/core/data/loadData';
import { analyzeStan } from '../../src/core/stan/analyze';
import type { CompiledModel } from '../../src/core/model/CompiledModel';

export function compile(src: string, data: ModelData = {}): CompiledModel {
  const r = compileModel(src, data);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.model;
}

export function randomPoint(n: number, seed: number, scale = 1): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (s * 48271) % 2147483647;
    return ((s / 2147483647) * 2 - 1) * scale;
  });
}

// Gradient equals central finite differences of logDensity (relative 1e-6), value equals logDensity.
export function checkGradient(m: CompiledModel, theta: Float64Array): void {
  const g = new Float64Array(m.dim);
  const v = m.logDensityGradient(theta, g);
  assert.ok(Number.isFinite(v), `log density not finite: ${v} (${m.lastError})`);
  const v2 = m.logDensity(theta);
  assert.ok(Math.abs(v - v2) <= 1e-12 * Math.max(1, Math.abs(v)), `gradient code value ${v} vs value code ${v2}`);
  for (let i = 0; i < m.dim; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(theta[i]));
    const a = Float64Array.from(theta), b = Float64Array.from(theta);
    a[i] += h;
    b[i] -= h;
    const fd = (m.logDensity(a) - m.logDensity(b)) / (2 * h);
    assert.ok(Math.abs(g[i] - fd) <= 1e-6 * Math.max(1, Math.abs(fd)), `d/d ${m.unconstrainedNames[i]}: ${g[i]} vs finite differences ${fd}`);
  }
}

const close = (a: number, b: number, tol = 1e-10) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

test('normal model: ~ drops constants, target += keeps them, log-Jacobian of sigma included', () => {
  const y = [1.2, -0.3, 2.5, 0.7];
  const tilde = compile(
    'data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma; } model { y ~ normal(mu, sigma); mu ~ normal(0, 10); sigma ~ exponential(1); }',
    { N: 4, y },
  );
  const plus = compile(
    'data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma; } model { target += normal_lpdf(y | mu, sigma); target += normal_lpdf(mu | 0, 10); target += exponential_lpdf(sigma | 1); }',
    { N: 4, y },
  );
  assert.deepEqual(tilde.unconstrainedNames, ['mu', 'sigma']);
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(2, s * 101);
    const [mu, u] = th;
    const sigma = Math.exp(u);
    let lp = -y.length * Math.log(sigma) - (mu * mu) / 200 - sigma + u;
    for (const yi of y) lp -= (0.5 * (yi - mu) ** 2) / sigma ** 2;
    close(tilde.logDensity(th), lp);
    const full = lp - (y.length + 1) * LOG_SQRT_2PI - Math.log(10);
    close(plus.logDensity(th), full);
    close(tilde.logDensity(th, { jacobian: false }), lp - u);
    checkGradient(tilde, th);
    checkGradient(plus, th);
  }
});

const schools = { J: 8, y: [28, 8, -3, 7, -1, 1, 18, 12], sigma: [15, 10, 16, 11, 9, 11, 10, 18] };

test('eight schools, non-centered: value against a hand formula, gradient against finite differences', () => {
  const m = compile(
    `data { int<lower=0> J; array[J] real y; array[J] real<lower=0> sigma; }
     parameters { real mu; real<lower=0> tau; vector[J] theta_tilde; }
     transformed parameters { vector[J] theta = mu + tau * theta_tilde; }
     model { mu ~ normal(0, 5); tau ~ cauchy(0, 5); theta_tilde ~ normal(0, 1); y ~ normal(theta, sigma); }`,
    schools,
  );
  assert.equal(m.dim, 10);
  assert.deepEqual(m.transformedParameterNames.slice(0, 2), ['theta[1]', 'theta[2]']);
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(10, s * 977, 1.5);
    const mu = th[0], tau = Math.exp(th[1]);
    let lp = (-mu * mu) / 50 - Math.log1p((tau * tau) / 25) + th[1];
    for (let j = 0; j < 8; j++) lp += -0.5 * th[2 + j] ** 2 - 0.5 * ((schools.y[j] - mu - tau * th[2 + j]) / schools.sigma[j]) ** 2;
    close(m.logDensity(th), lp);
    checkGradient(m, th);
    const tp = m.transformedParameters(th).theta as number[];
    close(tp[2], mu + tau * th[4]);
  }
});

test('eight schools, centered: value against a hand formula, gradient against finite differences', () => {
  const m = compile(
    `data { int<lower=0> J; array[J] real y; array[J] real<lower=0> sigma; }
     parameters { real mu; real<lower=0> tau; array[J] real theta; }
     model { mu ~ normal(0, 5); tau ~ cauchy(0, 5); theta ~ normal(mu, tau); y ~ normal(theta, sigma); }`,
    schools,
  );
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(10, s * 31, 2);
    const mu = th[0], tau = Math.exp(th[1]);
    let lp = (-mu * mu) / 50 - Math.log1p((tau * tau) / 25) + th[1] - 8 * Math.log(tau);
    for (let j = 0; j < 8; j++) lp += -0.5 * ((th[2 + j] - mu) / tau) ** 2 - 0.5 * ((schools.y[j] - th[2 + j]) / schools.sigma[j]) ** 2;
    close(m.logDensity(th), lp);
    checkGradient(m, th);
  }
});

test('linear regression with a data matrix', () => {
  const N = 6, K = 2;
  const X = [[1, 0.5], [0.2, -1], [-0.7, 0.3], [1.5, 1.1], [0, -0.4], [0.9, 0.8]];
  const y = [1.1, -0.5, 0.2, 2.9, -0.1, 1.7];
  const m = compile(
    `data { int N; int K; matrix[N, K] X; vector[N] y; }
     parameters { real alpha; vector[K] beta; real<lower=0> sigma; }
     model { alpha ~ normal(0, 10); beta ~ normal(0, 5); sigma ~ student_t(3, 0, 2); y ~ normal(X * beta + alpha, sigma); }`,
    { N, K, X, y },
  );
  assert.deepEqual(m.unconstrainedNames, ['alpha', 'beta[1]', 'beta[2]', 'sigma']);
  for (let s = 1; s <= 4; s++) checkGradient(m, randomPoint(4, s * 7));
  const th = Float64Array.from([0.3, 1.0, -0.5, Math.log(0.8)]);
  let lp = -0.09 / 200 - (1 + 0.25) / 50 + Math.log(0.8) - N * Math.log(0.8);
  lp += -2 * Math.log1p(0.64 / 12); // student_t(3, 0, 2) kernel of sigma = 0.8, constants dropped
  for (let n = 0; n < N; n++) lp -= 0.5 * ((y[n] - 0.3 - X[n][0] + 0.5 * X[n][1]) / 0.8) ** 2;
  close(m.logDensity(th), lp);
});

test('logistic regression: value against a hand formula', () => {
  const X = [[1, 2], [0.5, -1], [0.3, 0.2], [-1, 0.4]];
  const y = [1, 0, 1, 1];
  const m = compile(
    `data { int N; int D; matrix[N, D] X; array[N] int<lower=0, upper=1> y; }
     parameters { real alpha; vector[D] beta; }
     model { alpha ~ normal(0, 2); beta ~ normal(0, 1); y ~ bernoulli_logit(alpha + X * beta); }`,
    { N: 4, D: 2, X, y },
  );
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(3, s * 13, 2);
    let lp = -(th[0] ** 2) / 8 - (th[1] ** 2 + th[2] ** 2) / 2;
    for (let n = 0; n < 4; n++) {
      const e = th[0] + X[n][0] * th[1] + X[n][1] * th[2];
      lp += y[n] ? -Math.log1p(Math.exp(-e)) : -Math.log1p(Math.exp(e));
    }
    close(m.logDensity(th), lp);
    checkGradient(m, th);
  }
});

test('a large logistic regression (the tape grows) matches the hand-written gradient', () => {
  const N = 3000, D = 3;
  let seed = 5;
  const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
  const X = Array.from({ length: N }, () => Array.from({ length: D }, rnd));
  const y = X.map((r) => (r[0] + 0.5 * r[1] > 0 ? 1 : 0));
  const m = compile(
    `data { int N; int D; matrix[N, D] X; array[N] int<lower=0, upper=1> y; }
     parameters { real alpha; vector[D] beta; }
     model { alpha ~ normal(0, 2); beta ~ normal(0, 1); y ~ bernoulli_logit(alpha + X * beta); }`,
    { N, D, X, y },
  );
  const th = Float64Array.of(0.2, 0.9, -0.4, 0.3);
  const g = new Float64Array(4);
  const v = m.logDensityGradient(th, g);
  const h = Float64Array.of(-th[0] / 4, -th[1], -th[2], -th[3]);
  let lp = -(th[0] ** 2) / 8 - (th[1] ** 2 + th[2] ** 2 + th[3] ** 2) / 2;
  for (let n = 0; n < N; n++) {
    const e = th[0] + X[n][0] * th[1] + X[n][1] * th[2] + X[n][2] * th[3];
    const p = 1 / (1 + Math.exp(-e));
    lp += y[n] ? Math.log(p) : Math.log1p(-p);
    const r = y[n] - p;
    h[0] += r;
    for (let d = 0; d < D; d++) h[1 + d] += r * X[n][d];
  }
  close(v, lp, 1e-10);
  for (let i = 0; i < 4; i++) close(g[i], h[i], 1e-9);
});

test('data given as JS values are validated by the data loader, with its messages', () => {
  const r = compileModel('data { int N; array[N] real<lower=0> s; } parameters { real mu; } model { mu ~ normal(0, 1); }', { N: 2, s: [1, -1] });
  assert.ok(!r.ok);
  if (!r.ok) assert.equal(r.diagnostics[0].message, "data variable 's': 's[2]' = -1 violates lower=0");
  const missing = compileModel('data { int N; } parameters { real mu; } model { mu ~ normal(0, 1); }', {});
  assert.ok(!missing.ok && /^data variable 'N': missing/.test(missing.diagnostics[0].message));
  const size = compileModel('data { int N; array[N] real y; } parameters { real mu; } model { mu ~ normal(0, 1); }', { N: 3, y: [1, 2] });
  assert.ok(!size.ok && /^data variable 'y': expected array\[3\] real, got 2 elements/.test(size.diagnostics[0].message));
  const special = compile('data { vector[3] v; } parameters { real mu; } model { mu ~ normal(v[1] + v[2], 1); }', { v: [Infinity, -Infinity, NaN] });
  assert.equal(special.logDensity(Float64Array.of(0)), -Infinity);
});

test('data loaded by loadData are used as they are: one validation, the same model', () => {
  const src = 'data { int N; array[N] real<lower=0> s; matrix[2, 3] X; } parameters { real mu; } model { mu ~ normal(s[2] + X[2, 1], X[1, 3]); }';
  const text = '{"N": 2, "s": [1, 0.5], "X": [[1, 2, 3], [4, 5, 6]]}';
  const loaded = loadData(analyzeStan(src).program, text);
  assert.equal(loaded.diagnostics.length, 0);
  const fromLoaded = compile(src, loaded.values);
  const fromJson = compile(src, JSON.parse(text));
  const th = Float64Array.of(0.7);
  assert.equal(fromLoaded.logDensity(th), fromJson.logDensity(th));
  assert.ok(Math.abs(fromLoaded.logDensity(th) - (-0.5 * ((0.7 - 4.5) / 3) ** 2)) < 1e-12);
  // Values loaded for another program are refused by name, not misread.
  const other = loadData(analyzeStan('data { int N; array[N] real s; matrix[3, 2] X; }').program, '{"N": 2, "s": [1, 0.5], "X": [[1, 2], [3, 4], [5, 6]]}');
  const r = compileModel(src, other.values);
  assert.ok(!r.ok && /data variable 'X': expected sizes \[2, 3\], got \[3, 2\]/.test(r.diagnostics[0].message));
});

test('simplex parameter: stick-breaking layout, round trip, gradient', () => {
  const m = compile(
    `data { array[4] int counts; vector<lower=0>[4] alpha; }
     parameters { simplex[4] p; }
     model { p ~ dirichlet(alpha); for (k in 1:4) target += counts[k] * log(p[k]); }`,
    { counts: [3, 0, 5, 2], alpha: [1, 2, 1.5, 1] },
  );
  assert.equal(m.dim, 3);
  assert.deepEqual(m.parameterNames, ['p[1]', 'p[2]', 'p[3]', 'p[4]']);
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(3, s * 19, 2);
    const p = m.constrain(th).p as number[];
    close(p.reduce((a, b) => a + b, 0), 1, 1e-14);
    const back = m.unconstrain({ p });
    for (let i = 0; i < 3; i++) close(back[i], th[i], 1e-9);
    checkGradient(m, th);
  }
  // Stick-breaking at theta = 0: the break proportions are inv_logit(-log(K - k)) = 1/(K - k + 1), so p is uniform.
  const p0 = m.constrain(new Float64Array(3)).p as number[];
  for (const v of p0) close(v, 0.25, 1e-14);
});

test('cholesky_factor_corr parameter with lkj_corr_cholesky and multi_normal_cholesky', () => {
  const y = [[0.5, -1.2, 0.3], [1.1, 0.2, -0.4], [-0.3, 0.8, 1.5], [0.0, -0.5, 0.2]];
  const m = compile(
    `data { int N; array[N] vector[3] y; }
     parameters { cholesky_factor_corr[3] L; vector<lower=0>[3] s; vector[3] mu; }
     model {
       L ~ lkj_corr_cholesky(2);
       s ~ cauchy(0, 2.5);
       mu ~ normal(0, 3);
       for (n in 1:N) y[n] ~ multi_normal_cholesky(mu, diag_pre_multiply(s, L));
     }`,
    { N: 4, y },
  );
  assert.equal(m.dim, 3 + 3 + 3);
  assert.deepEqual(m.parameterNames.slice(0, 4), ['L[1,1]', 'L[2,1]', 'L[3,1]', 'L[1,2]']);
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(9, s * 23);
    checkGradient(m, th);
    const L = m.constrain(th).L as number[][];
    for (const row of L) close(row.reduce((a, b) => a + b * b, 0), 1, 1e-12);
    const back = m.unconstrain(m.constrain(th));
    for (let i = 0; i < 9; i++) close(back[i], th[i], 1e-9);
  }
});

test('user-defined functions, while/if/break/continue, foreach, local variables', () => {
  const src = `
    functions {
      real sq_sum(vector x, real c) {
        real s = 0;
        for (i in 1:num_elements(x)) s += square(x[i] - c);
        return s;
      }
      real my_lpdf(real y, real m) { return -0.5 * square(y - m); }
      int twice(int k) { return 2 * k; }
    }
    data { int N; array[N] real y; }
    parameters { real m; vector[3] v; }
    model {
      int k = 0;
      real acc;
      acc = 0;
      while (k < 3) {
        k += 1;
        if (k == 2) continue;
        acc += -0.1 * v[k]^2;
      }
      target += acc;
      target += -sq_sum(v, m);
      for (n in 1:N) {
        if (n > twice(2)) break;
        y[n] ~ my(m);
      }
      for (yn in y) target += -0.01 * (yn - m)^2;
    }`;
  const y = [0.5, 1.5, -0.2, 0.9, 3.0, 2.2];
  const m = compile(src, { N: 6, y });
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(4, s * 29, 2);
    const [mu, v1, v2, v3] = th;
    let lp = -0.1 * v1 * v1 - 0.1 * v3 * v3 - ((v1 - mu) ** 2 + (v2 - mu) ** 2 + (v3 - mu) ** 2);
    for (let n = 0; n < 4; n++) lp += -0.5 * (y[n] - mu) ** 2;
    for (const yn of y) lp += -0.01 * (yn - mu) ** 2;
    close(m.logDensity(th), lp);
    checkGradient(m, th);
  }
});

test('run-time errors reject the point with a message, never crash', () => {
  const m = compile(
    `data { int N; array[N] real y; int idx; }
     parameters { real mu; }
     model {
       if (mu > 5) reject("mu too large: ", mu);
       y[idx] ~ normal(mu, 1);
     }`,
    { N: 3, y: [1, 2, 3], idx: 4 },
  );
  const g = new Float64Array(1);
  assert.equal(m.logDensity(Float64Array.of(0)), -Infinity);
  assert.match(m.lastError, /Index 4 out of range for 'y'.*between 1 and 3/);
  assert.equal(m.logDensityGradient(Float64Array.of(6), g), -Infinity);
  assert.match(m.lastError, /mu too large: 6/);
  assert.ok(Number.isNaN(g[0]));
  const bad = compile('parameters { real mu; } model { mu ~ normal(0, -1); }');
  assert.equal(bad.logDensity(Float64Array.of(0)), -Infinity);
  assert.match(bad.lastError, /normal_lpdf: Scale parameter is -1/);
});

test('transformed parameters and generated quantities: names in Stan order, _rng draws, matrices column-major', () => {
  const m = compile(`
    parameters { real<lower=0> s; }
    transformed parameters { real s2 = square(s); }
    generated quantities {
      matrix[2, 3] M;
      array[2] real draws;
      for (i in 1:2) for (j in 1:3) M[i, j] = 10 * i + j;
      for (i in 1:2) draws[i] = normal_rng(0, s);
    }`);
  assert.deepEqual(m.parameterNames, ['s']);
  assert.deepEqual(m.transformedParameterNames, ['s2']);
  assert.deepEqual(m.generatedQuantityNames, ['M[1,1]', 'M[2,1]', 'M[1,2]', 'M[2,2]', 'M[1,3]', 'M[2,3]', 'draws[1]', 'draws[2]']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Rng } = require('../../src/core/infer/rng');
  const row = m.writeArray(Float64Array.of(Math.log(2)), new Rng(1));
  assert.deepEqual(Array.from(row.slice(0, 8)), [2, 4, 11, 21, 12, 22, 13, 23]);
  assert.ok(Number.isFinite(row[8]) && Number.isFinite(row[9]) && row[8] !== row[9]);
});

test('bounds that depend on parameters: offset/multiplier and lower bounds, round trip and gradient', () => {
  const m = compile(
    `data { int<lower=0> J; array[J] real y; array[J] real<lower=0> sigma; }
     parameters { real mu; real<lower=0> tau; vector<offset=mu, multiplier=tau>[J] theta; real<lower=mu> z; real<lower=-1, upper=tau> w; }
     model { mu ~ normal(0, 5); tau ~ cauchy(0, 5); theta ~ normal(mu, tau); y ~ normal(theta, sigma); z ~ normal(0, 3); w ~ normal(0, 1); }`,
    schools,
  );
  assert.equal(m.dim, 12);
  for (let s = 1; s <= 3; s++) {
    const th = randomPoint(12, s * 211);
    checkGradient(m, th);
    const c = m.constrain(th);
    const mu = th[0], tau = Math.exp(th[1]);
    close((c.theta as number[])[3], mu + tau * th[5]);
    close(c.z as number, mu + Math.exp(th[10]));
    assert.ok((c.w as number) > -1 && (c.w as number) < tau);
    const back = m.unconstrain(c);
    for (let i = 0; i < 12; i++) close(back[i], th[i], 1e-9);
    // With the non-centred parameterization the log density equals the centred one plus log|J| = J log tau.
    let lp = (-mu * mu) / 50 - Math.log1p((tau * tau) / 25) + th[1] - 8 * Math.log(tau) + 8 * Math.log(tau);
    for (let j = 0; j < 8; j++) lp += -0.5 * th[2 + j] ** 2 - 0.5 * ((schools.y[j] - mu - tau * th[2 + j]) / schools.sigma[j]) ** 2;
    const z = c.z as number, w = c.w as number;
    lp += -(z * z) / 18 + th[10] - (w * w) / 2 + Math.log(tau + 1) - Math.abs(th[11]) - 2 * Math.log1p(Math.exp(-Math.abs(th[11])));
    close(m.logDensity(th), lp);
  }
});

test('straight-line models get tape-free adjoint code; it agrees with finite differences and with the tape', () => {
  const body = `
    real s = a * 2 + exp(a);
    vector[3] w = log(v) .* v - a;
    target += -0.5 * s^2;
    w ~ normal(0, 2);
    v ~ exponential(1);
    a ~ std_normal();`;
  const straight = compile(`parameters { real a; vector<lower=0>[3] v; } model { ${body} }`);
  assert.ok(!/T\.reset/.test(straight.source.slice(straight.source.indexOf('function lpG'))), 'expected adjoint code');
  // The same model behind a loop of one iteration is not straight-line: it uses the tape.
  const taped = compile(`parameters { real a; vector<lower=0>[3] v; } model { for (k in 1:1) { ${body} } }`);
  assert.ok(/T\.reset/.test(taped.source.slice(taped.source.indexOf('function lpG'))), 'expected tape code');
  for (let s = 1; s <= 4; s++) {
    const th = randomPoint(4, s * 53);
    checkGradient(straight, th);
    const g1 = new Float64Array(4), g2 = new Float64Array(4);
    close(straight.logDensityGradient(th, g1), taped.logDensityGradient(th, g2), 1e-13);
    for (let i = 0; i < 4; i++) close(g1[i], g2[i], 1e-12);
  }
});

test('categorical densities, container functions and multivariate rng in generated quantities', () => {
  const m = compile(
    `data { int N; array[N] int y; }
     parameters { simplex[3] p; vector[3] b; }
     model { y ~ categorical(p); y ~ categorical_logit(b); b ~ normal(0, 1); }
     generated quantities {
       int c = categorical_rng(p);
       matrix[3, 2] M = append_col(b, b);
       matrix[2, 3] Rw = rep_matrix(b', 2);
       vector[3] z = multi_normal_cholesky_rng(b, diag_matrix(rep_vector(1, 3)));
       array[3] int idx = sort_indices_desc(b);
     }`,
    { N: 5, y: [1, 3, 3, 2, 3] },
  );
  for (let s = 1; s <= 3; s++) {
    const th = randomPoint(5, s * 61);
    checkGradient(m, th);
    const c = m.constrain(th);
    const p = c.p as number[], b = c.b as number[];
    const lse = Math.log(b.reduce((a, x) => a + Math.exp(x), 0));
    let lp = 0;
    for (const yi of [1, 3, 3, 2, 3]) lp += Math.log(p[yi - 1]) + b[yi - 1] - lse;
    lp -= 0.5 * b.reduce((a, x) => a + x * x, 0);
    // plus the simplex log-Jacobian: compare differences between two points instead
    const th2 = Float64Array.from(th);
    th2[2] += 0.3; // moves b[1] only
    const b2 = m.constrain(th2).b as number[];
    const lse2 = Math.log(b2.reduce((a, x) => a + Math.exp(x), 0));
    let lp2 = 0;
    for (const yi of [1, 3, 3, 2, 3]) lp2 += Math.log(p[yi - 1]) + b2[yi - 1] - lse2;
    lp2 -= 0.5 * b2.reduce((a, x) => a + x * x, 0);
    close(m.logDensity(th2) - m.logDensity(th), lp2 - lp, 1e-10);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Rng } = require('../../src/core/infer/rng');
  const th = randomPoint(5, 7);
  const gq = m.generatedQuantities(th, new Rng(3));
  const b = m.constrain(th).b as number[];
  assert.ok([1, 2, 3].includes(gq.c as number));
  assert.deepEqual((gq.M as number[][]).map((r) => r[1]), b);
  assert.deepEqual(gq.Rw as number[][], [b, b]);
  const order = [0, 1, 2].sort((i, j) => b[j] - b[i]).map((i) => i + 1);
  assert.deepEqual(gq.idx, order);
  assert.equal((gq.z as number[]).length, 3);
});

test('Gaussian process regression: gp_exp_quad_cov, cholesky_decompose, multi_normal_cholesky', () => {
  const x = [-1.5, -0.4, 0.3, 1.1, 2.0];
  const y = [0.2, -0.1, 0.5, 0.9, 0.4];
  const m = compile(
    `data { int N; array[N] real x; vector[N] y; }
     parameters { real<lower=0> rho; real<lower=0> alpha; real<lower=0> sigma; }
     model {
       matrix[N, N] K = gp_exp_quad_cov(x, alpha, rho);
       matrix[N, N] L = cholesky_decompose(add_diag(K, square(sigma)));
       rho ~ normal(0, 2); alpha ~ normal(0, 1); sigma ~ normal(0, 1);
       y ~ multi_normal_cholesky(rep_vector(0, N), L);
     }`,
    { N: 5, x, y },
  );
  for (let s = 1; s <= 3; s++) checkGradient(m, randomPoint(3, s * 71));
});

test('censored data: vectorised lccdf in target += , against finite differences', () => {
  const m = compile(
    `data { int N; vector<lower=0>[N] t; int M; vector<lower=0>[M] tc; }
     parameters { real<lower=0> alpha; real<lower=0> sigma; }
     model { alpha ~ normal(1, 1); sigma ~ normal(2, 1); t ~ weibull(alpha, sigma); target += weibull_lccdf(tc | alpha, sigma); target += normal_lcdf(1.5 | alpha, sigma); }`,
    { N: 4, t: [0.5, 1.2, 2.2, 0.9], M: 3, tc: [2.5, 3.0, 1.7] },
  );
  for (let s = 1; s <= 3; s++) {
    const th = randomPoint(2, s * 83, 0.5);
    checkGradient(m, th);
    const alpha = Math.exp(th[0]), sigma = Math.exp(th[1]);
    const base = m.logDensity(th);
    const cens = [2.5, 3.0, 1.7].reduce((a, x) => a - Math.pow(x / sigma, alpha), 0);
    // only the censored terms change when tc changes: compare against a model without them
    const m2 = compile(
      `data { int N; vector<lower=0>[N] t; } parameters { real<lower=0> alpha; real<lower=0> sigma; }
       model { alpha ~ normal(1, 1); sigma ~ normal(2, 1); t ~ weibull(alpha, sigma); target += normal_lcdf(1.5 | alpha, sigma); }`,
      { N: 4, t: [0.5, 1.2, 2.2, 0.9] },
    );
    close(base - m2.logDensity(th), cens, 1e-10);
  }
});
