import { test } from 'node:test';
import assert from 'node:assert/strict';
import { essMean } from '../../src/core/diagnose';
import { BlendedGradient } from '../../src/core/infer/blendedGradient';
import { ElboWorkspace, elboGradient } from '../../src/core/infer/elbo';
import type { VariationalFamily } from '../../src/core/infer/family';
import { FullRank } from '../../src/core/infer/fullRank';
import { iterateEss } from '../../src/core/infer/iterateEss';
import { IterateTrace } from '../../src/core/infer/iterateTrace';
import { judgeIterates } from '../../src/core/infer/iterateVerdict';
import { MeanCoupling } from '../../src/core/infer/meanCoupling';
import { MeanField } from '../../src/core/infer/meanField';
import { Rng } from '../../src/core/infer/rng';
import type { LogDensityTarget } from '../../src/core/infer/target';
import { bananaTarget, correlatedGaussianTarget, standardNormalTarget } from '../support/targets';

const counter = () => ({ gradient: 0, value: 0 });

/** Mean and sd over `n` iterations of the blended and of Stan's gradient, at fixed parameters. */
function gradientMoments(target: LogDensityTarget, family: VariationalFamily, n: number) {
  const P = family.params.length;
  const blend = new BlendedGradient(P, family);
  const work = new ElboWorkspace(family.dim);
  const rngB = new Rng(5, 1), rngS = new Rng(6, 1);
  const g = new Float64Array(P);
  const sum = { blend: new Float64Array(P), stan: new Float64Array(P) };
  const sq = { blend: new Float64Array(P), stan: new Float64Array(P) };
  for (let t = 0; t < n; t++) {
    assert.equal(blend.estimate(target, family, rngB, 1, g, work, counter(), 10), true);
    for (let k = 0; k < P; k++) { sum.blend[k] += g[k]; sq.blend[k] += g[k] * g[k]; }
    assert.equal(elboGradient(target, family, rngS, 1, g, work, counter()), true);
    for (let k = 0; k < P; k++) { sum.stan[k] += g[k]; sq.stan[k] += g[k] * g[k]; }
  }
  const stat = (s: Float64Array, q: Float64Array) => ({ mean: Array.from(s, (v) => v / n), sd: Array.from(s, (v, k) => Math.sqrt(q[k] / n - (v / n) ** 2)) });
  return { blend: stat(sum.blend, sq.blend), stan: stat(sum.stan, sq.stan) };
}

test('blended gradient: unbiased (same mean as Stan\'s estimator) on a banana, for both families', () => {
  for (const family of [new MeanField(2), new FullRank(2)] as VariationalFamily[]) {
    family.reset(Float64Array.from([0.5, 1]));
    for (let k = 2; k < family.params.length; k++) family.params[k] = 0.3 - 0.2 * k;
    const n = 40000;
    const m = gradientMoments(bananaTarget(0.1), family, n);
    for (let k = 0; k < family.params.length; k++) {
      const se = Math.hypot(m.blend.sd[k], m.stan.sd[k]) / Math.sqrt(n);
      assert.ok(Math.abs(m.blend.mean[k] - m.stan.mean[k]) < 4.5 * se, `${family.kind} param ${k}: ${m.blend.mean[k]} vs ${m.stan.mean[k]} (se ${se})`);
    }
  }
});

test('blended gradient: at the optimum of a Gaussian the family contains, its noise vanishes', () => {
  const mf = new MeanField(3);
  mf.reset(Float64Array.from([1, 1, 1])); // standardNormalTarget(3, 1): the optimum is μ = 1, sd = 1
  const m = gradientMoments(standardNormalTarget(3, 1), mf, 3000);
  for (let k = 0; k < 6; k++) {
    assert.ok(m.stan.sd[k] > 0.5, `Stan's estimator is noisy: ${m.stan.sd[k]}`);
    assert.ok(m.blend.sd[k] < 0.1 * m.stan.sd[k], `param ${k}: blended sd ${m.blend.sd[k]} vs Stan's ${m.stan.sd[k]}`);
  }
});

