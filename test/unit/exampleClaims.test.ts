// Every example in examples/ held to its note in examples/README.md: which warnings appear, on which
// parameters, and which must not. Each example runs through the real pipeline (compile, variational fit,
// exact or NUTS reference, comparison) with seed 1, the CLI's default. NUTS references are 4 × 500 + 500
// (TEST_REFERENCE). Every claim was checked by hand with seeds 1, 2 and 3 (reference and fit both seeded);
// where a number moved between seeds the note gives the range and the test asserts only what held for all.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/runCli';
import type { CompareReport } from '../../src/core/result/fitResult';
import { exampleRun, repoRoot } from '../support/exampleClaims';
import {
  assertNoWarning, assertOnlyKinds, assertSdRatios, assertWarns, describeReport, elementsOf, meanError, sdRatio, warningsOf,
} from '../support/exampleClaimsAssert';

const SEED = 1;
const CORRELATION_KINDS = ['mean-field-correlation', 'lost-correlation'] as const;

test('normal_mean: exact reference; both Gaussian families fit it, no warnings at all', async (t) => {
  const run = await exampleRun('normal_mean', SEED);
  assert.equal(run.reference.result.method, 'exact');
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    assert.equal(r.referenceKind, 'exact');
    const w = r.reference?.summary.w;
    assert.ok(w && Math.abs(w.mean - 1.9837) < 1e-3 && Math.abs(w.sd - 0.0995) < 1e-3, JSON.stringify(w));
    assert.deepEqual(r.warnings, [], describeReport(r));
    assertSdRatios(r, ['w'], 0.9, 1.1);
  }
});

test('eight_schools_centered: tau too narrow, the funnel named with its non-centered rewrite, k̂ high', async (t) => {
  const run = await exampleRun('eight_schools_centered', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    const low = assertWarns(r, 'sd-ratio-low', 'tau');
    assert.equal(low.range?.start.line, 11, 'the warning points at the declaration of tau');
    const funnel = assertWarns(r, 'funnel', 'theta');
    assert.ok(funnel.elements.includes('tau'), describeReport(r));
    assert.match(funnel.message, /tau/);
    assert.match(funnel.message, /theta/);
    assert.ok(r.joint.funnels.some((f) => f.scale === 'tau' && f.group === 'theta' && /std_normal/.test(f.suggestion)), JSON.stringify(r.joint.funnels));
    // k̂ 0.62-1.15 over seeds 1-3 and both families: above its threshold (0.67 for 1000 draws) in most runs.
    assert.ok((r.joint.khat.khat ?? 0) > 0.6, describeReport(r));
    // NUTS's own trouble is shown, not hidden.
    assertWarns(r, 'reference-divergences');
  }
});

test('eight_schools_noncentered: no funnel; mu and theta_tilde right, tau still narrow', async (t) => {
  const run = await exampleRun('eight_schools_noncentered', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    assertNoWarning(r, 'funnel');
    assert.deepEqual(r.joint.funnels, []);
    // tau is still too narrow (0.39-0.83 over seeds 1-3: usually an sd-ratio-low), mu is right.
    assertSdRatios(r, ['tau'], 0.3, 0.9);
    assertSdRatios(r, ['mu'], 0.9, 1.1);
    assert.ok(sdRatio(r, 'tau') < sdRatio(r, 'mu') - 0.05, describeReport(r));
    assertNoWarning(r, 'sd-ratio-high', 'tau');
    assertSdRatios(r, elementsOf(r, 'theta_tilde'), 0.8, 1.2);
    // theta = mu + tau * theta_tilde mostly inherits some of tau's narrowness (0.70-1.22 over seeds 1-3).
    const theta = elementsOf(r, 'theta');
    assert.equal(theta.length, 8);
    assertSdRatios(r, theta, 0.65, 1.3);
    for (const kind of CORRELATION_KINDS) assertNoWarning(r, kind);
  }
});

