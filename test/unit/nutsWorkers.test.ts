import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NutsProgress, runChains, runChainsInThread, TargetFactorySpec } from '../../src/core/infer/nuts';
import { createTarget, NUTS_TARGETS_MODULE, NutsTargetArgs } from '../support/nutsTargets';

const spec = (args: NutsTargetArgs): TargetFactorySpec => ({ module: NUTS_TARGETS_MODULE, export: 'createTarget', args });

test('worker chains equal in-thread chains for the same seed, whatever the thread count', async () => {
  const args: NutsTargetArgs = { kind: 'eightSchoolsCentered' };
  const opts = { seed: 99, chains: 3, numWarmup: 150, numSamples: 100 };
  const progress: NutsProgress[] = [];
  const one = await runChains(spec(args), { ...opts, threads: 1 });
  const two = await runChains(spec(args), { ...opts, threads: 2, onProgress: (p) => progress.push(p), refresh: 50 });
  const local = await runChainsInThread(createTarget(args), opts);
  assert.equal(two.status, 'ok');
  assert.deepEqual(two.coordinateNames, local.coordinateNames);
  for (let k = 0; k < 3; k++) {
    assert.equal(two.chains[k].chain, k);
    assert.deepEqual(one.chains[k].draws, local.chains[k].draws);
    assert.deepEqual(two.chains[k].draws, local.chains[k].draws);
    assert.deepEqual(two.chains[k].sampler, local.chains[k].sampler);
    assert.equal(two.chains[k].stepsize, local.chains[k].stepsize);
  }
  assert.equal(two.divergences, local.divergences);
  // progress streamed per chain, ending with 'done' at 250 iterations
  for (let k = 0; k < 3; k++) {
    const mine = progress.filter((p) => p.chain === k);
    assert.ok(mine.length >= 5, `chain ${k}: ${mine.length} progress messages`);
    const last = mine[mine.length - 1];
    assert.deepEqual(last, { chain: k, iteration: 250, total: 250, phase: 'done' });
    for (let i = 1; i < mine.length; i++) assert.ok(mine[i].iteration >= mine[i - 1].iteration);
  }
});

test('worker runs cancel within 100 ms, keeping the draws made so far', async () => {
  const controller = new AbortController();
  let abortedAt = 0;
  let sampling = false;
  const running = runChains(spec({ kind: 'slow', dim: 5, spinMicros: 100 }), {
    seed: 1, chains: 2, numWarmup: 200, signal: controller.signal, refresh: 5,
    onProgress: (p) => {
      if (p.phase === 'sampling' && !sampling) {
        sampling = true;
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 100);
      }
    },
  });
  const r = await running;
  const latency = performance.now() - abortedAt;
  assert.ok(abortedAt > 0, 'the run reached sampling and was aborted');
  assert.equal(r.status, 'cancelled');
  assert.ok(latency < 100, `cancel took ${latency.toFixed(1)} ms`);
  for (const c of r.chains) {
    assert.equal(c.status, 'cancelled');
    assert.equal(c.draws.length, c.numDraws * 5);
  }
  assert.ok(r.chains.some((c) => c.numDraws > 0), 'draws before the cancel are kept');
});

test('a worker stuck in the model is terminated after the grace period and reported', async () => {
  const controller = new AbortController();
  let abortedAt = 0;
  // the first progress message comes as the chain starts; the model hangs in the step-size search,
  // where no cancel flag is looked at
  const running = runChains(spec({ kind: 'runaway', after: 1 }), {
    seed: 1, chains: 1, signal: controller.signal, terminateAfterMs: 200, refresh: 1,
    onProgress: () => {
      if (abortedAt === 0) {
        abortedAt = performance.now();
        controller.abort();
      }
    },
  });
  const r = await running;
  const took = performance.now() - abortedAt;
  assert.equal(r.status, 'cancelled');
  assert.match(r.chains[0].message!, /did not stop within 200 ms .* terminated/);
  assert.ok(took >= 190 && took < 1000, `terminated ${took.toFixed(0)} ms after the cancel`);
});

test('a target that cannot be built fails every chain with the reason', async () => {
  const r = await runChains({ module: NUTS_TARGETS_MODULE, export: 'noSuchFactory' }, { seed: 1, chains: 2 });
  assert.equal(r.status, 'failed');
  assert.equal(r.chains.length, 2);
  for (const c of r.chains) assert.match(c.message!, /could not build the target: .*no exported function 'noSuchFactory'/);
});

test('initialisation failure in a worker comes back as a failed chain with the message', async () => {
  const r = await runChains(spec({ kind: 'broken', mode: 'nanGradient' }), { seed: 1, chains: 2 });
  assert.equal(r.status, 'failed');
  assert.match(r.message!, /chain 1: Initialization between \(-2, 2\) failed after 100 attempts: .*coordinate tau/);
});

test('a worker script that cannot start fails the run with the reason', async () => {
  const r = await runChains(spec({ kind: 'stdNormal', dim: 2 }), { seed: 1, chains: 2, threads: 1, workerScript: '/nonexistent/chainWorker.js' });
  assert.equal(r.status, 'failed');
  assert.match(r.message!, /chain 1: worker error: .*nonexistent/);
});

test('a later run of the same spec reuses the warm worker and its target, with the same draws', async () => {
  const counted = (args: NutsTargetArgs): TargetFactorySpec => ({ module: NUTS_TARGETS_MODULE, export: 'createCountedTarget', args });
  const opts = { seed: 4, chains: 2, threads: 1, numWarmup: 100, numSamples: 50 };
  const a = await runChains(counted({ kind: 'stdNormal', dim: 2 }), opts);
  const b = await runChains(counted({ kind: 'stdNormal', dim: 2 }), opts);
  assert.equal(a.status, 'ok');
  // same thread, and its counter did not move: the target was not rebuilt
  assert.deepEqual(b.coordinateNames, a.coordinateNames);
  assert.deepEqual(b.chains.map((c) => c.draws), a.chains.map((c) => c.draws));
  // another spec on the same warm worker builds its own target
  const c = await runChains(counted({ kind: 'stdNormal', dim: 3 }), opts);
  const [, thread, build] = /\(thread (\d+), build (\d+)\)/.exec(a.coordinateNames[0])!;
  assert.equal(c.coordinateNames[0], `x[1] (thread ${thread}, build ${Number(build) + 1})`);
  assert.equal(c.coordinateNames.length, 3);
});

test('specs that differ only inside a Map or a typed array (data as the loader holds it) build their own targets', async () => {
  // the Stan target's spec carries its data as a Map of typed arrays: JSON alone writes a Map as {}
  const withData = (y: number): TargetFactorySpec => ({
    module: NUTS_TARGETS_MODULE, export: 'createCountedTarget',
    args: { kind: 'stdNormal', dim: 2, data: new Map([['y', { values: Float64Array.of(y) }]]) },
  });
  const opts = { seed: 4, chains: 1, threads: 1, numWarmup: 20, numSamples: 10 };
  const build = (r: { coordinateNames: string[] }) => Number(/build (\d+)\)/.exec(r.coordinateNames[0])![1]);
  const a = await runChains(withData(1), opts);
  const same = await runChains(withData(1), opts);
  const other = await runChains(withData(2), opts);
  assert.equal(a.status, 'ok');
  assert.equal(build(same), build(a), 'equal data: the warm target is kept');
  assert.equal(build(other), build(a) + 1, 'other data: a new target');
});
