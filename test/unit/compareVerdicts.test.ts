// Cases whose right verdict is known, on synthetic draws: the comparison must say exactly what is
// wrong (and nothing when nothing is).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareDraws } from '../../src/core/diagnose/compare/compareDraws';
import type { CompareReport, CompareWarning } from '../../src/core/diagnose/compare/compareReport';
import { Rng } from '../../src/core/infer/rng';
import {
  bivariateNormal, driftingChains, drawsOf, funnelDraw, funnelMeanFieldDraw, funnelNames, jointChains, jointDraws,
} from '../support/compareTargets';

const close = (x: number, y: number, tol: number, what: string) => assert.ok(Math.abs(x - y) <= tol, `${what}: ${x} vs ${y} (tol ${tol})`);
const kinds = (r: CompareReport) => r.warnings.map((w) => w.kind);
const only = (r: CompareReport, kind: CompareWarning['kind']) => {
  const ws = r.warnings.filter((w) => w.kind === kind);
  assert.equal(ws.length, 1, `one ${kind} warning in ${JSON.stringify(kinds(r))}`);
  return ws[0];
};
const converged = { converged: true, stopCode: 'stationary', stopReason: 'iterates stationary: R̂ 1.01, MCSE 0.03' };

test('a well-fit model gets no warning at all', () => {
  const rng = new Rng(1);
  const names = ['mu', 'sigma', 'theta[1]', 'theta[2]', 'theta[3]'];
  const joint = () => [1 + 2 * rng.normal(), Math.exp(0.3 * rng.normal()), rng.normal(), 3 + rng.normal(), -1 + 0.5 * rng.normal()];
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: jointDraws(names, 4000, joint), khat: 0.2, convergence: converged },
    reference: { kind: 'nuts', draws: jointChains(names, 4, 1000, joint), health: { divergences: 0, treedepthSaturated: 0 } },
  });
  assert.deepEqual(r.warnings, []);
  assert.equal(r.parameters.length, 5);
  for (const m of r.parameters) {
    assert.ok(Math.abs(m.sdRatio - 1) < 0.06, `${m.name} sd ratio ${m.sdRatio}`);
    assert.ok(Math.abs(m.standardizedMeanError) < 0.1, `${m.name} sme ${m.standardizedMeanError}`);
    assert.ok(m.wassersteinOverSd < 0.1, `${m.name} W1/sd ${m.wassersteinOverSd}`);
    close(m.coverage90, 0.9, 0.03, `${m.name} coverage`);
  }
  assert.equal(r.joint.reference!.trustworthy, true);
  assert.equal(r.joint.khat.verdict, 'ok');
});

test('a correlated Gaussian fitted mean-field gets the sd-ratio and correlation warnings with the right numbers', () => {
  const rng = new Rng(2);
  const rho = 0.9;
  const shrink = Math.sqrt(1 - rho * rho); // the mean-field solution's sd ratio, 0.436
  const names = ['alpha', 'beta'];
  const ref = jointChains(names, 4, 1000, () => bivariateNormal(rng, 1, 3, rho));
  const q = jointDraws(names, 4000, () => [shrink * rng.normal(), 3 * shrink * rng.normal()]);
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: q, khat: 0.3, convergence: converged },
    reference: { kind: 'nuts', draws: ref, health: { divergences: 0 } },
  });
  assert.deepEqual(new Set(kinds(r)), new Set(['sd-ratio-low', 'mean-field-correlation']));
  const sd = r.warnings.filter((w) => w.kind === 'sd-ratio-low');
  assert.equal(sd.length, 2, 'one per Stan variable');
  for (const w of sd) {
    close(w.numbers.sdRatio, shrink, 0.03, `${w.parameter} sd ratio`);
    assert.match(w.message, new RegExp(`^${w.parameter}: the variational sd is 4[2-5]% of the NUTS sd; uncertainty is underestimated\\.$`));
  }
  const c = only(r, 'mean-field-correlation');
  assert.deepEqual(c.elements, ['alpha', 'beta']);
  assert.equal(c.parameter, 'alpha, beta');
  close(c.numbers.referenceCorrelation, rho, 0.02, 'reference correlation');
  close(c.numbers.approximationCorrelation, 0, 0.06, 'mean-field correlation');
  assert.match(c.message, /alpha and beta: the NUTS correlation is 0\.9\d, which a mean-field fit cannot represent; try a full-rank fit/);
  // the joint report lists the pair as lost
  assert.equal(r.joint.correlation!.lost[0].a, 'alpha');
  close(r.joint.correlation!.lost[0].change, rho, 0.06, 'lost change');
});

