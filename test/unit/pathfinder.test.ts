import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lbfgs } from '../../src/core/infer/lbfgs';
import { LowRankNormal, updateDiagonal, CurvaturePair } from '../../src/core/infer/lowRankNormal';
import { fitPathfinder } from '../../src/core/infer/pathfinder';
import { Rng } from '../../src/core/infer/rng';
import { bananaTarget, correlatedGaussianTarget, drawMoments, gammaPoissonTarget, gaussianTarget } from '../support/targets';

test('L-BFGS reaches the mode of a correlated Gaussian and of a banana', async () => {
  const counter = { gradient: 0, value: 0 };
  const g = await lbfgs(correlatedGaussianTarget(0.99), Float64Array.from([-1.5, 1.7]), {}, counter);
  assert.equal(g.converged, true, g.message);
  const last = g.path[g.path.length - 1].x;
  assert.ok(Math.abs(last[0] - 1) < 1e-5 && Math.abs(last[1] + 1) < 1e-5, String(last));
  const b = await lbfgs(bananaTarget(0.03), Float64Array.from([1.5, -1.2]), {}, counter);
  const lb = b.path[b.path.length - 1].x;
  assert.ok(Math.abs(lb[0]) < 1e-4 && Math.abs(lb[1] - 3) < 1e-4, String(lb));
  // the path is monotone in log density
  for (let i = 1; i < b.path.length; i++) assert.ok(b.path[i].logDensity >= b.path[i - 1].logDensity - 1e-12);
});

/** Dense BFGS update of the inverse Hessian, the textbook recursion. */
function denseBfgs(alpha: Float64Array, pairs: CurvaturePair[]): Float64Array {
  const n = alpha.length;
  let H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = alpha[i];
  for (const { s, y } of pairs) {
    const rho = 1 / s.reduce((a, v, i) => a + v * y[i], 0);
    // H+ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = (i === j ? 1 : 0) - rho * s[i] * y[j];
    const AH = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) AH[i * n + j] += A[i * n + k] * H[k * n + j];
    const next = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let v = 0;
      for (let k = 0; k < n; k++) v += AH[i * n + k] * A[j * n + k];
      next[i * n + j] = v + rho * s[i] * s[j];
    }
    H = next;
  }
  return H;
}

test('Pathfinder normal: diag + low-rank covariance equals the dense BFGS inverse Hessian; samples and log q agree', () => {
  const n = 5;
  const rng = new Rng(3, 0);
  // a random SPD Hessian A; pairs y = A s
  const B = Array.from({ length: n * n }, () => rng.normal());
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) A[i * n + j] += B[i * n + k] * B[j * n + k];
    if (i === j) A[i * n + j] += 1;
  }
  const pairs: CurvaturePair[] = [];
  const alpha = new Float64Array(n).fill(1);
  for (let p = 0; p < 3; p++) {
    const s = Float64Array.from({ length: n }, () => rng.normal());
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += A[i * n + j] * s[j];
    updateDiagonal(alpha, { s, y });
    pairs.push({ s, y });
  }
  assert.ok(alpha.every((a) => a > 0));
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const grad = Float64Array.from({ length: n }, () => rng.normal());
  const q = LowRankNormal.build(x, grad, pairs, alpha)!;
  assert.ok(q);
  const H = denseBfgs(alpha, pairs);
  const { beta, gamma, width } = q;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let v = i === j ? alpha[i] : 0;
    for (let a = 0; a < width; a++) for (let b = 0; b < width; b++) v += beta[i * width + a] * gamma[a * width + b] * beta[j * width + b];
    assert.ok(Math.abs(v - H[i * n + j]) < 1e-9 * Math.max(1, Math.abs(H[i * n + j])), `Sigma[${i},${j}] ${v} vs ${H[i * n + j]}`);
  }
  // mean is the quasi-Newton step x + H ∇log p
  for (let i = 0; i < n; i++) {
    let v = x[i];
    for (let j = 0; j < n; j++) v += H[i * n + j] * grad[j];
    assert.ok(Math.abs(q.mu[i] - v) < 1e-9);
  }
  // log q equals the dense normal log density; sample covariance ≈ H
  const L = cholesky(H, n);
  let logDet = 0;
  for (let i = 0; i < n; i++) logDet += 2 * Math.log(L[i * n + i]);
  assert.ok(Math.abs(logDet - q.logDetSigma) < 1e-9);
  const theta = new Float64Array(n);
  const u = new Float64Array(n);
  const S = 20000;
  const cov = new Float64Array(n * n);
  for (let s = 0; s < S; s++) {
    const lq = q.sample(rng, theta, u);
    const d = theta.map((v, i) => v - q.mu[i]);
    const w = solveLower(L, d, n);
    const expected = -0.5 * w.reduce((a, v) => a + v * v, 0) - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
    if (s < 50) assert.ok(Math.abs(lq - expected) < 1e-8, `${lq} vs ${expected}`);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cov[i * n + j] += (d[i] * d[j]) / S;
  }
  for (let i = 0; i < n; i++) {
    const tol = 5 * Math.sqrt(2 / S) * H[i * n + i];
    assert.ok(Math.abs(cov[i * n + i] - H[i * n + i]) < tol, `var ${i}: ${cov[i * n + i]} vs ${H[i * n + i]}`);
  }
  const sd = q.marginalSd();
  for (let i = 0; i < n; i++) assert.ok(Math.abs(sd[i] - Math.sqrt(H[i * n + i])) < 1e-9);
});

