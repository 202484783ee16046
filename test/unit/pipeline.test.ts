import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runVariationalFit } from '../../src/core/pipeline/runVariationalFit';
import type { ProgressUpdate } from '../../src/core/pipeline/pipelineTypes';

const root = path.resolve(__dirname, '../../..');
const example = (name: string) => {
  const model = path.join(root, 'examples', `${name}.stan`);
  const data = path.join(root, 'examples', `${name}.data.json`);
  return { model: { source: readFileSync(model, 'utf8'), path: model }, data: { text: readFileSync(data, 'utf8'), path: data } };
};

test('normal_mean: mean-field fit lands on the exact posterior (1.9837, 0.0995)', async () => {
  const updates: ProgressUpdate[] = [];
  const run = await runVariationalFit({ ...example('normal_mean'), method: 'meanfield', seed: 3, options: { draws: 4000 } }, { onProgress: (u) => updates.push(u) });
  assert.ok(run.ok, JSON.stringify(!run.ok && run.errors));
  const r = run.value.result;
  assert.equal(r.schema, 'vigil.result');
  assert.equal(r.chains, 1);
  assert.equal(r.draws.w.length, 4000);
  // MC error of the mean with 4000 draws is 0.0995/63 = 0.0016; allow for the optimiser's own error too.
  assert.ok(Math.abs(r.summary.w.mean - 1.9837) < 0.015, `mean ${r.summary.w.mean}`);
  assert.ok(Math.abs(r.summary.w.sd / 0.0995 - 1) < 0.1, `sd ${r.summary.w.sd}`);
  assert.ok(r.elbo.length > 0);
  assert.equal(r.model.hash.length, 64);
  assert.ok(updates.some((u) => u.stage === 'approximation' && u.elbo && u.elbo.length > 0));
});
