// Compiler coverage of library calls: the GLM densities, lkj_corr_cholesky with its normalising
// constant, triangular solves and thin QR, softmax/log_softmax/log_sum_exp of parameters. Gradients
// against central finite differences (codegenTestUtil.ts).
import assert from 'node:assert/strict';
import test from 'node:test';
import { checkGradient, compile, logisticData, point } from './codegenTestUtil';

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

test('mdivide_left_tri_low / mdivide_right_tri_low with parameter arguments: values and exact gradients', () => {
  const m = compile(`data { vector[3] c; }
parameters { cholesky_factor_cov[3] L; vector[3] b; row_vector[3] r; }
model {
  vector[3] x = mdivide_left_tri_low(L, b);
  row_vector[3] w = mdivide_right_tri_low(r, L);
  matrix[3, 2] X2 = mdivide_left_tri_low(L, append_col(b, c));
  target += normal_lpdf(L * x | b, 0.1);        // L x = b
  target += normal_lpdf(w * L | r, 0.1);        // w L = r
  target += normal_lpdf(X2[:, 2] | mdivide_left_tri_low(L, c), 0.1);
  target += dot_self(x) + sum(w) + sum(X2);
  b ~ normal(0, 1); r ~ normal(0, 1);
}`, { c: [0.4, -0.3, 1.1] });
  for (let s = 0; s < 2; s++) {
    const th = point(m.dim, 70 + s);
    checkGradient(m, th);
  }
  // L x = b exactly, so the first two densities are at their mode: compare with a hand evaluation.
  const v = compile('transformed data { matrix[2, 2] L = [[2, 0], [1, 4]]; vector[2] x = mdivide_left_tri_low(L, [2, 9]\'); row_vector[2] w = mdivide_right_tri_low([4, 8], L); } parameters { real z; } model { target += x[1] + 10 * x[2] + 100 * w[1] + 1000 * w[2] + 0 * z; }');
  // x = [1, 2]; w L = [4, 8]: w2 = 8 / 4 = 2, w1 = (4 - w2 * 1) / 2 = 1.
  assert.ok(Math.abs(v.logDensity(Float64Array.of(0)) - (1 + 20 + 100 + 2000)) < 1e-12);
});

test('qr_thin_Q and qr_thin_R of data: Q R = X, Q orthonormal, R upper triangular with a non-negative diagonal', () => {
  const X = [[1, 2], [3, -4], [5, 7], [0.5, 1]];
  const m = compile(`data { matrix[4, 2] X; }
transformed data { matrix[4, 2] Q = qr_thin_Q(X); matrix[2, 2] R = qr_thin_R(X); }
parameters { real z; }
model { z ~ normal(0, 1); }
generated quantities { matrix[4, 2] QR = Q * R; matrix[2, 2] QtQ = Q' * Q; matrix[2, 2] Rm = R; }`, { X });
  const gq = m.generatedQuantities(Float64Array.of(0), { next: () => 0.5 } as never);
  const QR = gq.QR as number[][], QtQ = gq.QtQ as number[][], R = gq.Rm as number[][];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(QR[i][j] - X[i][j]) < 1e-12);
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(QtQ[i][j] - (i === j ? 1 : 0)) < 1e-12);
  assert.equal(R[1][0], 0);
  assert.ok(R[0][0] > 0 && R[1][1] > 0);
});

test('softmax, log_softmax and log_sum_exp of parameters: values and exact gradients', () => {
  const m = compile(`parameters { vector[4] a; }
model {
  vector[4] s = softmax(a);
  vector[4] ls = log_softmax(a);
  target += 2 * s[1] + ls[3] + log_sum_exp(a) - 0.5 * dot_self(a);
}`);
  const th = point(4, 80);
  const lse = Math.log(th.reduce((acc, x) => acc + Math.exp(x), 0));
  const want = 2 * Math.exp(th[0] - lse) + (th[2] - lse) + lse - 0.5 * th.reduce((acc, x) => acc + x * x, 0);
  assert.ok(Math.abs(m.logDensity(th) - want) < 1e-12);
  checkGradient(m, th);
});
