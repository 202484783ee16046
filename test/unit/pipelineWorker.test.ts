import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { FitStartMessage, WorkerMessage, WorkerRequest } from '../../src/protocol';
import { isCompareReport } from '../../src/protocol';
import { buildPanelState } from '../../src/report/buildPanelState';

const root = path.resolve(__dirname, '../../..');
// The tsc output of src/worker.ts (the bundle dist/worker.js is the same code).
const worker = new Worker(path.join(root, 'out/src/worker.js'));
after(() => worker.terminate());

const messages = new Map<string, (WorkerMessage & { at: number })[]>();
const waiters = new Map<string, (m: WorkerMessage) => void>();
worker.on('message', (m: WorkerMessage) => {
  if (!messages.has(m.id)) messages.set(m.id, []);
  messages.get(m.id)!.push({ ...m, at: performance.now() });
  if (m.type !== 'fit/progress') waiters.get(m.id)?.(m);
});

function send(m: Exclude<WorkerRequest, { type: 'fit/cancel' }>): Promise<WorkerMessage> {
  return new Promise((resolve) => {
    waiters.set(m.id, resolve);
    worker.postMessage(m);
  });
}

function example(name: string): Pick<FitStartMessage, 'model' | 'data'> {
  const model = path.join(root, 'examples', `${name}.stan`);
  const data = path.join(root, 'examples', `${name}.data.json`);
  return { model: { source: readFileSync(model, 'utf8'), path: model }, data: { text: readFileSync(data, 'utf8'), path: data } };
}

test('fit/start streams throttled progress with every ELBO entry, then fit/result', async () => {
  const final = await send({ type: 'fit/start', id: 'a', ...example('normal_mean'), method: 'meanfield', seed: 1 });
  assert.equal(final.type, 'fit/result');
  assert.ok(final.type === 'fit/result' && !isCompareReport(final.result));
  const r = final.type === 'fit/result' && !isCompareReport(final.result) ? final.result : null;
  assert.ok(r && Math.abs(r.summary.w.mean - 1.9837) < 0.02);
  const progress = messages.get('a')!.filter((m) => m.type === 'fit/progress');
  assert.ok(progress.length >= 2);
  // No ELBO entry lost to throttling: the streamed entries are the result's trace.
  const streamed = progress.flatMap((m) => (m.type === 'fit/progress' ? (m.elbo ?? []) : []));
  assert.deepEqual(streamed.map((e) => e.iteration), r!.elbo.map((e) => e.iteration));
  // At most 20 per second (plus the final flush before the result).
  const span = progress[progress.length - 1].at - progress[0].at;
  assert.ok(progress.length <= span / 50 + 2, `${progress.length} messages in ${span} ms`);
});

test('fit/cancel ends a run with fit/cancelled within 100 ms', async () => {
  const done = send({ type: 'fit/start', id: 'b', ...example('eight_schools_centered'), method: 'fullrank', seed: 1, options: { iter: 1e6 } });
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  worker.postMessage({ type: 'fit/cancel', id: 'b' } satisfies WorkerRequest);
  const final = await done;
  assert.equal(final.type, 'fit/cancelled');
  assert.ok(performance.now() - t0 < 100, `took ${performance.now() - t0} ms`);
});

test('bad data becomes fit/error with the variable and the data file', async () => {
  const ex = example('normal_mean');
  const final = await send({ type: 'fit/start', id: 'c', ...ex, data: { text: '{"N": 2, "x": [1]}', path: 'd.json' }, method: 'pathfinder', seed: 1 });
  assert.equal(final.type, 'fit/error');
  assert.ok(final.type === 'fit/error' && final.errors[0].source === 'data' && /'x'/.test(final.errors[0].message) && final.errors[0].file === 'd.json');
});

test('compare/start with imported draws returns a CompareReport', async () => {
  const pdb = JSON.stringify([{ w: Array.from({ length: 400 }, (_, i) => 1.9837 + 0.0995 * Math.sqrt(2) * inverseErf((2 * i + 1) / 400 - 1)) }]);
  const final = await send({ type: 'compare/start', id: 'd', ...example('normal_mean'), method: 'meanfield', seed: 1, reference: { kind: 'files', files: [{ path: 'ref.json', text: pdb }] } });
  assert.equal(final.type, 'fit/result');
  assert.ok(final.type === 'fit/result' && isCompareReport(final.result));
  if (final.type === 'fit/result' && isCompareReport(final.result)) {
    const w = final.result.parameters.find((p) => p.name === 'w');
    assert.ok(w && Math.abs(w.sdRatio - 1) < 0.15, `sd ratio ${w?.sdRatio}`);
    assert.equal(final.result.referenceKind, 'imported');
  }
});

test('for the extension host: the result without draws, the panel state, and the full result serialized', async () => {
  const images = [{ variable: 'w', rows: 1, cols: 1, block: 'parameters' as const, origin: 'setting' as const, span: null }];
  const thresholds = { sdRatioLow: 0.7, sdRatioHigh: 1.3, meanError: 0.2 };
  const final = await send({
    type: 'compare/start', id: 'e', ...example('normal_mean'), method: 'meanfield', seed: 1, reference: { kind: 'exact' },
    host: { panel: { model: 'file:///m/normal_mean.stan', thresholds, images } },
  });
  assert.equal(final.type, 'fit/result');
  if (final.type !== 'fit/result' || !isCompareReport(final.result)) return assert.fail('no comparison');
  const slim = final.result;
  assert.deepEqual(slim.approximation.draws, {});
  assert.deepEqual(slim.reference?.draws, {});
  assert.equal(slim.joint.correlation, null);
  const decode = (b: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(b)) as unknown;
  const full = decode(final.stored?.full) as typeof slim;
  assert.equal(full.approximation.draws.w.length, 1000);
  assert.deepEqual(full.approximation.summary, slim.approximation.summary);
  assert.deepEqual(full.warnings, slim.warnings);
  // The panel as the host would have built it from the full result, with the host's options.
  const expected = buildPanelState(full, { model: 'file:///m/normal_mean.stan', thresholds, images });
  assert.deepEqual({ ...final.panel, generatedAt: '' }, { ...expected, generatedAt: '' });
  assert.equal(final.panel?.densities.length, 1);
  // What the host stores: the same result without draws, the same panel.
  assert.deepEqual(decode(final.stored?.result), slim);
  assert.deepEqual(decode(final.stored?.panel), final.panel);
});

// Quantiles of a standard normal for evenly spaced reference draws (Giles' approximation is plenty here).
function inverseErf(x: number): number {
  const a = 0.147;
  const ln = Math.log(1 - x * x);
  const t = 2 / (Math.PI * a) + ln / 2;
  return Math.sign(x) * Math.sqrt(Math.sqrt(t * t - ln / a) - t);
}