test('mean coupling: the weight of sticking the landing for mean-field means is (1 − r²)/(1 + r²) on a bivariate Gaussian', () => {
  for (const r of [0, 0.5, 0.9]) {
    const target = correlatedGaussianTarget(r);
    const mf = new MeanField(2);
    mf.reset(Float64Array.from([1, -1]));
    mf.params[2] = mf.params[3] = 0.5 * Math.log(1 - r * r); // the mean-field optimum: sd² = 1 − r²
    const coupling = new MeanCoupling(2);
    const rng = new Rng(3, 0);
    const work = new ElboWorkspace(2);
    const a = new Float64Array(4), b = new Float64Array(4), d = new Float64Array(2);
    for (let t = 1; t <= 4000; t++) {
      a.fill(0); b.fill(0);
      work.z[0] = rng.normal(); work.z[1] = rng.normal();
      mf.transform(work.z, work.theta);
      target.logDensityGradient(work.theta, work.gradTheta);
      mf.accumulateGradient(work.z, work.gradTheta, a);
      mf.accumulatePathGradient(work.z, work.gradTheta, b);
      d[0] = b[0] - a[0]; d[1] = b[1] - a[1];
      coupling.observe(a, d);
      if (t % 25 === 0) coupling.refresh();
    }
    const expected = (1 - r * r) / (1 + r * r);
    for (const i of [0, 1]) assert.ok(Math.abs(coupling.weight(i) - expected) < 0.06, `r ${r}, mean ${i}: weight ${coupling.weight(i)} vs ${expected}`);
  }
});

test('iterate ESS equals posterior\'s ess_mean (essMean) on autocorrelated windows of any length', () => {
  const rng = new Rng(3, 0);
  for (const N of [7, 8, 51, 300, 1001]) {
    for (const phi of [0, 0.5, 0.95, -0.4]) {
      const x = new Float64Array(N);
      let v = 0;
      for (let i = 0; i < N; i++) { v = phi * v + rng.normal(); x[i] = v + 0.001 * i; }
      const a = essMean(x), b = iterateEss(x);
      assert.ok(Math.abs(a - b) < 1e-9 * a, `N ${N}, phi ${phi}: ${b} vs ${a}`);
    }
  }
  assert.ok(Number.isNaN(iterateEss(new Float64Array(100).fill(2))), 'constant: NaN, as posterior');
});

test('iterate verdict: noise around a point is stationary and precise; a trend is not; too few effective iterates bound the MCSE', () => {
  const rng = new Rng(8, 0);
  const names = ['mean of x', 'log sd of x'];
  const fill = (n: number, f: (i: number) => [number, number]) => {
    const t = new IterateTrace(2, n);
    for (let i = 0; i < n; i++) t.push(Float64Array.from(f(i)));
    return t;
  };
  // sd of the iterates 0.1 posterior sds, independent: MCSE 0.1/√800 ≈ 0.0035
  const flat = judgeIterates(fill(800, () => [0.1 * rng.normal(), 0.05 * rng.normal()]), 800, names, 1.1, 0.05);
  assert.equal(flat.stationary, true);
  assert.equal(flat.precise, true);
  assert.ok(Math.abs(flat.mcse - 0.1 / Math.sqrt(800)) < 0.002, String(flat.mcse));
  // a drift of one posterior sd across the window
  const trend = judgeIterates(fill(800, (i) => [i / 800 + 0.1 * rng.normal(), 0.05 * rng.normal()]), 800, names, 1.1, 0.05);
  assert.equal(trend.stationary, false);
  assert.equal(trend.worst, 'mean of x');
  assert.ok(Math.abs(trend.drift - 0.5) < 0.05, String(trend.drift));
  // a slow random walk: R̂ may pass, but the ESS is tiny, so the MCSE is the iterates' sd itself
  let w = 0;
  const slow = judgeIterates(fill(400, () => { w = 0.999 * w + 0.02 * rng.normal(); return [w, 0]; }), 400, names, 10, 0.05);
  assert.ok(slow.ess < 25, String(slow.ess));
  assert.equal(slow.precise, false);
});