test('logistic_correlated: mean-field too narrow on beta[1], beta[2] and loses their correlation; full-rank recovers', async (t) => {
  const run = await exampleRun('logistic_correlated', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  const low = assertWarns(mf, 'sd-ratio-low', 'beta');
  assert.ok(low.elements.includes('beta[1]') && low.elements.includes('beta[2]'), describeReport(mf));
  assertSdRatios(mf, ['beta[1]', 'beta[2]'], 0.35, 0.55);
  // alpha and beta[3] are not part of the correlated pair: much better (0.81-1.00 over seeds 1-3).
  assertSdRatios(mf, ['alpha', 'beta[3]'], 0.75, 1.1);
  assertNoWarning(mf, 'sd-ratio-low', 'alpha');
  const corr = assertWarns(mf, 'mean-field-correlation', 'beta');
  assert.deepEqual([...corr.elements].sort(), ['beta[1]', 'beta[2]']);
  assert.match(corr.message, /full-rank/i);
  assertNoWarning(mf, 'mean-error');
  const ref = mf.joint.correlation?.reference;
  const names = mf.joint.correlation?.names ?? [];
  assert.ok(ref, 'reference correlation matrix');
  const rho = ref[names.indexOf('beta[1]')][names.indexOf('beta[2]')];
  assert.ok(rho < -0.8 && rho > -0.95, `corr(beta[1], beta[2]) = ${rho}`);

  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  assertSdRatios(fr, ['alpha', 'beta[1]', 'beta[2]', 'beta[3]'], 0.8, 1.1);
  assertSdRatios(fr, ['beta[1]', 'beta[2]'], 0.85, 1.1);
  for (const kind of ['sd-ratio-low', 'sd-ratio-high', 'mean-error', ...CORRELATION_KINDS] as const) assertNoWarning(fr, kind);
  // k̂ sits near its threshold and the stopping rule may give up: those are allowed, nothing else.
  assertOnlyKinds(fr, ['khat', 'not-converged']);
});

test('ar1: both families match the reference marginals; no sd-ratio, mean-error, correlation or funnel warning', async (t) => {
  const run = await exampleRun('ar1', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  for (const method of ['meanfield', 'fullrank'] as const) {
    const r = await run.compare(method);
    t.diagnostic(`${method}: ${r.seconds.toFixed(1)} s`);
    assertSdRatios(r, ['mu', 'phi', 'sigma'], 0.8, 1.1);
    for (const n of ['mu', 'phi', 'sigma']) assert.ok(Math.abs(meanError(r, n)) < 0.15, describeReport(r));
    // k̂ and the stopping rule may object (see the note); nothing else may.
    assertOnlyKinds(r, ['khat', 'not-converged']);
  }
});

test('mixture_two_component: mean-field mu[1] too narrow and mu[2] too wide (the ordered transform); full-rank recovers', async (t) => {
  const run = await exampleRun('mixture_two_component', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  const low = assertWarns(mf, 'sd-ratio-low', 'mu');
  assert.equal(low.elements[0], 'mu[1]', describeReport(mf));
  assertSdRatios(mf, ['mu[1]'], 0.35, 0.6);
  // About 1.25, right at the sd-ratio-high threshold: the warning comes and goes with the seed.
  assertSdRatios(mf, ['mu[2]'], 1.15, 1.4);
  assertSdRatios(mf, ['lambda'], 0.85, 1.05);
  // Neither mean is off and lambda is right (sigma's mean errors reach the 0.25 threshold with some seeds).
  for (const v of ['mu', 'lambda']) assertNoWarning(mf, 'mean-error', v);
  for (const kind of CORRELATION_KINDS) assertNoWarning(mf, kind);
  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  assertSdRatios(fr, ['mu[1]', 'mu[2]', 'sigma[1]', 'sigma[2]', 'lambda'], 0.8, 1.1);
  assertOnlyKinds(fr, ['not-converged']);
  for (const r of [mf, fr]) {
    assert.ok(!r.warnings.some((w) => w.kind.startsWith('reference-')), `NUTS mixes well here\n${describeReport(r)}`);
    assert.ok(r.joint.reference?.trustworthy, JSON.stringify(r.joint.reference?.problems));
  }
});

test('mixture_overlapping: mode-seeking fits too narrow everywhere; mean-field misses means; the reference is hard too', async (t) => {
  const run = await exampleRun('mixture_overlapping', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  const all = ['mu[1]', 'mu[2]', 'sigma[1]', 'sigma[2]', 'lambda'];
  for (const r of [mf, fr]) {
    for (const v of ['mu', 'sigma', 'lambda']) assertWarns(r, 'sd-ratio-low', v);
    assertSdRatios(r, all, 0, 0.8);
    assertNoWarning(r, 'sd-ratio-high');
  }
  for (const v of ['mu', 'lambda']) assertWarns(mf, 'mean-error', v);
  assert.ok(warningsOf(mf, 'mean-field-correlation').length > 0, describeReport(mf));
  // Full-rank is better than mean-field on every name.
  for (const n of all) assert.ok(sdRatio(fr, n) > sdRatio(mf, n), `${n}\n${describeReport(mf)}\n${describeReport(fr)}`);
  // The reference deserves care: its own health warnings appear.
  assert.ok(mf.warnings.some((w) => w.kind.startsWith('reference-')), describeReport(mf));
  assert.equal(mf.joint.reference?.trustworthy, false);
});

test('radon_hierarchical: no funnel; sigma_county too narrow and off for mean-field, still too narrow for full-rank', async (t) => {
  const run = await exampleRun('radon_hierarchical', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  const fr = await run.compare('fullrank');
  t.diagnostic(`fullrank: ${fr.seconds.toFixed(1)} s`);
  for (const r of [mf, fr]) {
    assertNoWarning(r, 'funnel');
    assert.deepEqual(r.joint.funnels, []);
    assertWarns(r, 'sd-ratio-low', 'sigma_county');
    assertSdRatios(r, ['sigma_county'], 0, 0.8);
    assertNoWarning(r, 'sd-ratio-high', 'sigma_county');
  }
  // Whether the optimiser settles and whether k̂ (0.62-0.94 over seeds 1-3) passes its threshold vary with
  // the seed; sigma_county's and alpha's errors do not.
  assertWarns(mf, 'mean-error', 'sigma_county');
  // Mean-field drops the coupling of the county effects to the population parameters: alpha is off.
  assertWarns(mf, 'mean-error', 'alpha');
  assertSdRatios(mf, ['mu_alpha', 'b_uranium', 'beta'], 0.7, 1.0);
  // Full-rank restores it: the population coefficients and eta come out right, alpha is never too wide.
  assertSdRatios(fr, ['mu_alpha', 'b_uranium', 'beta'], 0.8, 1.1);
  const eta = elementsOf(fr, 'eta');
  assert.equal(eta.length, 40);
  const etaOff = eta.filter((n) => sdRatio(fr, n) < 0.8 || sdRatio(fr, n) > 1.25);
  assert.ok(etaOff.length <= 2, `eta sd ratios outside 0.8-1.25: ${etaOff.join(', ')}\n${describeReport(fr)}`);
  assertNoWarning(fr, 'sd-ratio-high', 'alpha');
  assertNoWarning(fr, 'mean-error', 'mu_alpha');
  assertNoWarning(fr, 'mean-error', 'b_uranium');
  assertNoWarning(fr, 'mean-error', 'beta');
});

test('stochastic_volatility: the hard case; Pathfinder too narrow on the hyperparameters with k̂ an error, mean-field poor with k̂ an error', async (t) => {
  const run = await exampleRun('stochastic_volatility', SEED);
  t.diagnostic(`NUTS reference: ${run.referenceSeconds.toFixed(1)} s`);
  const pf = await run.compare('pathfinder');
  t.diagnostic(`pathfinder: ${pf.seconds.toFixed(1)} s`);
  const k = assertWarns(pf, 'khat');
  assert.equal(k.severity, 'error', describeReport(pf));
  assert.ok((pf.joint.khat.khat ?? 0) > 1, describeReport(pf));
  for (const v of ['mu', 'phi', 'sigma']) assertWarns(pf, 'sd-ratio-low', v);
  assertWarns(pf, 'mean-error', 'sigma');
  const mf = await run.compare('meanfield');
  t.diagnostic(`meanfield: ${mf.seconds.toFixed(1)} s`);
  // its iterates settle slowly if at all (seed 1: stationary after 4,000 iterations; seeds 2–3 reach
  // the limit); either way the approximation is poor, and k̂ says so
  assert.equal(assertWarns(mf, 'khat').severity, 'error', describeReport(mf));
  for (const v of ['mu', 'phi', 'sigma', 'h']) assertWarns(mf, 'mean-error', v);
  assert.ok(warningsOf(mf, 'sd-ratio-low', 'h').length + warningsOf(mf, 'sd-ratio-high', 'h').length > 0, describeReport(mf));
  for (const r of [pf, mf]) {
    assertNoWarning(r, 'funnel');
    assertWarns(r, 'reference-divergences');
  }
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
  for (const kind of [...CORRELATION_KINDS, 'funnel'] as const) assertNoWarning(r, kind);
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
  assertNoWarning(r, 'sd-ratio-low', 'x_sim');
  assertNoWarning(r, 'sd-ratio-high', 'x_sim');
});
