import { test } from 'node:test';
import assert from 'node:assert/strict';
import { psis } from '../../src/core/diagnose';
import { fitAdvi } from '../../src/core/infer/advi';
import { fitVariational, VariationalOptions } from '../../src/core/infer/fitVariational';
import type { FitProgress } from '../../src/core/infer/progress';
import { correlatedGaussianTarget, eightSchoolsCenteredTarget, nanRegionTarget, nanTarget, rejectingTarget, standardNormalTarget } from '../support/targets';

const configs: VariationalOptions[] = [
  { method: 'meanfield', algorithm: 'robust' },
  { method: 'fullrank', algorithm: 'robust' },
  { method: 'meanfield', algorithm: 'stan' },
  { method: 'pathfinder' },
  { method: 'pathfinder', numPaths: 1 },
];

for (const c of configs) {
  const label = `${c.method}${'algorithm' in c ? ` ${c.algorithm}` : ''}${'numPaths' in c ? ` ${c.numPaths} path` : ''}`;
  test(`${label}: same seed gives an identical result, another seed a different one`, async () => {
    const t = correlatedGaussianTarget(0.5);
    const a = await fitVariational(t, { ...c, seed: 42 });
    const b = await fitVariational(t, { ...c, seed: 42 });
    const d = await fitVariational(t, { ...c, seed: 43 });
    assert.equal(a.ok, true, a.stopReason);
    assert.deepEqual(a.draws, b.draws);
    assert.deepEqual(a.elboTrace, b.elboTrace);
    assert.equal(a.stopReason, b.stopReason);
    assert.equal(a.gradientEvaluations, b.gradientEvaluations);
    assert.notDeepEqual(a.draws, d.draws);
  });
}

/** Starts a long fit, aborts it after 60 ms, and measures how long after that the fit returns. */
async function cancelLatency(options: VariationalOptions): Promise<{ latencyMs: number; code: string }> {
  const controller = new AbortController();
  // measured from when the abort was due, so the time the timer waits for the fit to yield counts
  const due = performance.now() + 60;
  setTimeout(() => controller.abort(), 60);
  const r = await fitVariational(eightSchoolsCenteredTarget(), { ...options, signal: controller.signal });
  return { latencyMs: performance.now() - due, code: r.stopCode };
}

test('a fit is cancelled within 100 ms (robust full-rank, Stan mode, Pathfinder)', async () => {
  const runs: VariationalOptions[] = [
    { method: 'fullrank', iter: 1e7, mcseThreshold: 1e-9 },
    { method: 'meanfield', algorithm: 'stan', iter: 1e7, tolRelObj: 1e-12 },
    { method: 'pathfinder', maxIterations: 100000, tolObj: 0, tolRelObj: 0, tolGrad: 0, tolParam: 0 },
  ];
  for (const options of runs) {
    const { latencyMs, code } = await cancelLatency(options);
    assert.equal(code, 'cancelled', options.method);
    assert.ok(latencyMs < 100, `${options.method}: cancelled after ${latencyMs.toFixed(1)} ms`);
  }
});

test('a time budget stops the fit and keeps the approximation reached', async () => {
  const t0 = performance.now();
  const r = await fitAdvi(eightSchoolsCenteredTarget(), { method: 'fullrank', iter: 1e7, mcseThreshold: 1e-9, timeBudgetSeconds: 0.2 });
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(r.stopCode, 'time-budget');
  assert.equal(r.ok, true);
  assert.equal(r.ndraws, 1000);
  assert.match(r.stopReason, /^time budget exhausted after \d+ iterations/);
  assert.ok(seconds < 0.5, `${seconds} s`);
});

test('progress streams every ELBO trace entry and the phases', async () => {
  const seen: FitProgress[] = [];
  const r = await fitAdvi(standardNormalTarget(2), { seed: 3, evalElbo: 20, onProgress: (p) => seen.push(p) });
  const entries = seen.filter((p) => p.entry).map((p) => p.entry);
  assert.deepEqual(entries, r.elboTrace);
  assert.ok(r.elboTrace.length >= 3);
  for (const e of r.elboTrace) assert.ok(Number.isFinite(e.elbo) && e.mcse > 0 && e.stepSize > 0);
  const phases = new Set(seen.map((p) => p.phase));
  for (const ph of ['init', 'optimisation', 'draws', 'psis', 'done']) assert.ok(phases.has(ph as FitProgress['phase']), ph);
  assert.equal(seen[seen.length - 1].phase, 'done');
});

test('failure: log density -Infinity at every initial point names the coordinate and the rejection', async () => {
  for (const method of ['meanfield', 'pathfinder'] as const) {
    const r = await fitVariational(rejectingTarget(), { method, seed: 1 });
    assert.equal(r.ok, false);
    assert.equal(r.stopCode, 'init-failed');
    assert.match(r.stopReason, /^cannot start: the log density is -Infinity at all 100 random initial points tried: normal_lpdf: Scale parameter is -1/);
    assert.match(r.stopReason, /finite when sigma is moved to 0/);
    assert.doesNotMatch(r.stopReason, /\bmu\b/);
    assert.equal(r.ndraws, 0);
    assert.equal(r.draws.length, 0);
  }
});

test('failure: a NaN log density and a wrong-length initial point are explained', async () => {
  const r = await fitAdvi(nanTarget(), { seed: 1 });
  assert.equal(r.stopCode, 'init-failed');
  assert.match(r.stopReason, /the log density is NaN at all 100 random initial points tried \(coordinates: a, b\)/);
  const w = await fitAdvi(standardNormalTarget(2), { init: [1, 2, 3] });
  assert.equal(w.stopCode, 'init-failed');
  assert.match(w.stopReason, /the initial point has 3 values but the model has 2 unconstrained coordinates/);
});

test('robust mode survives draws that hit a NaN region (steps skipped, not thrown)', async () => {
  const r = await fitAdvi(nanRegionTarget(), { seed: 2, init: 'zero' });
  assert.equal(r.ok, true, r.stopReason);
  assert.ok(Math.abs(r.approximation!.mean[0]) < 0.3);
});

test('PSIS: k-hat of the output draws, threshold for 1000 draws, resampled draws only when usable', async () => {
  const good = await fitAdvi(correlatedGaussianTarget(0.5), { method: 'fullrank', seed: 1 });
  assert.ok(Math.abs(good.khatThreshold - Math.min(1 - 1 / Math.log10(1000), 0.7)) < 1e-12);
  const recomputed = psis(good.logP.map((lp, i) => lp - good.logQ[i]));
  assert.ok(Math.abs(recomputed.paretoK - good.khat) < 1e-12);
  assert.ok(good.khat < good.khatThreshold, `khat ${good.khat}`);
  assert.equal(good.psis!.usable, true);
  assert.equal(good.psis!.resampledDraws!.length, good.draws.length);
  // a mean-field fit of a strongly correlated Gaussian is too narrow: k-hat near 1 − (sd ratio)², unusable
  const bad = await fitAdvi(correlatedGaussianTarget(0.99), { method: 'meanfield', seed: 1, gradSamples: 4 });
  assert.ok(bad.khat > bad.khatThreshold, `khat ${bad.khat}`);
  assert.equal(bad.psis!.usable, false);
  assert.equal(bad.psis!.resampledDraws, undefined);
});