test('a shifted approximation gets the mean warning with the right standardized error', () => {
  const rng = new Rng(3);
  const ref = { mu: driftingChains(rng, 1000, [0, 0, 0, 0]).map((c) => c.map((v) => 10 + 2 * v)) };
  const q = { mu: drawsOf(4000, () => 10 + 0.8 + 2 * rng.normal()) }; // shift 0.8 = 0.4 sd
  const r = compareDraws({ approximation: { method: 'fullrank', draws: q, khat: 0.1, convergence: converged }, reference: { kind: 'nuts', draws: ref } });
  assert.deepEqual(kinds(r), ['mean-error']);
  const w = r.warnings[0];
  close(w.numbers.standardizedMeanError, 0.4, 0.05, 'standardized error');
  close(r.parameters[0].standardizedMeanError, 0.4, 0.05, 'measure');
  assert.match(w.message, /^mu: the variational mean is 0\.[34]\d NUTS sds above the NUTS mean; the approximation misses the mean\.$/);
});

test('vector elements are aggregated: one warning naming the worst element and the count', () => {
  const rng = new Rng(4);
  const names = Array.from({ length: 8 }, (_, j) => `theta[${j + 1}]`);
  const ref = jointChains(names, 4, 500, () => names.map(() => rng.normal()));
  const widths = [1, 1, 0.5, 1, 0.3, 1, 1, 1];
  const q = jointDraws(names, 2000, () => widths.map((s) => s * rng.normal()));
  const r = compareDraws({ approximation: { method: 'meanfield', draws: q, khat: 0.1 }, reference: { kind: 'nuts', draws: ref } });
  const w = only(r, 'sd-ratio-low');
  assert.equal(w.parameter, 'theta');
  assert.deepEqual(w.elements, ['theta[5]', 'theta[3]']);
  assert.equal(w.numbers.affected, 2);
  assert.match(w.message, /^theta: the variational sd is 3\d% of the NUTS sd at theta\[5\] \(2 of 8 elements below 80%\); uncertainty is underestimated\.$/);
});

test('an untrustworthy reference is never used silently', () => {
  const rng = new Rng(5);
  const ref = { mu: driftingChains(rng, 500, [0, 0, 1.5, 1.5]) };
  const q = { mu: drawsOf(2000, () => 0.75 + rng.normal()) };
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: q, khat: 0.2 },
    reference: { kind: 'nuts', draws: ref, health: { divergences: 7, treedepthSaturated: 3 } },
  });
  const h = r.joint.reference!;
  assert.equal(h.trustworthy, false);
  assert.ok(h.maxRhat!.value > 1.1, `rhat ${h.maxRhat!.value}`);
  const rh = only(r, 'reference-rhat');
  assert.equal(rh.severity, 'error');
  assert.match(rh.message, /^R̂ of mu is 1\.\d{3} \(above 1\.01 for 1 name\): the NUTS chains have not mixed/);
  assert.match(only(r, 'reference-divergences').message, /NUTS had 7 divergent transitions/);
  assert.equal(only(r, 'reference-treedepth').severity, 'info');
  assert.match(h.summary, /^NUTS: 4 chains × 500 draws, max R̂ 1\.\d{3} \(mu\)/);
  // the same draws with a short ESS-only problem: a single short chain
  const short = compareDraws({
    approximation: { method: 'meanfield', draws: { mu: drawsOf(100, () => rng.normal()) } },
    reference: { kind: 'imported', draws: { mu: [drawsOf(100, () => rng.normal())] } },
  });
  const ess = short.warnings.filter((w) => w.kind === 'reference-ess').map((w) => w.message);
  assert.equal(ess.length, 2, 'bulk and tail');
  assert.match(ess[0], /^Bulk ESS of mu is \d+ \(below 400 for 1 name\): the reference means and sds are too noisy/);
  assert.match(ess[1], /^Tail ESS of mu is \d+ \(below 400 for 1 name\)/);
  // an exact reference is trusted as it is
  const exact = compareDraws({
    approximation: { method: 'meanfield', draws: { mu: drawsOf(1000, () => rng.normal()) } },
    reference: { kind: 'exact', draws: {}, exact: { mu: { mean: 0, sd: 1, q5: -1.645, q50: 0, q95: 1.645 } } },
  });
  assert.equal(exact.joint.reference!.summary, 'exact (closed form)');
  assert.equal(exact.parameters[0].presentIn, 'both');
  assert.deepEqual(exact.warnings, []);
});

