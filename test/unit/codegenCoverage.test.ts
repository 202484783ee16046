// Compiler coverage beyond the basic models: assignment into slices and multi-indexes, densities whose
// argument holds a data matrix times a parameter vector (fused kernel, tape and adjoint code), fused
// density loops, and what is reported as not yet supported. Gradients against central finite differences.
import assert from 'node:assert/strict';
import test from 'node:test';
import { compileModel } from '../../src/core/codegen/loadModel';
import type { CompiledModel } from '../../src/core/model/CompiledModel';

function compile(src: string, data: Record<string, unknown> = {}): CompiledModel {
  const r = compileModel(src, data);
  if (!r.ok) assert.fail(JSON.stringify(r.diagnostics));
  return r.model;
}

function point(n: number, seed: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.sin(seed * 7.3 + i * 1.7) * 0.8);
}

function checkGradient(m: CompiledModel, th: Float64Array): void {
  const g = new Float64Array(m.dim);
  const lp = m.logDensityGradient(th, g);
  assert.ok(Number.isFinite(lp), `log density ${lp}: ${m.lastError}`);
  assert.ok(Math.abs(lp - m.logDensity(th)) <= 1e-10 * Math.max(1, Math.abs(lp)), 'gradient code and value code agree');
  for (let i = 0; i < m.dim; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(th[i]));
    const a = Float64Array.from(th), b = Float64Array.from(th);
    a[i] += h;
    b[i] -= h;
    const fd = (m.logDensity(a) - m.logDensity(b)) / (2 * h);
    assert.ok(Math.abs(fd - g[i]) <= 1e-5 * Math.max(1, Math.abs(fd)), `coordinate ${i} (${m.unconstrainedNames[i]}): ${g[i]} vs finite difference ${fd}`);
  }
}

test('assignment into ranges, multi-indexes and matrix slices, in value and gradient code', () => {
  const m = compile(
    `data { int N; vector[N] y; array[2] int idx; }
parameters { vector[3] a; real b; }
model {
  vector[N] mu = rep_vector(0, N);
  matrix[2, 3] M = rep_matrix(0, 2, 3);
  array[2] vector[3] arr;
  mu[1:3] = a;
  mu[idx] = mu[idx] + b;
  mu[4:N] += 2 * b;
  M[1, :] = a';
  M[2, 2:3] = [b, -b];
  M[:, 1] = [a[2], b]';
  arr[1] = a;
  arr[2][2:3] = a[1:2];
  arr[2][1] = b;
  y ~ normal(mu, 1);
  to_vector(M) ~ normal(0, 2);
  arr[2] ~ normal(arr[1], 3);
  a ~ normal(0, 1);
  b ~ normal(0, 1);
}`,
    { N: 5, y: [0.5, -1, 2, 0.3, 1.1], idx: [2, 5] },
  );
  const th = point(4, 1);
  const [a1, a2, a3, b] = th;
  // The same density by hand.
  const mu = [a1, a2 + b, a3, 2 * b, b + 2 * b];
  const y = [0.5, -1, 2, 0.3, 1.1];
  let lp = 0;
  for (let i = 0; i < 5; i++) lp -= 0.5 * (y[i] - mu[i]) ** 2;
  const M = [a2, b, a2, b, a3, -b]; // column-major [[a2, a2, a3], [b, b, -b]]
  for (const x of M) lp -= 0.5 * (x / 2) ** 2;
  const arr2 = [b, a1, a2], arr1 = [a1, a2, a3];
  for (let i = 0; i < 3; i++) lp -= 0.5 * ((arr2[i] - arr1[i]) / 3) ** 2;
  lp -= 0.5 * (a1 * a1 + a2 * a2 + a3 * a3 + b * b);
  assert.ok(Math.abs(m.logDensity(th) - lp) < 1e-10, `${m.logDensity(th)} vs ${lp}`);
  checkGradient(m, th);
});

test('slice assignment checks sizes and index ranges (the point is rejected with a message)', () => {
  const m = compile('data { int k; } parameters { real b; } model { vector[3] v = rep_vector(0, 3); v[2:k] = rep_vector(b, 2); b ~ normal(0, 1); }', { k: 4 });
  assert.equal(m.logDensity(Float64Array.of(0.1)), -Infinity);
  assert.match(m.lastError, /v/);
});

const logistic = `data { int<lower=0> N; int<lower=0> D; matrix[N, D] X; array[N] int<lower=0, upper=1> y; }
parameters { real alpha; vector[D] beta; }
model { alpha ~ normal(0, 2); beta ~ normal(0, 1); y ~ bernoulli_logit(alpha + X * beta); }`;

function logisticData(N: number, D: number) {
  const X = Array.from({ length: N }, (_, n) => Array.from({ length: D }, (_, d) => Math.sin(n * 1.3 + d * 2.1)));
  const y = X.map((_, n) => (Math.cos(n * 0.7) > 0 ? 1 : 0));
  return { N, D, X, y };
}

