import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findCollapse } from '../../src/core/infer/collapseCheck';
import type { Approximation } from '../../src/core/infer/viResult';
import { compareDraws } from '../../src/core/diagnose/compare';
import { runVariationalFit } from '../../src/core/pipeline';
import { gaussianTarget, standardNormalTarget } from '../support/targets';

const root = path.resolve(__dirname, '../../..');
const meanField = (mean: number[], sd: number[]): Approximation => ({ kind: 'meanfield', mean: Float64Array.from(mean), sd: Float64Array.from(sd) });
const elbo = (initial: number, final: number) => ({ initial, initialMcse: 0.1, final, finalMcse: 0.1 });

test('findCollapse: an sd orders of magnitude below the local scale is a collapse; a narrow posterior is not', () => {
  const counter = { gradient: 0, value: 0 };
  const wide = standardNormalTarget(3);
  assert.equal(findCollapse(wide, meanField([0.1, -0.2, 0.3], [0.9, 1.1, 1]), elbo(-5, -4), counter), null);
  assert.equal(counter.gradient, 0, 'nothing to probe when no sd is small');
  const collapsed = findCollapse(wide, meanField([5, 0, 0], [1, 1e-40, 1]), elbo(-5, -4), counter);
  assert.match(collapsed ?? '', /^the sd of x\[2\] \(unconstrained\) is 1\.00e-40, 1\.00e-40 times the local scale 1 of the log density/);
  // a posterior with sd 1e-6 fitted exactly: small, but at its local scale
  const narrow = gaussianTarget([3, 0], [1e12, 0, 0, 1]);
  assert.equal(findCollapse(narrow, meanField([3, 0], [1.05e-6, 1]), elbo(-1e9, 10), counter), null);
  // the same posterior with an sd 1e5 times too small
  assert.match(findCollapse(narrow, meanField([3, 0], [1e-11, 1]), elbo(-1e9, 10), counter) ?? '', /sd of x\[1\] \(unconstrained\) is 1\.00e-11, 1\.00e-5 times the local scale 1\.00e-6/);
});

test('findCollapse: an ELBO below the starting approximation\'s, beyond Monte Carlo error, is reported', () => {
  const counter = { gradient: 0, value: 0 };
  const t = standardNormalTarget(2);
  assert.equal(findCollapse(t, meanField([0, 0], [1, 1]), elbo(-3, -3.2), counter), null, 'within noise');
  assert.match(findCollapse(t, meanField([0, 0], [1, 1]), elbo(-3, -50), counter) ?? '', /^its ELBO -50 is below the -3 of the starting approximation$/);
});

test('Stan mode at eta 100 collapses as rstan does, stops where Stan would, and says so plainly', async () => {
  // rstan's vb on this model picked eta 100 on 4 seeds of 100; on 2 of them it "converged" at
  // iteration 300 with a constant ELBO of about -1e6: the sd had collapsed to ~0 (fixture runs).
  const fixture = JSON.parse(readFileSync(path.join(root, 'test/fixtures/vi/stan_advi_stops.json'), 'utf8')) as {
    models: Record<string, { runs: { seed: number; eta: number; stopIteration: number | null; elbo: number[] }[] }>;
  };
  const stanCollapsed = fixture.models.normal_known_sigma.runs.filter((r) => r.eta === 100 && r.stopIteration !== null);
  assert.ok(stanCollapsed.length >= 1);
  for (const r of stanCollapsed) {
    assert.equal(r.stopIteration, 300);
    assert.ok(r.elbo.every((e) => e === r.elbo[0] && e < -1e4), `rstan seed ${r.seed}: constant, very low ELBO`);
  }
  const name = 'normal_known_sigma';
  const file = (ext: string) => path.join(root, 'test/fixtures/models', `${name}${ext}`);
  const request = { model: { source: readFileSync(file('.stan'), 'utf8'), path: file('.stan') }, data: { text: readFileSync(file('.data.json'), 'utf8'), path: file('.data.json') } };
  // seed 4: eta adaptation picks 100, and the sd collapses in the first 100 iterations
  const run = await runVariationalFit({ ...request, method: 'meanfield', seed: 4, options: { algorithm: 'stan', draws: 100 } });
  assert.ok(run.ok);
  const { result, raw } = run.value;
  assert.equal(raw.stepSize, 100);
  assert.equal(raw.iterations, 300, "stopped where Stan's rule stops");
  assert.equal(result.stopCode, 'collapsed');
  assert.equal(result.ok, true, 'the draws are still returned, as Stan returns them');
  assert.match(result.stopReason, /^approximation collapsed: the sd of mu \(unconstrained\) is [\d.]+e-\d+, [\d.]+e-\d+ times the local scale 0\.2\d* of the log density at the approximation's mean; its ELBO .* is below the .* of the starting approximation; eta 100 was too large for this model; do not use this fit: rerun with another seed or with the robust algorithm \(relative ELBO change below tol_rel_obj 0\.01 .* \(Stan's rule\)\)$/);
  // the comparison reports it as an error, not as a converged fit
  const report = compareDraws({
    approximation: { method: 'meanfield', draws: { mu: Float64Array.from(result.draws.mu) }, convergence: { converged: false, stopCode: result.stopCode, stopReason: result.stopReason } },
    reference: null,
  });
  const w = report.warnings.find((x) => x.kind === 'not-converged');
  assert.ok(w && w.severity === 'error', JSON.stringify(report.warnings));
  assert.match(w.message, /^The variational approximation collapsed \(approximation collapsed: the sd of mu/);
  // other seeds (eta 1) are not flagged
  for (const seed of [1, 2, 3]) {
    const ok = await runVariationalFit({ ...request, method: 'meanfield', seed, options: { algorithm: 'stan', draws: 100 } });
    assert.ok(ok.ok);
    assert.match(ok.value.result.stopCode, /^relative-tolerance-/, ok.value.result.stopReason);
  }
});
