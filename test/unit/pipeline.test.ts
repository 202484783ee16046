import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCompare, runNutsFit, runReference, runVariationalFit, type ProgressUpdate } from '../../src/core/pipeline';

const root = path.resolve(__dirname, '../../..');
export function example(name: string) {
  const model = path.join(root, 'examples', `${name}.stan`);
  const data = path.join(root, 'examples', `${name}.data.json`);
  return { model: { source: readFileSync(model, 'utf8'), path: model }, data: { text: readFileSync(data, 'utf8'), path: data } };
}

test('normal_mean: mean-field fit lands on the exact posterior (1.9837, 0.0995)', async () => {
  const updates: ProgressUpdate[] = [];
  const run = await runVariationalFit({ ...example('normal_mean'), method: 'meanfield', seed: 3, options: { draws: 4000 } }, { onProgress: (u) => updates.push(u) });
  assert.ok(run.ok, JSON.stringify(!run.ok && run.errors));
  const r = run.value.result;
  assert.equal(r.schema, 'vigil.result');
  assert.equal(r.method, 'meanfield');
  assert.equal(r.chains, 1);
  assert.equal(r.draws.w.length, 4000);
  assert.deepEqual(r.names.parameters, ['w']);
  // MC error of the mean with 4000 draws is 0.0995/63 = 0.0016; the optimiser's iterate average adds its own.
  assert.ok(Math.abs(r.summary.w.mean - 1.9837) < 0.015, `mean ${r.summary.w.mean}`);
  assert.ok(Math.abs(r.summary.w.sd / 0.0995 - 1) < 0.1, `sd ${r.summary.w.sd}`);
  assert.ok(r.summary.w.q5 < r.summary.w.q50 && r.summary.w.q50 < r.summary.w.q95);
  assert.ok(r.elbo.length > 0 && r.khat !== null && r.gradientEvaluations > 0);
  assert.match(r.model.hash, /^[0-9a-f]{64}$/);
  assert.match(r.data.hash ?? '', /^[0-9a-f]{64}$/);
  assert.ok(updates.some((u) => u.stage === 'approximation' && u.elbo && u.elbo.length > 0));
  // Reproducible from the seed.
  const again = await runVariationalFit({ ...example('normal_mean'), method: 'meanfield', seed: 3, options: { draws: 4000 } });
  assert.ok(again.ok);
  assert.deepEqual(again.value.result.draws.w, r.draws.w);
});

test('data errors come back as values naming the variable and pointing into the data file', async () => {
  const ex = example('normal_mean');
  const run = await runVariationalFit({ ...ex, data: { text: '{"N": 3, "x": [1, 2]}', path: 'bad.json' }, method: 'meanfield', seed: 1 });
  assert.ok(!run.ok);
  assert.equal(run.errors[0].source, 'data');
  assert.equal(run.errors[0].file, 'bad.json');
  assert.match(run.errors[0].message, /'x'/);
  assert.ok(run.errors[0].span && run.errors[0].span.start.line === 1);
});

test('model errors come back positioned in the model file', async () => {
  const run = await runVariationalFit({ model: { source: 'parameters { real w; }\nmodel { w ~ normal(0, sigma); }\n', path: 'm.stan' }, data: { text: null, path: null }, method: 'meanfield', seed: 1 });
  assert.ok(!run.ok);
  assert.equal(run.errors[0].source, 'model');
  assert.equal(run.errors[0].file, 'm.stan');
  assert.equal(run.errors[0].span?.start.line, 2);
  assert.match(run.errors[0].message, /sigma/);
});

test('a variational fit is cancelled within 100 ms', async () => {
  const controller = new AbortController();
  const started = performance.now();
  let abortedAt = 0;
  const pending = runVariationalFit({ ...example('eight_schools_centered'), method: 'fullrank', seed: 1, options: { iter: 1e6 } }, {
    signal: controller.signal,
    onProgress: (u) => {
      if (u.stage === 'approximation' && !abortedAt && performance.now() - started > 100) {
        abortedAt = performance.now();
        controller.abort();
      }
    },
  });
  const run = await pending;
  const latency = performance.now() - abortedAt;
  assert.ok(!run.ok && run.cancelled, 'cancelled');
  assert.ok(abortedAt > 0 && latency < 100, `cancel took ${latency} ms`);
});

