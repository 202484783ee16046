// The semantic checker on small programs: expression types, autodiff levels, indexing, block rules,
// and realistic programs that must check cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStan } from '../../src/core/stan/analyze';
import type { Expr } from '../../src/core/stan/ast';
import { typeToString } from '../../src/core/stan/types';

function errorsOf(src: string): string[] {
  return analyzeStan(src)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.span.start.line}:${d.span.start.col}: ${d.message}`);
}

// The type and autodiff level of the (first, outermost) expression whose source text is `text`.
function typeOf(src: string, text: string): string {
  const r = analyzeStan(src);
  assert.deepEqual(errorsOf(src), []);
  let found: { e: Expr; len: number } | undefined;
  for (const [e, info] of r.check.exprTypes) {
    if (src.slice(e.span.start.offset, e.span.end.offset) === text) {
      const len = e.span.end.offset - e.span.start.offset;
      if (!found || e.span.start.offset < found.e.span.start.offset || len > found.len) found = { e, len };
      void info;
    }
  }
  assert.ok(found, `no expression '${text}'`);
  const info = r.check.exprTypes.get(found.e)!;
  return `${typeToString(info.type)} ${info.ad}`;
}

const header = `data {
  int N;
  int K;
  vector[N] y;
  matrix[N, K] X;
  array[N] int idx;
  array[N, K] real a2;
  array[N] vector[K] av;
}
parameters {
  real mu;
  vector[K] beta;
  matrix[K, K] L;
}
`;

test('expression types and autodiff levels', () => {
  const src = header + `model {
  vector[N] eta = X * beta;
  real s = mu * 2;
  int n2 = N * 2;
  real r = N / 2.0;
  row_vector[K] xr = X[1];
  vector[N] xc = X[:, 2];
  vector[N] xs = X[idx, 2];
  matrix[N, K] xm = X[idx];
  real e = av[1, 2];
  array[N] real col2 = a2[:, 2];
  array[N] real col3 = a2[idx, 3];
  vector[K] lb = L' * beta;
  y ~ normal(eta, 1);
}
generated quantities {
  real g = mu * 2;
}
`;
  assert.equal(typeOf(src, 'X * beta'), 'vector param');
  assert.equal(typeOf(src, 'mu * 2'), 'real param');
  assert.equal(typeOf(src, 'N * 2'), 'int data');
  assert.equal(typeOf(src, 'N / 2.0'), 'real data');
  assert.equal(typeOf(src, 'X[1]'), 'row_vector data');
  assert.equal(typeOf(src, 'X[:, 2]'), 'vector data');
  assert.equal(typeOf(src, 'X[idx, 2]'), 'vector data');
  assert.equal(typeOf(src, 'X[idx]'), 'matrix data');
  assert.equal(typeOf(src, 'av[1, 2]'), 'real data');
  assert.equal(typeOf(src, 'a2[:, 2]'), 'array[] real data');
  assert.equal(typeOf(src, 'a2[idx, 3]'), 'array[] real data');
  assert.equal(typeOf(src, "L'"), 'matrix param');
  // generated quantities compute on plain numbers
  assert.ok(analyzeStan(src).check.exprTypes.size > 20);
});

test('int / int warns, and the warning is not an error', () => {
  const d = analyzeStan('data { int N; }\ntransformed data { int h = N / 2; }\n').diagnostics;
  assert.equal(d.length, 1);
  assert.equal(d[0].code, 'int-division');
  assert.equal(d[0].severity, 'warning');
});

test('an undefined identifier is reported once and does not cascade', () => {
  const errs = errorsOf(header + 'model {\n  y ~ normal(mu + sigma * 2, sigma);\n  target += sigma;\n}\n');
  assert.deepEqual(errs, ["16:19: Identifier 'sigma' not in scope."]);
});

test('Did you mean suggestions for variables, functions and distributions', () => {
  const errs = errorsOf(header + 'model {\n  y ~ normal(muu, 1);\n  beta ~ nromal(0, 1);\n  target += expp(mu);\n}\n');
  assert.deepEqual(errs, [
    "16:14: Identifier 'muu' not in scope. Did you mean 'mu'?",
    "17:10: Distribution 'nromal' is not defined. Did you mean 'normal'?",
    "18:13: Function 'expp' is not defined. Did you mean 'exp'?",
  ]);
});

test('a wrong call lists the available signatures', () => {
  const [e] = errorsOf(header + 'model {\n  target += normal_lpdf(X | mu, 1);\n}\n');
  assert.match(e, /No matching signature for normal_lpdf\(matrix, real, int\)\. Available signatures: normal_lpdf\(reals, reals, reals\) => real/);
});

test('block rules for target, ~, _rng and _lp', () => {
  const src = `functions {
  real f_lp(real x) { target += x; return x; }
  real g_rng() { return normal_rng(0, 1); }
  real h(real x) { return normal_rng(x, 1); }
}
parameters { real mu; }
transformed parameters { real t = f_lp(mu); real tt = target(); }
model { mu ~ normal(0, 1); }
generated quantities { real z = g_rng(); real w = f_lp(1.0); }
`;
  const errs = errorsOf(src);
  assert.equal(errs.length, 2, errs.join('\n'));
  assert.match(errs[0], /^4:.*normal_rng/);
  assert.match(errs[1], /^9:.*f_lp/);
});

test('higher-order functions check the function they are given', () => {
  const ok = `functions {
  vector sho(real t, vector y, real theta) { return [y[2], -y[1] - theta * y[2]]'; }
  real partial_lpmf(array[] int slice, int start, int end, vector lambda) {
    return poisson_lupmf(slice | lambda[start:end]);
  }
  vector algebra(vector y, vector theta, data array[] real x_r, array[] int x_i) { return y - theta; }
  vector newton(vector y, real c) { return y - c; }
  real integrand(real x, real xc, array[] real theta, array[] real x_r, array[] int x_i) { return exp(-x * theta[1]); }
  vector job(vector phi, vector theta, data array[] real x_r, data array[] int x_i) { return [normal_lpdf(x_r[1] | theta[1], phi[1])]'; }
}
data { int N; array[N] int y; array[3] real ts; array[2, 1] real xr; array[2, 0] int xi; }
transformed data { array[0] real x_r; array[0] int x_i; }
parameters { real<lower=0> theta; vector<lower=0>[N] lambda; vector[2] th; vector[1] phi; array[2] vector[1] thetas; }
model {
  array[3] vector[2] z = ode_rk45(sho, [1, 0]', 0, ts, theta);
  array[3] vector[2] z2 = ode_bdf_tol(sho, [1, 0]', 0, ts, 1e-6, 1e-6, 1000, theta);
  target += reduce_sum(partial_lupmf, y, 1, lambda);
  vector[2] s = algebra_solver_newton(algebra, [1, 1]', th, x_r, x_i);
  vector[2] s2 = solve_newton(newton, [1, 1]', theta);
  real i1 = integrate_1d(integrand, 0, 1, {theta}, x_r, x_i, 1e-8);
  target += sum(map_rect(job, phi, thetas, xr, xi));
}
`;
  assert.deepEqual(errorsOf(ok), []);
  const bad = ok.replace('ode_rk45(sho, [1, 0]\', 0, ts, theta)', 'ode_rk45(sho, [1, 0]\', 0, ts, theta, theta)');
  const errs = errorsOf(bad);
  assert.equal(errs.length, 1);
  assert.match(errs[0], /The function 'sho' passed to 'ode_rk45' must take \(real, vector, real, real\)/);
});

test('assignment rules', () => {
  const src = header + `transformed parameters {
  real tp = 1;
}
model {
  N = 3;
  mu = 1;
  tp = 2;
  for (i in 1:N) { i = 2; }
  real ok = 1;
  ok += 2;
  ok = N;
}
`;
  const errs = errorsOf(src);
  assert.equal(errs.length, 4, errs.join('\n'));
  assert.match(errs[0], /data variable 'N'/);
  assert.match(errs[1], /parameter 'mu'/);
  assert.match(errs[2], /'tp' here/);
  assert.match(errs[3], /loop variable 'i'/);
});

test('user-defined function rules', () => {
  const src = `functions {
  real twice(real x);
  real twice(real x) { return 2 * x; }
  real twice(vector x) { return 2 * sum(x); }
  real foo_lpdf(real y, real mu) { return -square(y - mu); }
  real bar_lpmf(int n, real p) { return n * log(p); }
  void hello() { print("hi"); }
  int count(array[] int xs) { int c = 0; for (x in xs) { if (x > 0) c += 1; } return c; }
}
data { array[3] int n; }
parameters { real y; real<lower=0, upper=1> p; }
model {
  y ~ foo(twice(1.0));
  n[1] ~ bar(p);
  target += foo_lupdf(y | twice([1, 2]'));
  target += count(n);
  hello();
}
`;
  assert.deepEqual(errorsOf(src), []);
});

test('realistic programs check cleanly', () => {
  const programs = [
    // Gaussian process with Cholesky factor and posterior predictive draws
    `data { int<lower=1> N; array[N] real x; vector[N] y; int<lower=1> M; array[M] real xp; }
parameters { real<lower=0> rho; real<lower=0> alpha; real<lower=0> sigma; }
model {
  matrix[N, N] K = gp_exp_quad_cov(x, alpha, rho);
  matrix[N, N] L_K = cholesky_decompose(add_diag(K, square(sigma)));
  rho ~ inv_gamma(5, 5); alpha ~ std_normal(); sigma ~ std_normal();
  y ~ multi_normal_cholesky(rep_vector(0, N), L_K);
}
generated quantities {
  matrix[M, M] Kp = gp_matern32_cov(xp, alpha, rho) + diag_matrix(rep_vector(1e-9, M));
  vector[M] f = multi_normal_rng(rep_vector(0, M), Kp);
  array[N] real yrep = normal_rng(rep_vector(0, N), sigma);
}`,
    // mixture with log_sum_exp / log_mix and ordered means
    `data { int<lower=1> K; int<lower=1> N; array[N] real y; }
parameters { simplex[K] theta; ordered[K] mu; vector<lower=0>[K] sigma; }
model {
  vector[K] log_theta = log(theta);
  sigma ~ lognormal(0, 2); mu ~ normal(0, 10);
  for (n in 1:N) {
    vector[K] lps = log_theta;
    for (k in 1:K) lps[k] += normal_lpdf(y[n] | mu[k], sigma[k]);
    target += log_sum_exp(lps);
  }
  target += log_mix(0.3, normal_lpdf(y[1] | mu[1], 1), normal_lpdf(y[1] | mu[2], 1));
}`,
    // hierarchical logistic regression with non-centred effects, GLM and truncation
    `data { int<lower=0> N; int<lower=1> J; array[N] int<lower=1, upper=J> g; matrix[N, 3] X; array[N] int<lower=0, upper=1> y; vector<lower=0>[N] t; }
parameters { real alpha; vector[3] beta; vector[J] z; real<lower=0> tau; cholesky_factor_corr[3] Lc; real<lower=0> lam; }
transformed parameters { vector[J] a = alpha + tau * z; }
model {
  z ~ std_normal(); tau ~ cauchy(0, 2.5) T[0, ]; Lc ~ lkj_corr_cholesky(2);
  y ~ bernoulli_logit_glm(X, a[g], beta);
  t ~ exponential(lam);
  for (n in 1:N) t[n] ~ normal(0, 1) T[0, 10];
}
generated quantities {
  corr_matrix[3] R = multiply_lower_tri_self_transpose(Lc);
  array[N] int yrep = bernoulli_logit_rng(X * beta + a[g]);
  vector[N] log_lik;
  for (n in 1:N) log_lik[n] = bernoulli_logit_lpmf(y[n] | X[n] * beta + a[g[n]]);
}`,
    // time series: AR(K) and stochastic volatility with matrix/array utilities
    `data { int<lower=0> K; int<lower=0> N; array[N] real y; }
parameters { real alpha; array[K] real beta; real<lower=0> sigma; real mu; real<lower=-1, upper=1> phi; vector[N] h_std; }
transformed parameters { vector[N] h = h_std * sigma; h[1] /= sqrt(1 - phi * phi); h += mu;
  for (t in 2:N) h[t] += phi * (h[t - 1] - mu); }
model {
  for (n in (K + 1):N) { real m = alpha; for (k in 1:K) m += beta[k] * y[n - k]; y[n] ~ normal(m, sigma); }
  h_std ~ std_normal();
  to_vector(y) ~ normal(0, exp(h / 2));
  target += -0.5 * dot_self(h_std) + sum(cumulative_sum(h_std)) * 0;
}
generated quantities {
  array[N] real y_sorted = sort_asc(y);
  array[N] int order = sort_indices_desc(to_vector(y));
  matrix[2, 2] M = to_matrix({1, 2, 3, 4}, 2, 2);
  array[2, 2] real A = to_array_2d(M);
  array[4] real flat = to_array_1d(A);
  row_vector[N] yr = to_row_vector(y);
  vector[N] ones = linspaced_vector(N, 1, 1);
  int s = size(y) + num_elements(A) + dims(A)[1] + rank(y, 1);
  real mx = max(y) + min({1, 2}) + fmax(1, 2.5) + log2() + pi() + e();
  vector[3] v3 = append_row(1.0, [2, 3]');
  matrix[2, 3] m23 = append_col(M, [1, 2]');
  array[3] int ai = append_array({1, 2}, {3});
}`,
    // HMM forward algorithm and hmm_marginal
    `data { int<lower=1> K; int<lower=1> T; array[T] real y; }
parameters { array[K] simplex[K] theta; ordered[K] mu; }
model {
  array[K] real acc; array[T, K] real gamma;
  for (k in 1:K) gamma[1, k] = normal_lpdf(y[1] | mu[k], 1);
  for (t in 2:T) { for (k in 1:K) { for (j in 1:K) acc[j] = gamma[t - 1, j] + log(theta[j, k]) + normal_lpdf(y[t] | mu[k], 1);
    gamma[t, k] = log_sum_exp(acc); } }
  target += log_sum_exp(gamma[T]);
  matrix[K, T] lo; matrix[K, K] G;
  for (k in 1:K) { G[k] = theta[k]'; for (t in 1:T) lo[k, t] = normal_lpdf(y[t] | mu[k], 1); }
  target += hmm_marginal(lo, G, rep_vector(1.0 / K, K));
}`,
    // counts: Poisson/neg-binomial GLMs, categorical, multinomial, dirichlet, ordered logistic
    `data { int N; int K; array[N] int<lower=0> c; matrix[N, K] X; array[N] int<lower=1, upper=K> cat; array[K] int m; vector[N] off; }
parameters { real a; vector[K] b; real<lower=0> phi; simplex[K] p; ordered[K - 1] cuts; vector[K] alpha_c; matrix[K, K] B; }
model {
  c ~ poisson_log_glm(X, a, b);
  c ~ neg_binomial_2_log(off + X * b, phi);
  c ~ neg_binomial_2(exp(X * b), phi);
  cat ~ categorical(p);
  cat ~ categorical_logit_glm(X, alpha_c, B);
  m ~ multinomial(p);
  p ~ dirichlet(rep_vector(1, K));
  cat ~ ordered_logistic(X * b, cuts);
  target += binomial_lpmf(c | 10, inv_logit(X * b)) + beta_binomial_lpmf(c | 10, 2, 2);
}`,
  ];
  programs.forEach((p, i) => assert.deepEqual(errorsOf(p), [], `program ${i}`));
});

test('never throws on partial programs (every prefix of a realistic program)', () => {
  const src = header + `transformed parameters { vector[N] eta = X * beta; }
model {
  for (n in 1:N) { if (idx[n] > 1) y[n] ~ normal(eta[n], 1) T[0, ]; else target += -square(y[n]); }
  while (mu > 0) { break; }
}
generated quantities { array[N] real r = normal_rng(eta, 1); }
`;
  for (let i = 0; i <= src.length; i += 3) {
    const r = analyzeStan(src.slice(0, i));
    assert.ok(!r.diagnostics.some((d) => d.code === 'internal'), `internal error at prefix ${i}`);
  }
});

test('.stanfunctions files are checked as function definitions only', () => {
  const src = 'real twice(real x) {\n  return 2 * x;\n}\nreal bad(real x) {\n  return y;\n}\n';
  const r = analyzeStan(src, { functionsOnly: true });
  const errs = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  assert.deepEqual(errs, ["Identifier 'y' not in scope. Did you mean 'x'?"]);
});

test('rules stanc3 enforces: forward declarations, shadowed functions, lupmf, truncation bounds', () => {
  const cases: [string, RegExp][] = [
    ['functions { real f(real x); real f(real x) { return x; } real f(real x); }', /declared again after its definition/],
    ['functions { real g(data real x); real g(real x) { return 2 * x; } }', /different 'data' qualifiers/],
    ['functions { real square(real x) { return x; } }', /already a Stan library function/],
    ['functions { void foo() {} } parameters { real foo; } model { foo(); }', /hides the function 'foo'/],
    ['functions { void foo_lp(int i, real r) { target += poisson_lupmf(i | r); } }', /poisson_lupmf/],
    ['generated quantities { real x = 1; real y = 2; x ./= y; }', /'\.\/=' needs a vector/],
    ['model { 1 ~ bernoulli(0.2) T[1, 1.0]; }', /must be int/],
    ['functions { real f() { while (1) { if (0) return 1.0; if (0) break; return 2.0; } } }', /may reach the end/],
    ['data { array[3] int idx; } transformed data { array[3, 2] real y; y[idx][1] = rep_array(1.0, 2); }', /multi-index/],
    ['transformed data { real z = 1; real w = z[1]; }', /Only arrays, vectors and matrices can be indexed/],
    ['generated quantities { vector[poisson_rng(3)] v; }', /Random number generators are not allowed in the sizes/],
  ];
  for (const [src, re] of cases) {
    const errs = errorsOf(src);
    assert.equal(errs.length, 1, `${src}\n${errs.join('\n')}`);
    assert.match(errs[0], re, src);
  }
  // Variables may share a library function's name and the function stays callable (as in stanc3).
  assert.deepEqual(errorsOf('transformed data { real pi = pi(); real e = e() + pi; }'), []);
});
