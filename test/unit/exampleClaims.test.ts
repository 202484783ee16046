// Every example in examples/ held to its note in examples/README.md: which warnings appear, on which
// parameters, and which must not. Each example runs through the real pipeline (compile, variational fit,
// exact or NUTS reference, comparison) with seed 1, the CLI's default. NUTS references are 4 × 500 + 500
// (TEST_REFERENCE). Every claim was checked by hand with seeds 1, 2 and 3 (reference and fit both seeded);
// where a number moved between seeds the note gives the range and the test asserts only what held for all.
// The claims about which warnings appear and the sd ratios are shared with the UI test that runs every
// example in VS Code (test/support/exampleNotes.ts); what only the report shows is asserted here.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/runCli';
import type { CompareReport } from '../../src/core/result/fitResult';
import { exampleRun, repoRoot } from '../support/exampleClaims';
import {
  assertNoteClaims, assertSdRatios, assertWarns, describeReport, elementsOf, meanError, sdRatio, warningsOf,
} from '../support/exampleClaimsAssert';

const SEED = 1;

test('normal_mean: exact reference; both Gaussian families fit it, no warnings at all', async (t) => {
  const run = await exampleRun('normal_mean', SEED);
  assert.equal(run.reference.result.method, 'exact');
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    assert.equal(r.referenceKind, 'exact');
    const w = r.reference?.summary.w;
    assert.ok(w && Math.abs(w.mean - 1.9837) < 1e-3 && Math.abs(w.sd - 0.0995) < 1e-3, JSON.stringify(w));
    assertNoteClaims(r, 'normal_mean', method);
  }
});

test('eight_schools_centered: tau too narrow, the funnel named with its non-centered rewrite, k̂ high', async (t) => {
  const run = await exampleRun('eight_schools_centered', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    assertNoteClaims(r, 'eight_schools_centered', method);
    const low = assertWarns(r, 'sd-ratio-low', 'tau');
    assert.equal(low.range?.start.line, 11, 'the warning points at the declaration of tau');
    const funnel = assertWarns(r, 'funnel', 'theta');
    assert.ok(funnel.elements.includes('tau'), describeReport(r));
    assert.match(funnel.message, /tau/);
    assert.match(funnel.message, /theta/);
    assert.ok(r.joint.funnels.some((f) => f.scale === 'tau' && f.group === 'theta' && /std_normal/.test(f.suggestion)), JSON.stringify(r.joint.funnels));
    // k̂ 0.62-1.15 over seeds 1-3 and both families: above its threshold (0.67 for 1000 draws) in most runs.
    assert.ok((r.joint.khat.khat ?? 0) > 0.6, describeReport(r));
  }
});

test('eight_schools_noncentered: no funnel; mu and theta_tilde right, tau still narrow', async (t) => {
  const run = await exampleRun('eight_schools_noncentered', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    // No funnel; tau still too narrow (0.39-0.83 over seeds 1-3: usually an sd-ratio-low), mu right;
    // theta = mu + tau * theta_tilde mostly inherits some of tau's narrowness (0.70-1.22 over seeds 1-3).
    assertNoteClaims(r, 'eight_schools_noncentered', method);
    assert.deepEqual(r.joint.funnels, []);
    assert.ok(sdRatio(r, 'tau') < sdRatio(r, 'mu') - 0.05, describeReport(r));
    assert.equal(elementsOf(r, 'theta').length, 8);
  }
});

