// Compiler coverage beyond the basic models: assignment into slices and multi-indexes, densities whose
// argument holds a data matrix times a parameter vector (fused kernel, tape and adjoint code), fused
// density loops, reduce_sum, user _lpdf/_lupdf, vectorised truncation, sum_to_zero_vector, and what is
// reported as not yet supported. Gradients against central finite differences (codegenTestUtil.ts).
import assert from 'node:assert/strict';
import test from 'node:test';
import { compileModel } from '../../src/core/codegen/loadModel';
import { checkGradient, compile, logisticData, point } from './codegenTestUtil';

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

test('value code: matrix * vector in a density argument, every column count 1..9, parameter and data matrices, two call sites', () => {
  const src = `data { int N; int D; matrix[N, D] X; vector[N] y; vector[D] w; }
parameters { real alpha; vector[D] beta; matrix[3, D] B; }
model {
  alpha ~ normal(0, 2); beta ~ normal(0, 1); to_vector(B) ~ normal(0, 1);
  y ~ normal(alpha + X * beta, 1.5);
  y[1:3] ~ normal(B * beta, 2);
  y ~ normal(X * w, 3);
}`;
  for (let D = 1; D <= 9; D++) {
    const data = { ...logisticData(11, D), y: Array.from({ length: 11 }, (_, n) => Math.cos(n)), w: Array.from({ length: D }, (_, d) => 0.3 - d / 7) };
    const m = compile(src, data);
    const th = point(m.dim, D);
    const beta = th.subarray(1, 1 + D), B = th.subarray(1 + D); // B column-major, 3 x D
    const z2 = (x: number, s: number) => -0.5 * (x / s) ** 2; // `~` drops the constants
    let lp = z2(th[0], 2);
    for (const b of beta) lp += z2(b, 1);
    for (const b of B) lp += z2(b, 1);
    for (let n = 0; n < 11; n++) {
      let eta = th[0];
      for (let d = 0; d < D; d++) eta += data.X[n][d] * beta[d];
      lp += z2(data.y[n] - eta, 1.5);
      if (n < 3) {
        let bb = 0;
        for (let d = 0; d < D; d++) bb += B[d * 3 + n] * beta[d];
        lp += z2(data.y[n] - bb, 2);
      }
    }
    // Twice: the second call reuses the call sites' buffers.
    // y ~ normal(X * w, 3) has no parameter: `~` drops it whole.
    for (let k = 0; k < 2; k++) assert.ok(Math.abs(m.logDensity(th) - lp) < 1e-10, `D = ${D}: ${m.logDensity(th)} vs ${lp}`);
    checkGradient(m, th);
  }
  const lpV = (compile(src, { ...logisticData(11, 2), y: Array(11).fill(0), w: [1, 2] }) as unknown as { source: string }).source.split('function lpG')[0];
  assert.doesNotMatch(lpV, /R\.mv\(/);
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

test('a call the compiler cannot differentiate is reported at the call, inside any statement', () => {
  const r = compileModel('parameters { real a; } model { a ~ normal(0, 1);\n  matrix[2, 2] m = rep_matrix(a, 2, 2);\n  m[1] = qr_thin_R(m)[1]; }');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.diagnostics[0].message, /'qr_thin_R' with arguments that depend on parameters is not yet supported/);
  assert.deepEqual([r.diagnostics[0].span.start.line, r.diagnostics[0].span.start.col], [3, 10]);
});

test('gp_exp_quad_cov with a length scale per dimension is reported as not yet supported', () => {
  const r = compileModel('data { array[3] vector[2] x; } parameters { real<lower=0> a; array[2] real<lower=0> l; } model {\n  matrix[3, 3] K = gp_exp_quad_cov(x, a, l); }', { x: [[0, 1], [1, 0], [2, 2]] });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.diagnostics[0].message, /one length scale per dimension is not yet supported/);
  assert.equal(r.diagnostics[0].span.start.line, 2);
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

test('truncation on a vectorised ~ equals the loop of scalar truncated statements', () => {
  const data = { N: 4, y: [0.5, 1.2, 2.5, 0.1], x: [0.3, -0.2, 1, 0.5] };
  const pairs = [
    ['y ~ normal(mu + b * x, sigma) T[0, ];', 'for (n in 1:N) y[n] ~ normal(mu + b * x[n], sigma) T[0, ];'],
    ['y ~ normal(mu, sigma) T[0, 3];', 'for (n in 1:N) y[n] ~ normal(mu, sigma) T[0, 3];'],
    ['y ~ normal(mu + b * x, sigma) T[, 2.6];', 'for (n in 1:N) y[n] ~ normal(mu + b * x[n], sigma) T[, 2.6];'],
  ];
  for (const [vec, loop] of pairs) {
    const m = (stmt: string) =>
      compile(`data { int N; vector[N] y; vector[N] x; } parameters { real mu; real b; real<lower=0> sigma; } model { ${stmt} mu ~ normal(0, 1); b ~ normal(0, 1); sigma ~ exponential(1); }`, data);
    const a = m(vec), b = m(loop);
    for (let s = 1; s <= 2; s++) {
      const th = point(3, s + 50);
      assert.ok(Math.abs(a.logDensity(th) - b.logDensity(th)) < 1e-10, `${vec}: ${a.logDensity(th)} vs ${b.logDensity(th)}`);
      checkGradient(a, th);
    }
  }
  // An element outside the bounds rejects... as the scalar form does (log density -Infinity).
  const out = compile('data { int N; vector[N] y; } parameters { real mu; } model { y ~ normal(mu, 1) T[1, ]; }', { N: 2, y: [2, 0.5] });
  assert.equal(out.logDensity(Float64Array.of(0)), -Infinity);
});

test('sum_to_zero_vector parameters: constrained values sum to zero, unconstrain inverts, gradient exact', () => {
  const m = compile('data { int K; vector[K] y; } parameters { sum_to_zero_vector[K] z; real<lower=0> s; } model { y ~ normal(z, s); z ~ normal(0, 1); s ~ exponential(1); }', { K: 4, y: [1, -0.5, 0.2, 0.1] });
  assert.equal(m.dim, 4);
  const th = point(4, 60);
  const z = m.constrain(th).z as number[];
  assert.equal(z.length, 4);
  assert.ok(Math.abs(z.reduce((a, b) => a + b, 0)) < 1e-12);
  const back = m.unconstrain(m.constrain(th));
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(back[i] - th[i]) < 1e-12);
  checkGradient(m, th);
});

test('an inlined transformed parameter keeps its declared-size check in the tape-free gradient', () => {
  const m = compile('data { int K; vector[3] y; } parameters { vector[3] a; } transformed parameters { vector[K] t = 2 * a; } model { a ~ normal(0, 1); y ~ normal(t, 1); }', { K: 2, y: [1, 2, 3] });
  const th = point(3, 90);
  assert.equal(m.logDensity(th), -Infinity);
  const g = new Float64Array(3);
  assert.equal(m.logDensityGradient(th, g), -Infinity);
  assert.match(m.lastError, /size/);
});