test('NUTS on normal_mean: chains, R̂, ESS and the exact posterior within MC error', async () => {
  const run = await runNutsFit({ ...example('normal_mean'), seed: 5, options: { chains: 2, warmup: 300, draws: 500 } });
  assert.ok(run.ok, JSON.stringify(!run.ok && run.errors));
  const r = run.value.result;
  assert.equal(r.method, 'nuts');
  assert.equal(r.chains, 2);
  assert.equal(r.draws.w.length, 1000);
  const s = r.summary.w;
  assert.ok(s.rhat !== undefined && s.rhat < 1.05 && (s.essBulk ?? 0) > 200 && s.mcseMean !== undefined);
  assert.ok(Math.abs(s.mean - 1.9837) < 4 * s.mcseMean!, `mean ${s.mean} ± ${s.mcseMean}`);
  assert.ok(Math.abs(s.sd / 0.0995 - 1) < 0.15, `sd ${s.sd}`);
  assert.equal(r.sampler?.divergences, 0);
});

test('NUTS is cancelled within 100 ms of the abort', async () => {
  const controller = new AbortController();
  let abortedAt = 0;
  const run = await runNutsFit({ ...example('eight_schools_centered'), seed: 1, options: { chains: 2, warmup: 200000, draws: 1000 } }, {
    signal: controller.signal,
    onProgress: (u) => {
      // Abort once both chains are sampling warm-up iterations in their threads.
      if (!abortedAt && u.chains && u.chains.every((c) => c.iteration > 0)) {
        abortedAt = performance.now();
        controller.abort();
      }
    },
  });
  const latency = performance.now() - abortedAt;
  assert.ok(!run.ok && run.cancelled);
  assert.ok(abortedAt > 0 && latency < 100, `cancel took ${latency} ms`);
});

test('reference auto: exact for normal_mean (closed form), NUTS for eight schools with the reasons', async () => {
  const exact = await runReference({ ...example('normal_mean'), seed: 2 }, { kind: 'auto' });
  assert.ok(exact.ok, JSON.stringify(!exact.ok && exact.errors));
  const r = exact.value.result;
  assert.equal(r.method, 'exact');
  assert.ok(r.explanation && /normal/.test(r.explanation));
  assert.ok(Math.abs(r.summary.w.mean - 1.9837) < 5e-4 && Math.abs(r.summary.w.sd - 0.0995) < 5e-4);
  assert.equal(exact.value.exact?.w.mean, r.summary.w.mean);
  assert.equal(r.draws.w.length, 4000);
  const onlyExact = await runReference({ ...example('eight_schools_centered'), seed: 2 }, { kind: 'exact' });
  assert.ok(!onlyExact.ok && /no exact posterior/.test(onlyExact.errors[0].message));
  const auto = await runReference({ ...example('eight_schools_centered'), seed: 2, options: { chains: 2, warmup: 100, draws: 100 } }, { kind: 'auto' });
  assert.ok(auto.ok);
  assert.equal(auto.value.result.method, 'nuts');
  assert.ok(auto.value.notExact.some((why) => /tau/.test(why)));
});

test('compare: centered eight schools gets the funnel and sd-ratio warnings for tau', async () => {
  const run = await runCompare({
    ...example('eight_schools_centered'), method: 'meanfield', seed: 1, reference: { kind: 'nuts' },
    referenceOptions: { chains: 4, warmup: 500, draws: 500 },
  });
  assert.ok(run.ok, JSON.stringify(!run.ok && run.errors));
  const report = run.value;
  assert.equal(report.schema, 'vigil.report');
  assert.equal(report.referenceKind, 'nuts');
  assert.equal(report.reference?.chains, 4);
  const kinds = report.warnings.map((w) => `${w.kind}:${w.parameter}`);
  assert.ok(kinds.includes('sd-ratio-low:tau'), kinds.join(', '));
  assert.ok(report.warnings.some((w) => w.kind === 'funnel' && /non-centered/.test(w.message)), kinds.join(', '));
  const tau = report.warnings.find((w) => w.kind === 'sd-ratio-low' && w.parameter === 'tau');
  assert.equal(tau?.range?.start.line, 11);
  const m = report.parameters.find((p) => p.name === 'tau');
  assert.ok(m && m.sdRatio < 0.8);
  // Plain JSON all the way down (what the worker posts and the CLI writes).
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(report)));
});
