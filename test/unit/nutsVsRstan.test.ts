// Vigil's NUTS against rstan 2.21's NUTS on the test models (test/fixtures/models/nuts_reference.json,
// made by make_nuts_reference.R beside it): per flattened name, means within 4 combined MCSE and sds
// within 10%. Where rstan's own run diverges or does not mix (the funnels), Vigil must report trouble too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runNutsFit } from '../../src/core/pipeline';

const dir = path.resolve(__dirname, '../../../test/fixtures/models');

interface RstanName {
  mean: string;
  sd: string;
  mcseMean: string;
  rhat: string;
}
const reference: Record<string, { divergences: number; summary: Record<string, RstanName> }> = JSON.parse(
  readFileSync(path.join(dir, 'nuts_reference.json'), 'utf8'),
);

function input(name: string) {
  const model = path.join(dir, `${name}.stan`);
  const data = path.join(dir, `${name}.data.json`);
  return { model: { source: readFileSync(model, 'utf8'), path: model }, data: { text: readFileSync(data, 'utf8'), path: data } };
}

test('the reference covers at least 10 models', () => {
  assert.ok(Object.keys(reference).length >= 10, `${Object.keys(reference).length} models`);
});

for (const [name, ref] of Object.entries(reference)) {
  test(`${name}: NUTS agrees with rstan's NUTS`, async () => {
    const run = await runNutsFit({ ...input(name), seed: 20261121 });
    assert.ok(run.ok, run.ok ? '' : run.errors.map((e) => e.message).join('; '));
    const ours = run.value.result;
    const rstanMaxRhat = Math.max(...Object.values(ref.summary).map((r) => Number(r.rhat)).filter(Number.isFinite));
    if (ref.divergences > 40 || rstanMaxRhat > 1.01) { // more than 1% of the 4000 draws diverged
      // A funnel (centered eight schools; hierarchical_binomial with its small groups): rstan's own run
      // diverges or does not mix, so it is no reference for moments. What matters is that Vigil reports
      // the same trouble rather than hiding it.
      const oursMaxRhat = Math.max(...Object.values(ours.summary).map((x) => x.rhat ?? NaN).filter(Number.isFinite));
      assert.ok((ours.sampler?.divergences ?? 0) > 0 || oursMaxRhat > 1.01, `Vigil reports divergences or R̂ > 1.01 (rstan: ${ref.divergences} divergences, R̂ ${rstanMaxRhat})`);
      if (name === 'eight_schools_centered') assert.ok((ours.sampler?.divergences ?? 0) > 0, 'divergences on the funnel are reported');
      return;
    }
    const problems: string[] = [];
    for (const [n, r] of Object.entries(ref.summary)) {
      const s = ours.summary[n];
      if (!s) {
        problems.push(`${n}: missing from Vigil's summary`);
        continue;
      }
      const [mean, sd, mcse] = [Number(r.mean), Number(r.sd), Number(r.mcseMean)];
      if (sd === 0 || !Number.isFinite(sd)) continue; // constants (e.g. a fixed generated quantity)
      const allowed = 4 * Math.hypot(mcse, s.mcseMean ?? NaN);
      if (!(Math.abs(s.mean - mean) <= allowed)) problems.push(`${n}: mean ${s.mean} vs rstan ${mean} (allowed ±${allowed})`);
      if (!(Math.abs(s.sd / sd - 1) <= 0.1)) problems.push(`${n}: sd ${s.sd} vs rstan ${sd} (${((s.sd / sd - 1) * 100).toFixed(1)}%)`);
    }
    assert.deepEqual(problems, []);
  });
}