test('k̂ above its threshold is explained, and a non-converged fit is reported', () => {
  const rng = new Rng(6);
  const r = compareDraws({
    approximation: {
      method: 'meanfield', draws: { mu: drawsOf(4000, () => rng.normal()) }, khat: 0.92,
      convergence: { converged: false, stopCode: 'max-iterations', stopReason: 'reached 10000 iterations' },
    },
    reference: null,
  });
  assert.deepEqual(kinds(r), ['not-converged', 'khat', 'no-reference']);
  const k = r.warnings[1];
  assert.equal(k.message,
    'k̂ 0.92 > 0.70 (the threshold for 4000 draws): the approximation\'s tails are too light; for a Gaussian approximation too narrow by a ratio r, k ≈ 1 − r², which puts r near 0.28.');
  close(k.numbers.impliedSdRatio, Math.sqrt(0.08), 1e-12, 'r');
  assert.equal(r.joint.khat.threshold, 0.7);
  assert.match(r.warnings[0].message, /did not converge \(reached 10000 iterations\)/);
  // S = 100 draws: the threshold is 1 − 1/log10(100) = 0.5
  const small = compareDraws({ approximation: { method: 'meanfield', draws: { mu: drawsOf(100, () => rng.normal()) }, khat: 0.6 }, reference: null });
  close(small.joint.khat.threshold, 0.5, 1e-15, 'threshold for 100 draws');
  assert.equal(small.joint.khat.verdict, 'high');
  // failures are errors
  const failed = compareDraws({
    approximation: { method: 'fullrank', draws: {}, convergence: { converged: false, stopCode: 'diverged', stopReason: 'the ELBO became NaN' } },
    reference: null,
  });
  assert.equal(failed.warnings[0].severity, 'error');
});

test('without a reference: a full-rank fit\'s correlations and a pointer to references', () => {
  const rng = new Rng(7);
  const q = jointDraws(['a', 'b'], 2000, () => bivariateNormal(rng, 1, 1, -0.8));
  const r = compareDraws({ approximation: { method: 'fullrank', draws: q, khat: 0.3, convergence: converged }, reference: null });
  assert.deepEqual(kinds(r), ['fit-correlation', 'no-reference']);
  assert.match(r.warnings[0].message, /^a and b are strongly correlated in the full-rank fit \(ρ = -0\.[78]\d\), which a mean-field fit would miss\.$/);
  assert.equal(r.joint.correlation!.reference, null);
  assert.equal(r.parameters[0].reference, null);
});

test('names on one side are listed, not fatal; thresholds are configurable', () => {
  const rng = new Rng(8);
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: { a: drawsOf(1000, () => rng.normal()), extra: drawsOf(1000, () => rng.normal()) }, khat: 0.1 },
    reference: {
      kind: 'nuts',
      draws: { a: [drawsOf(1000, () => 1.1 * rng.normal())], missing: [drawsOf(1000, () => rng.normal())], lp__: [drawsOf(1000, () => rng.normal())] },
    },
    thresholds: { sdRatioLow: 0.95 },
  });
  assert.deepEqual(r.joint.unmatched, { approximationOnly: ['extra'], referenceOnly: ['missing'] }); // lp__ is no model name
  assert.deepEqual(r.parameters.map((m) => [m.name, m.presentIn]), [['a', 'both'], ['extra', 'approximation'], ['missing', 'reference']]);
  assert.match(only(r, 'unmatched-names').message, /^Not compared: 1 name only in the approximation \(extra\) and 1 name only in the NUTS draws \(missing\)\.$/);
  assert.equal(r.thresholds.sdRatioLow, 0.95);
  assert.equal(only(r, 'sd-ratio-low').parameter, 'a'); // ratio ~0.91: inside the default band, outside 0.95
});