test('logistic_correlated: mean-field too narrow on beta[1], beta[2] and loses their correlation; full-rank recovers', async (t) => {
  const run = await exampleRun('logistic_correlated', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  // alpha and beta[3] are not part of the correlated pair: much better (0.81-1.00 over seeds 1-3).
  assertNoteClaims(mf, 'logistic_correlated', 'meanfield');
  const low = assertWarns(mf, 'sd-ratio-low', 'beta');
  assert.ok(low.elements.includes('beta[1]') && low.elements.includes('beta[2]'), describeReport(mf));
  const corr = assertWarns(mf, 'mean-field-correlation', 'beta');
  assert.deepEqual([...corr.elements].sort(), ['beta[1]', 'beta[2]']);
  assert.match(corr.message, /full-rank/i);
  const ref = mf.joint.correlation?.reference;
  const names = mf.joint.correlation?.names ?? [];
  assert.ok(ref, 'reference correlation matrix');
  const rho = ref[names.indexOf('beta[1]')][names.indexOf('beta[2]')];
  assert.ok(rho < -0.8 && rho > -0.95, `corr(beta[1], beta[2]) = ${rho}`);

  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  assertNoteClaims(fr, 'logistic_correlated', 'fullrank');
});

test('ar1: both families match the reference marginals; no sd-ratio, mean-error, correlation or funnel warning', async (t) => {
  const run = await exampleRun('ar1', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    // k̂ and the stopping rule may object (see the note); nothing else may.
    assertNoteClaims(r, 'ar1', method);
    for (const n of ['mu', 'phi', 'sigma']) assert.ok(Math.abs(meanError(r, n)) < 0.15, describeReport(r));
  }
});

test('mixture_two_component: mean-field mu[1] too narrow and mu[2] too wide (the ordered transform); full-rank recovers', async (t) => {
  const run = await exampleRun('mixture_two_component', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  // mu[2] about 1.25, right at the sd-ratio-high threshold: the warning comes and goes with the seed.
  // Neither mean is off and lambda is right (sigma's mean errors reach the 0.25 threshold with some seeds).
  assertNoteClaims(mf, 'mixture_two_component', 'meanfield');
  assert.equal(assertWarns(mf, 'sd-ratio-low', 'mu').elements[0], 'mu[1]', describeReport(mf));
  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  assertNoteClaims(fr, 'mixture_two_component', 'fullrank');
  // NUTS mixes well here.
  for (const r of [mf, fr]) assert.ok(r.joint.reference?.trustworthy, JSON.stringify(r.joint.reference?.problems));
});

test('mixture_overlapping: mode-seeking fits too narrow everywhere; mean-field misses means; the reference is hard too', async (t) => {
  const run = await exampleRun('mixture_overlapping', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  // Every name too narrow; mean-field misses means; the reference deserves care: its own health warnings appear.
  assertNoteClaims(mf, 'mixture_overlapping', 'meanfield');
  assertNoteClaims(fr, 'mixture_overlapping', 'fullrank');
  // Full-rank is better than mean-field on every name.
  for (const n of ['mu[1]', 'mu[2]', 'sigma[1]', 'sigma[2]', 'lambda']) assert.ok(sdRatio(fr, n) > sdRatio(mf, n), `${n}\n${describeReport(mf)}\n${describeReport(fr)}`);
  assert.equal(mf.joint.reference?.trustworthy, false);
});

test('radon_hierarchical: no funnel; sigma_county too narrow and off for mean-field, still too narrow for full-rank', async (t) => {
  const run = await exampleRun('radon_hierarchical', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  for (const r of [mf, fr]) assert.deepEqual(r.joint.funnels, []);
  // Whether the optimiser settles and whether k̂ (0.62-0.94 over seeds 1-3) passes its threshold vary with
  // the seed; sigma_county's and alpha's errors do not. Mean-field drops the coupling of the county
  // effects to the population parameters: alpha is off.
  assertNoteClaims(mf, 'radon_hierarchical', 'meanfield');
  // Full-rank restores it: the population coefficients and eta come out right, alpha is never too wide.
  assertNoteClaims(fr, 'radon_hierarchical', 'fullrank');
  const eta = elementsOf(fr, 'eta');
  assert.equal(eta.length, 40);
  const etaOff = eta.filter((n) => sdRatio(fr, n) < 0.8 || sdRatio(fr, n) > 1.25);
  assert.ok(etaOff.length <= 2, `eta sd ratios outside 0.8-1.25: ${etaOff.join(', ')}\n${describeReport(fr)}`);
});

test('stochastic_volatility: the hard case; Pathfinder too narrow on the hyperparameters with k̂ an error, mean-field poor with k̂ an error', async (t) => {
  const run = await exampleRun('stochastic_volatility', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const pf = await run.compare('pathfinder');
  t.diagnostic(`pathfinder: ${pf.seconds.toFixed(1)} s`);
  assertNoteClaims(pf, 'stochastic_volatility', 'pathfinder');
  assert.ok((pf.joint.khat.khat ?? 0) > 1, describeReport(pf));
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  assertNoteClaims(mf, 'stochastic_volatility', 'meanfield');
});

// The CLI path, once per kind of reference: `vigil compare` in-process (the same runCli bin/vigil.js calls).
async function vigil(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

test('vigil compare on the examples: normal_mean writes a JSON report with no warnings; eight schools prints the tau warning at its line', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-examples-'));
  const file = path.join(dir, 'r.json');
  const normal = path.join(repoRoot, 'examples', 'normal_mean.stan');
  const a = await vigil('compare', normal, '--method', 'fullrank', '--seed', String(SEED), '--out', file);
  assert.equal(a.code, 0, a.err);
  assert.match(a.out, /No warnings/);
  const json = JSON.parse(readFileSync(file, 'utf8')) as CompareReport;
  assert.equal(json.referenceKind, 'exact');
  assert.deepEqual(json.warnings, []);

  const centered = path.join(repoRoot, 'examples', 'eight_schools_centered.stan');
  const b = await vigil('compare', centered, '--seed', String(SEED), '--chains', '4', '--warmup', '500', '--draws', '500');
  assert.equal(b.code, 0, b.err);
  const escaped = centered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.match(b.out, new RegExp(`^  ${escaped}:11:\\d+: warning: .*\\btau\\b`, 'm'));
  assert.match(b.out, new RegExp(`^  ${escaped}:12:\\d+: warning: .*funnel`, 'm'));
});

test('digits_zero: exact reference; no correlation or funnel warning; inked pixels right, sd-ratio warnings only on never-inked pixels', async (t) => {
  const run = await exampleRun('digits_zero', SEED);
  assert.equal(run.reference.result.method, 'exact');
  const r = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${r.seconds.toFixed(1)} s (${r.approximation.stopCode})`);
  assert.equal(r.referenceKind, 'exact');
  assertNoteClaims(r, 'digits_zero', 'meanfield');
  // Never inked in any zero: the pixels whose column of counts sums to 0 (the first and last columns).
  const data = JSON.parse(run.input.data.text ?? '{}') as { x: number[][] };
  const blank = new Set<string>();
  for (let p = 0; p < 64; p++) if (data.x.every((row) => row[p] === 0)) blank.add(`theta[${p + 1}]`);
  assert.equal(blank.size, 16);
  for (let row = 0; row < 8; row++) assert.ok(blank.has(`theta[${row * 8 + 1}]`) && blank.has(`theta[${row * 8 + 8}]`));
  const inked = elementsOf(r, 'theta').filter((n) => !blank.has(n));
  assert.equal(inked.length, 48);
  assertSdRatios(r, inked, 0.8, 1.25);
  for (const n of inked) assert.ok(Math.abs(meanError(r, n)) < 0.25, `${n}\n${describeReport(r)}`);
  // The skewed exponential posteriors of the never-inked pixels may draw sd-ratio warnings; no inked pixel does.
  for (const w of [...warningsOf(r, 'sd-ratio-low', 'theta'), ...warningsOf(r, 'sd-ratio-high', 'theta')]) {
    assert.ok(w.elements.every((e) => blank.has(e)), `${w.kind} names an inked pixel: ${w.elements.join(', ')}`);
  }
});
