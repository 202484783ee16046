import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdaptationWindows, runChainsInThread } from '../../src/core/infer/nuts';
import { MetricEstimator } from '../../src/core/infer/nuts/metricEstimator';
import { StepsizeAdaptation } from '../../src/core/infer/nuts/stepsizeAdaptation';
import { createTarget } from '../support/nutsTargets';

test("Stan's default windows: 75 fast, slow windows of 25, 50, 100, 200, 500, then 50 fast", () => {
  assert.deepEqual(AdaptationWindows.windowEnds(1000), [99, 149, 249, 449, 949]);
  // 2000 warm-up: 75 + 25 + 50 + 100 + 200 + 400 + 1100 (last stretched) + 50
  assert.deepEqual(AdaptationWindows.windowEnds(2000), [99, 149, 249, 449, 849, 1949]);
  // exactly enough for the three stages
  assert.deepEqual(AdaptationWindows.windowEnds(150), [99]);
});

test('small warm-up: 15% / 75% / 10%, and no metric adaptation below 20 iterations', () => {
  const w = new AdaptationWindows(100);
  assert.deepEqual([w.initBuffer, w.baseWindow, w.termBuffer], [15, 75, 10]);
  assert.deepEqual(AdaptationWindows.windowEnds(100), [89]);
  assert.deepEqual(AdaptationWindows.windowEnds(149), [134]); // 22 fast, one slow window of 113, 14 fast
  assert.deepEqual(AdaptationWindows.windowEnds(20), [17]);
  assert.deepEqual(AdaptationWindows.windowEnds(19), []);
  assert.equal(new AdaptationWindows(19).enabled, false);
});

test('the window draws are exactly the iterations between the buffers', () => {
  const w = new AdaptationWindows(1000);
  const inWindow: number[] = [];
  for (let i = 0; i < 1000; i++) {
    if (w.inWindow()) inWindow.push(i);
    w.advance();
  }
  assert.equal(inWindow[0], 75);
  assert.equal(inWindow[inWindow.length - 1], 949);
  assert.equal(inWindow.length, 875);
});

test("the metric estimate is Stan's regularised sample variance", () => {
  const xs = [[1, 10], [2, 30], [4, 20], [7, 60]];
  const e = new MetricEstimator(2, false);
  for (const x of xs) e.add(Float64Array.from(x));
  const n = xs.length;
  const variance = (j: number): number => {
    const m = xs.reduce((a, x) => a + x[j], 0) / n;
    return xs.reduce((a, x) => a + (x[j] - m) ** 2, 0) / (n - 1);
  };
  const got = e.estimate()!;
  for (let j = 0; j < 2; j++) {
    const want = (n / (n + 5)) * variance(j) + 1e-3 * (5 / (n + 5));
    assert.ok(Math.abs(got[j] - want) < 1e-12 * want, `${got[j]} vs ${want}`);
  }
  const d = new MetricEstimator(2, true);
  for (const x of xs) d.add(Float64Array.from(x));
  const full = d.estimate()!;
  const mx = xs.reduce((a, x) => a + x[0], 0) / n, my = xs.reduce((a, x) => a + x[1], 0) / n;
  const cov = xs.reduce((a, x) => a + (x[0] - mx) * (x[1] - my), 0) / (n - 1);
  assert.ok(Math.abs(full[1] - (n / (n + 5)) * cov) < 1e-9);
  assert.equal(full[1], full[2]);
  assert.ok(Math.abs(full[0] - got[0]) < 1e-12 && Math.abs(full[3] - got[1]) < 1e-12);
});

test('dual averaging drives the acceptance statistic to delta', () => {
  // a known acceptance curve: a(eps) = exp(−eps²); the fixed point is eps* = sqrt(−log delta)
  for (const delta of [0.6, 0.8, 0.95]) {
    const a = new StepsizeAdaptation(delta);
    a.mu = Math.log(10 * 1);
    let eps = 1;
    for (let i = 0; i < 2000; i++) eps = a.learn(Math.exp(-eps * eps));
    const target = Math.sqrt(-Math.log(delta));
    assert.ok(Math.abs(a.final() / target - 1) < 0.03, `delta ${delta}: ${a.final()} vs ${target}`);
  }
});

test('dense metric: adapts to the correlation and gives right answers', async () => {
  const r = await runChainsInThread(createTarget({ kind: 'correlated', r: 0.9 }), { seed: 7, metric: 'dense', numWarmup: 500, numSamples: 500 });
  assert.equal(r.status, 'ok');
  for (const c of r.chains) {
    assert.equal(c.metric, 'dense');
    assert.equal(c.inverseMetric.length, 4);
    const corr = c.inverseMetric[1] / Math.sqrt(c.inverseMetric[0] * c.inverseMetric[3]);
    assert.ok(corr > 0.8 && corr < 0.97, `chain ${c.chain}: metric correlation ${corr}`);
  }
  // with the right metric the target is isotropic: short trajectories
  let depth = 0, n = 0;
  for (const c of r.chains) for (const d of c.sampler.treedepth) (depth += d), n++;
  assert.ok(depth / n < 2.6, `mean tree depth ${depth / n}`);
  const diag = await runChainsInThread(createTarget({ kind: 'correlated', r: 0.9 }), { seed: 7, numWarmup: 500, numSamples: 500 });
  let dd = 0;
  for (const c of diag.chains) for (const d of c.sampler.treedepth) dd += d;
  assert.ok(dd / n > depth / n, `diag metric depth ${dd / n} should exceed dense ${depth / n}`);
});
