import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/core/infer/rng';
import * as mv from '../../src/core/math/multivariate';
import { mathError, clearMathError, formatMathError } from '../../src/core/math/mathError';

/** Sample mean of f over n draws with a 5-standard-error tolerance check. */
function checkMean(draw: () => number, truth: number, n: number, what: string): void {
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    s += v;
    s2 += v * v;
  }
  const m = s / n;
  const se = Math.sqrt(Math.max(s2 / n - m * m, 1e-300) / n);
  assert.ok(Math.abs(m - truth) <= 5 * se + 1e-12, `${what}: ${m} vs ${truth} (se ${se})`);
}

const K = 3;
const Sigma = Float64Array.from([2, 0.6, -0.3, 0.6, 1, 0.2, -0.3, 0.2, 0.5]);
const mu = Float64Array.from([1, -2, 0.5]);

test('multi_normal_rng and multi_student_t_rng: means and covariances', () => {
  const r = new Rng(31);
  const out = new Float64Array(K);
  for (let i = 0; i < K; i++)
    for (let j = 0; j <= i; j++) {
      checkMean(() => {
        mv.multiNormalRng(out, r, mu, Sigma, K);
        return (out[i] - mu[i]) * (out[j] - mu[j]);
      }, Sigma[j * K + i], 20000, `mvn cov(${i},${j})`);
    }
  for (let i = 0; i < K; i++) checkMean(() => (mv.multiNormalRng(out, r, mu, Sigma, K), out[i]), mu[i], 20000, `mvn mean ${i}`);
  const nu = 7; // covariance nu/(nu-2) Sigma
  checkMean(() => (mv.multiStudentTRng(out, r, nu, mu, Sigma, K), (out[0] - mu[0]) ** 2), (nu / (nu - 2)) * Sigma[0], 40000, 'mvt var');
});

test('wishart_rng mean is nu S; dirichlet, categorical, multinomial, ordered logistic frequencies', () => {
  const r = new Rng(32);
  const W = new Float64Array(K * K);
  const nu = 5.5;
  for (const idx of [0, 1, 4, 8]) checkMean(() => (mv.wishartRng(W, r, nu, Sigma, K), W[idx]), nu * Sigma[idx], 20000, `wishart mean [${idx}]`);
  const alpha = [0.5, 2, 3.5];
  const th = new Float64Array(3);
  for (let k = 0; k < 3; k++) checkMean(() => (mv.dirichletRng(th, r, alpha), th[k]), alpha[k] / 6, 20000, `dirichlet mean ${k}`);
  const theta = [0.2, 0.5, 0.3];
  for (let k = 1; k <= 3; k++) checkMean(() => (mv.categoricalRng(r, theta) === k ? 1 : 0), theta[k - 1], 20000, `categorical ${k}`);
  const beta = [0.1, -1, 2];
  const z = Math.exp(0.1) + Math.exp(-1) + Math.exp(2);
  for (let k = 1; k <= 3; k++) checkMean(() => (mv.categoricalLogitRng(r, beta) === k ? 1 : 0), Math.exp(beta[k - 1]) / z, 20000, `categorical_logit ${k}`);
  const y = new Float64Array(3);
  for (let k = 0; k < 3; k++) checkMean(() => (mv.multinomialRng(y, r, theta, 17), y[k]), 17 * theta[k], 20000, `multinomial ${k}`);
  const c = [-1, 0.5, 2];
  for (let k = 1; k <= 4; k++) {
    const p = Math.exp(mv.orderedLogisticLpmf(null, null, 0, k, 0.3, c));
    checkMean(() => (mv.orderedLogisticRng(r, 0.3, c) === k ? 1 : 0), p, 20000, `ordered_logistic ${k}`);
  }
});

test('multivariate kernels report invalid arguments through the error slot', () => {
  clearMathError();
  const bad = Float64Array.from([1, 2, 2, 1]); // not positive definite
  assert.ok(Number.isNaN(mv.multiNormalLpdf(null, 0, [0, 0], [0, 0], bad, 2)));
  assert.equal(mathError.fn, 'multi_normal_lpdf');
  assert.match(formatMathError(), /positive definite/);
  clearMathError();
  assert.ok(Number.isNaN(mv.dirichletLpdf(null, null, 0, [0.5, 0.6], [1, 1])));
  assert.match(formatMathError(), /^dirichlet_lpdf: probabilities/);
  clearMathError();
  assert.ok(Number.isNaN(mv.orderedLogisticLpmf(null, null, 0, 2, 0, [1, 0.5])));
  assert.match(formatMathError(), /Cut-points/);
  clearMathError();
  assert.ok(Number.isNaN(mv.bernoulliLogitGlmLpmf(null, 0, [0, 2], [1, 2], 2, 1, 0, [1])));
  assert.match(formatMathError(), /^bernoulli_logit_glm_lpmf: Vector of dependent variables is 2/);
});