test('a density of alpha + X * beta (data X): fused matrix-vector kernel, adjoint code, against a hand formula', () => {
  const data = logisticData(30, 4);
  const m = compile(logistic, data);
  assert.match((m as unknown as { source: string }).source, /R\.mvf\.mvInto/);
  const th = point(5, 2);
  let lp = -(th[0] * th[0]) / 8;
  for (let d = 0; d < 4; d++) lp -= 0.5 * th[1 + d] ** 2;
  for (let n = 0; n < 30; n++) {
    let eta = th[0];
    for (let d = 0; d < 4; d++) eta += data.X[n][d] * th[1 + d];
    lp += data.y[n] === 1 ? -Math.log1p(Math.exp(-eta)) : -Math.log1p(Math.exp(eta));
  }
  assert.ok(Math.abs(m.logDensity(th) - lp) < 1e-9);
  checkGradient(m, th);
});

test('the fused matrix-vector kernel in tape code (a model with a loop) and with a parameter-dependent scale', () => {
  const data = { ...logisticData(25, 3), K: 3 };
  const m = compile(
    `data { int N; int D; matrix[N, D] X; array[N] int y; int K; }
parameters { real alpha; vector[D] beta; real<lower=0> s; }
model {
  for (k in 1:K) beta[k] ~ normal(0, s);
  s ~ exponential(1);
  y ~ bernoulli_logit(alpha + X * beta);
  target += normal_lpdf(to_vector(y) | s * (X * beta), 2);
}`,
    data,
  );
  for (let s = 1; s <= 3; s++) checkGradient(m, point(m.dim, s + 10));
});

test('densities over vectors of different lengths in one straight-line model (fused loops fall back)', () => {
  const m = compile(
    `data { int N; int M; vector[N] y; vector[M] z; }
parameters { real mu; vector[N] a; vector[M] b; }
model { a ~ normal(mu, 1); b ~ normal(0, 2); y ~ normal(a, 1); z ~ normal(b + mu, 1); mu ~ normal(0, 1); }`,
    { N: 3, M: 4, y: [1, 2, 3], z: [0.5, 0.1, -1, 2] },
  );
  checkGradient(m, point(m.dim, 3));
  const m2 = compile(
    `data { int N; vector[N] y; }
parameters { real mu; vector[N] a; }
transformed parameters { vector[N] t = mu + 2 * a; }
model { a ~ normal(0, 1); y ~ normal(t, 1); y ~ normal(t .* t, 2); mu ~ normal(0, 1); }`,
    { N: 3, y: [1, 2, 3] },
  );
  checkGradient(m2, point(m2.dim, 4));
  // The transformed parameter is still written out.
  assert.deepEqual(m2.transformedParameterNames, ['t[1]', 't[2]', 't[3]']);
});

test('an ODE solver is reported as not yet supported, naming the call and its position', () => {
  const src = `functions { vector rhs(real t, vector y, real k) { return -k * y; } }
data { int T; array[T] real ts; vector[1] y0; }
parameters { real<lower=0> k; }
model {
  array[T] vector[1] yhat = ode_rk45(rhs, y0, 0.0, ts, k);
  k ~ normal(0, 1);
}`;
  const r = compileModel(src, { T: 2, ts: [1, 2], y0: [1] });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.diagnostics[0].message, /'ode_rk45' is not yet supported/);
  assert.equal(r.diagnostics[0].span.start.line, 5);
});

test('GLM densities equal their elementwise forms (value, with and without constants) and have exact gradients', () => {
  const base = logisticData(12, 3);
  const counts = base.X.map((_, n) => (n * 7) % 5);
  const yr = base.X.map((_, n) => Math.sin(n) * 2);
  const cases = [
    ['bernoulli_logit_glm(X, alpha, beta)', 'bernoulli_logit(alpha + X * beta)', 'array[N] int y;', base.y],
    ['poisson_log_glm(X, alpha, beta)', 'poisson_log(alpha + X * beta)', 'array[N] int y;', counts],
    ['normal_id_glm(X, alpha, beta, sigma)', 'normal(alpha + X * beta, sigma)', 'vector[N] y;', yr],
  ] as const;
  for (const [glm, plain, ydecl, y] of cases) {
    for (const form of ['~', 'target']) {
      const model = (d: string) => {
        const [fam, args] = [d.slice(0, d.indexOf('(')), d.slice(d.indexOf('(') + 1, -1)];
        const stmt = form === '~' ? `y ~ ${d};` : `target += ${fam}_${fam === 'normal' || fam === 'normal_id_glm' ? 'lpdf' : 'lpmf'}(y | ${args});`;
        return `data { int N; int D; matrix[N, D] X; ${ydecl} }
parameters { real alpha; vector[D] beta; real<lower=0> sigma; }
model { alpha ~ normal(0, 1); beta ~ normal(0, 1); sigma ~ exponential(1); ${stmt} }`;
      };
      const a = compile(model(glm), { ...base, y });
      const b = compile(model(plain), { ...base, y });
      for (let s = 1; s <= 2; s++) {
        const th = point(a.dim, s + 20);
        const va = a.logDensity(th), vb = b.logDensity(th);
        assert.ok(Math.abs(va - vb) <= 1e-9 * Math.max(1, Math.abs(vb)), `${glm} (${form}): ${va} vs ${vb}`);
        checkGradient(a, th);
      }
    }
  }
});

