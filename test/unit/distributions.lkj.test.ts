import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lkjCorrCholeskyLpdf, lkjCorrCholeskyRng } from '../../src/core/math/distributions/lkjCorrCholesky';
import { lkjCorrLpdf } from '../../src/core/math/distributions/lkjCorr';
import { lkjLogConstant } from '../../src/core/math/distributions/lkjConstant';
import { PROPTO } from '../../src/core/math/flags';
import { lbeta } from '../../src/core/math/special/combinatorics';
import { Rng } from '../../src/core/infer/rng';

test('LKJ constant: exact for K = 2, integrates to one for K = 3 (seeded Monte Carlo)', () => {
  for (const eta of [0.7, 1, 2.5]) {
    // int_{-1}^{1} (1 - r^2)^(eta-1) dr = 2^(2 eta - 1) B(eta, eta)
    assert.ok(Math.abs(lkjLogConstant(eta, 2) + ((2 * eta - 1) * Math.LN2 + lbeta(eta, eta))) < 1e-13);
  }
  const r = new Rng(11);
  for (const eta of [1, 2, 4]) {
    const n = 200000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const a = 2 * r.uniform() - 1, b = 2 * r.uniform() - 1, c = 2 * r.uniform() - 1;
      const det = 1 - a * a - b * b - c * c + 2 * a * b * c;
      const v = det > 0 ? 8 * Math.pow(det, eta - 1) : 0;
      s += v;
      s2 += v * v;
    }
    const mean = s / n;
    const se = Math.sqrt((s2 / n - mean * mean) / n);
    const integral = Math.exp(-lkjLogConstant(eta, 3));
    assert.ok(Math.abs(mean - integral) < 5 * se, `eta ${eta}: MC ${mean} +- ${se}, constant gives ${integral}`);
  }
});

/** A random K x K correlation Cholesky factor from the rng. */
function randomL(K: number, seed: number): Float64Array {
  const L = new Float64Array(K * K);
  lkjCorrCholeskyRng(L, new Rng(seed), K, 1.5);
  return L;
}

function omegaOf(L: Float64Array, K: number): Float64Array {
  const O = new Float64Array(K * K);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) for (let k = 0; k < K; k++) O[j * K + i] += L[k * K + i] * L[k * K + j];
  return O;
}

test('lkj_corr_cholesky(L) = lkj_corr(L L^T) + log Jacobian; partials match differences', () => {
  const K = 4;
  for (const eta of [0.8, 1, 3]) {
    const L = randomL(K, 3 + eta * 10);
    const O = omegaOf(L, K);
    let logJ = 0;
    for (let k = 0; k < K; k++) logJ += (K - 1 - k) * Math.log(L[k * K + k]);
    const a = lkjCorrCholeskyLpdf(null, null, 0, L, K, eta);
    const b = lkjCorrLpdf(null, null, 0, O, K, eta);
    assert.ok(Math.abs(a - (b + logJ)) < 1e-12, `${a} vs ${b + logJ}`);
    const gL = new Float64Array(K * K);
    const gEta = new Float64Array(1);
    lkjCorrCholeskyLpdf(gL, gEta, 0, L, K, eta);
    const h = 1e-6;
    assert.ok(Math.abs(gEta[0] - (lkjCorrCholeskyLpdf(null, null, 0, L, K, eta + h) - lkjCorrCholeskyLpdf(null, null, 0, L, K, eta - h)) / (2 * h)) < 1e-6);
    for (let k = 0; k < K; k++) {
      const Lp = L.slice(), Lm = L.slice();
      Lp[k * K + k] += h;
      Lm[k * K + k] -= h;
      const fd = (lkjCorrCholeskyLpdf(null, null, 0, Lp, K, eta) - lkjCorrCholeskyLpdf(null, null, 0, Lm, K, eta)) / (2 * h);
      assert.ok(Math.abs(gL[k * K + k] - fd) < 1e-6 * Math.max(1, Math.abs(fd)));
    }
    const gO = new Float64Array(K * K);
    const gE2 = new Float64Array(1);
    lkjCorrLpdf(gO, gE2, 0, O, K, eta);
    for (let j = 0; j < K; j++)
      for (let i = j + 1; i < K; i++) {
        const Op = O.slice(), Om = O.slice();
        Op[j * K + i] += h; Op[i * K + j] += h;
        Om[j * K + i] -= h; Om[i * K + j] -= h;
        const fd = (lkjCorrLpdf(null, null, 0, Op, K, eta) - lkjCorrLpdf(null, null, 0, Om, K, eta)) / (2 * h);
        assert.ok(Math.abs(gO[j * K + i] + gO[i * K + j] - fd) < 1e-6 * Math.max(1, Math.abs(fd)));
      }
    // propto with eta constant drops exactly the normalising constant
    assert.ok(Math.abs(a - lkjCorrCholeskyLpdf(null, null, 2 | PROPTO, L, K, eta) - lkjLogConstant(eta, K)) < 1e-12);
  }
});

test('lkj_corr_cholesky_rng: valid factors whose correlations have the LKJ marginal variance', () => {
  const K = 3, eta = 2, n = 20000;
  const r = new Rng(8);
  const L = new Float64Array(K * K);
  const s2 = new Float64Array(3);
  const s4 = new Float64Array(3);
  for (let t = 0; t < n; t++) {
    lkjCorrCholeskyRng(L, r, K, eta);
    const O = omegaOf(L, K);
    for (let k = 0; k < K; k++) assert.ok(Math.abs(O[k * K + k] - 1) < 1e-12);
    const cs = [O[1], O[2], O[5]];
    cs.forEach((c, i) => {
      s2[i] += c * c;
      s4[i] += c ** 4;
    });
  }
  // every off-diagonal correlation is 2 Beta(eta - 1 + K/2, same) - 1: variance 1/(2 eta + K - 1)
  const v = 1 / (2 * eta + K - 1);
  for (let i = 0; i < 3; i++) {
    const m2 = s2[i] / n;
    const se = Math.sqrt((s4[i] / n - m2 * m2) / n);
    assert.ok(Math.abs(m2 - v) < 5 * se, `correlation ${i}: E[r^2] ${m2} vs ${v}`);
  }
});