test('a centered funnel squeezed by the approximation gets the sd warning on tau and the funnel suggestion (no program)', () => {
  const rng = new Rng(9);
  const J = 8;
  const names = funnelNames(J);
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: jointDraws(names, 4000, () => funnelMeanFieldDraw(rng, J)), khat: 0.5 },
    reference: { kind: 'nuts', draws: jointChains(names, 4, 1000, () => funnelDraw(rng, J)) },
  });
  const tau = r.warnings.find((w) => w.kind === 'sd-ratio-low' && w.parameter === 'tau');
  assert.ok(tau, JSON.stringify(kinds(r)));
  const f = only(r, 'funnel');
  assert.equal(f.parameter, 'theta');
  assert.ok(f.numbers.correlation > 0.9, `funnel correlation ${f.numbers.correlation}`);
  close(f.numbers.scaleSdRatio, tau.numbers.sdRatio, 1e-15, 'same ratio');
  assert.match(f.message, /^theta: centered parameterization under the scale tau forms a funnel .*; try a non-centered parameterization: theta = location \+ tau \* theta_raw with theta_raw ~ std_normal\(\)\.$/);
  // the same reference with an approximation that gets tau right: the funnel is noted, not warned
  const good = compareDraws({
    approximation: { method: 'meanfield', draws: jointDraws(names, 4000, () => funnelDraw(rng, J)), khat: 0.5 },
    reference: { kind: 'nuts', draws: jointChains(names, 4, 1000, () => funnelDraw(rng, J)) },
  });
  assert.equal(good.joint.funnels.length, 1);
  assert.ok(!kinds(good).includes('funnel'));
});

test('a full-rank fit that lost one correlation and invented another names both pairs', () => {
  const rng = new Rng(10);
  const names = ['a', 'b', 'c'];
  const ref = jointChains(names, 4, 1000, () => [...bivariateNormal(rng, 1, 1, 0.9), rng.normal()]);
  const q = jointDraws(names, 4000, () => {
    const [a, c] = bivariateNormal(rng, 1, 1, 0.6);
    return [a, rng.normal(), c];
  });
  const r = compareDraws({ approximation: { method: 'fullrank', draws: q, khat: 0.3 }, reference: { kind: 'nuts', draws: ref } });
  assert.deepEqual(kinds(r), ['lost-correlation', 'invented-correlation']);
  const lost = r.warnings[0];
  assert.deepEqual(lost.elements, ['a', 'b']);
  close(lost.numbers.change, 0.9, 0.06, 'lost');
  assert.match(lost.message, /^a and b: the approximation has lost correlation, -?0\.0\d against 0\.9\d under NUTS\.$/);
  const invented = r.warnings[1];
  assert.deepEqual(invented.elements, ['a', 'c']);
  close(invented.numbers.approximationCorrelation, 0.6, 0.04, 'invented');
});

test('sampler-reported health is used as given; computed health and correlations respect their caps', () => {
  const rng = new Rng(12);
  const names = ['x[1]', 'x[2]', 'x[3]'];
  const joint = () => [rng.normal(), 2 * rng.normal(), 3 * rng.normal()];
  const ref = jointChains(names, 2, 500, joint);
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: jointDraws(names, 1000, joint), khat: 0.1 },
    reference: { kind: 'nuts', draws: ref, health: { rhat: { 'x[2]': 1.05 } } },
    thresholds: { maxHealthNames: 1, maxCorrelationNames: 2 },
  });
  const h = r.joint.reference!;
  assert.deepEqual(h.maxRhat!.name, 'x[2]'); // the reported 1.05, not a computed ~1.00
  assert.equal(h.maxRhat!.value, 1.05);
  assert.deepEqual([h.checkedNames, h.totalNames], [1, 3]); // ESS computed on one name only
  assert.match(h.summary, /R̂ and ESS checked on the first 1 of 3 names/);
  assert.equal(only(r, 'reference-rhat').severity, 'warning');
  assert.deepEqual(r.joint.correlation!.names, ['x[2]', 'x[3]']); // the two largest variances
  assert.equal(r.joint.correlation!.capped, true);
});