test('lkj_corr_cholesky keeps its normalising constant (target +=, eta data or a parameter)', () => {
  // lkj_corr_cholesky_lpdf(L | eta) = lkj_corr_lpdf(L L' | eta) + sum_{k>=2} (K - k) log L[k,k] (the
  // Jacobian of L -> L L'), which checks the constant against the lkj_corr kernel.
  const src = (eta: string, decl: string) => `data { int K; }
parameters { cholesky_factor_corr[K] L; ${decl} }
model {
  target += lkj_corr_cholesky_lpdf(L | ${eta});
  target += -lkj_corr_lpdf(multiply_lower_tri_self_transpose(L) | ${eta});
  for (k in 2:K) target += -(K - k) * log(L[k, k]);
}`;
  const fixed = compile(src('1.7', ''), { K: 3 });
  const th = point(fixed.dim, 30);
  // What is left is the log-Jacobian of the cholesky_factor_corr transform only: compare with the
  // same model with jacobian off (0) and the transform's log-Jacobian alone.
  const jac = compile('data { int K; } parameters { cholesky_factor_corr[K] L; } model { }', { K: 3 });
  assert.ok(Math.abs(fixed.logDensity(th, { jacobian: false })) < 1e-10, `${fixed.logDensity(th, { jacobian: false })}`);
  assert.ok(Math.abs(fixed.logDensity(th) - jac.logDensity(th)) < 1e-10);
  const free = compile(src('eta', 'real<lower=0> eta;'), { K: 3 });
  const th2 = point(free.dim, 31);
  assert.ok(Math.abs(free.logDensity(th2, { jacobian: false })) < 1e-10);
  const withPrior = compile('data { int K; } parameters { cholesky_factor_corr[K] L; real<lower=0> eta; } model { eta ~ gamma(2, 1); target += lkj_corr_cholesky_lpdf(L | eta); L ~ lkj_corr_cholesky(eta); }', { K: 4 });
  for (let s = 0; s < 3; s++) checkGradient(withPrior, point(withPrior.dim, 32 + s));
});

test('reduce_sum is the partial-sum function over the whole slice (same value and gradient)', () => {
  const data = { N: 5, y: [1, 0, 3, 2, 4], x: [0.1, -0.4, 0.8, 0.3, -1] };
  const direct = compile(
    `data { int N; array[N] int y; vector[N] x; } parameters { real a; real b; }
model { target += poisson_log_lpmf(y | a + b * x); a ~ normal(0, 1); b ~ normal(0, 1); }`,
    data,
  );
  for (const call of ['reduce_sum(partial_lpmf, y, 1, a, b, x)', 'reduce_sum_static(partial_lpmf, y, 2, a, b, x)']) {
    const viaReduce = compile(
      `functions {
  real partial_lpmf(array[] int slice, int start, int end, real a, real b, vector x) {
    return poisson_log_lpmf(slice | a + b * x[start:end]);
  }
}
data { int N; array[N] int y; vector[N] x; } parameters { real a; real b; }
model { target += ${call}; a ~ normal(0, 1); b ~ normal(0, 1); }`,
      data,
    );
    const th = point(2, 40);
    assert.ok(Math.abs(viaReduce.logDensity(th) - direct.logDensity(th)) < 1e-10);
    checkGradient(viaReduce, th);
  }
});

test('a user _lpdf called as _lupdf or through ~ drops the constants of the _lupdf calls in its body', () => {
  const fns = 'functions { real foo_lpdf(real y, real mu) { return normal_lupdf(y | mu, 1); } }';
  const keep = compile(`${fns} parameters { real mu; } model { target += foo_lpdf(mu | 0.5); }`);
  const dropT = compile(`${fns} parameters { real mu; } model { mu ~ foo(0.5); }`);
  const dropU = compile(`${fns} parameters { real mu; } model { target += foo_lupdf(mu | 0.5); }`);
  const th = Float64Array.of(0.3);
  const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  const kernel = -0.5 * (0.3 - 0.5) ** 2;
  assert.ok(Math.abs(keep.logDensity(th) - (kernel - LOG_SQRT_2PI)) < 1e-12);
  assert.ok(Math.abs(dropT.logDensity(th) - kernel) < 1e-12);
  assert.ok(Math.abs(dropU.logDensity(th) - kernel) < 1e-12);
  checkGradient(dropT, th);
});