function cholesky(A: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let s = A[i * n + j];
    for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
    L[i * n + j] = i === j ? Math.sqrt(s) : s / L[j * n + j];
  }
  return L;
}

function solveLower(L: Float64Array, b: Float64Array, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

test('single-path Pathfinder matches a correlated Gaussian; its ELBO is log Z', async () => {
  const r = 0.9;
  const fit = await fitPathfinder(correlatedGaussianTarget(r), { numPaths: 1, seed: 2 });
  assert.equal(fit.ok, true, fit.stopReason);
  assert.equal(fit.method, 'pathfinder');
  assert.equal(fit.algorithm, 'single-path');
  assert.equal(fit.stopCode, 'lbfgs-converged');
  const logZ = Math.log(2 * Math.PI) + 0.5 * Math.log(1 - r * r);
  assert.ok(Math.abs(fit.elbo - logZ) < 0.05, `ELBO ${fit.elbo} vs log Z ${logZ}`);
  const a = fit.approximation!;
  assert.ok(Math.abs(a.mean[0] - 1) < 1e-3 && Math.abs(a.mean[1] + 1) < 1e-3);
  for (const sd of a.sd) assert.ok(Math.abs(sd - 1) < 0.02, `sd ${sd}`);
  const m = drawMoments(fit.draws, 2);
  for (const sd of m.sd) assert.ok(Math.abs(sd - 1) < 0.1);
  assert.ok(fit.khat < fit.khatThreshold);
  // the trace holds one ELBO per L-BFGS iterate
  assert.equal(fit.elboTrace.length, fit.iterations);
});

test('multi-path Pathfinder on a 10-d Gaussian with mixed scales', async () => {
  const n = 10;
  const mean = Array.from({ length: n }, (_, i) => i - 4);
  const P = new Float64Array(n * n);
  for (let i = 0; i < n; i++) P[i * n + i] = 1 / (0.1 * (i + 1)) ** 2;
  const fit = await fitPathfinder(gaussianTarget(mean, P), { seed: 5 });
  assert.equal(fit.algorithm, 'multi-path');
  assert.equal(fit.ndraws, 1000);
  const m = drawMoments(fit.draws, n);
  for (let i = 0; i < n; i++) {
    const sd = 0.1 * (i + 1);
    assert.ok(Math.abs(m.mean[i] - mean[i]) < 0.2 * sd, `mean ${i}`);
    assert.ok(Math.abs(m.sd[i] / sd - 1) < 0.15, `sd ${i}: ${m.sd[i]} vs ${sd}`);
  }
  assert.match(fit.stopReason, /^4 paths \(\d converged\): best approximation on path \d/);
});

test('multi-path Pathfinder: Gamma–Poisson rates near Gamma(a + sum x, b + m) after importance resampling', async () => {
  const counts = [[12, 40, 3], [15, 38, 5], [9, 45, 2], [14, 41, 4], [11, 36, 6], [13, 44, 3]];
  const { target, shape, rate } = gammaPoissonTarget([2, 5, 1], 2, counts);
  const fit = await fitPathfinder(target, { seed: 8 });
  assert.equal(fit.ok, true);
  const m = drawMoments(fit.draws, 3, Math.exp);
  for (let j = 0; j < 3; j++) {
    const exactSd = Math.sqrt(shape[j]) / rate;
    assert.ok(Math.abs(m.mean[j] - shape[j] / rate) < 0.25 * exactSd, `rate ${j}`);
    assert.ok(Math.abs(m.sd[j] / exactSd - 1) < 0.15, `rate ${j}: sd ${m.sd[j]} vs ${exactSd}`);
  }
});
