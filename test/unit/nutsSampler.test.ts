import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChainsInThread } from '../../src/core/infer/nuts';
import { DiagMetric } from '../../src/core/infer/nuts/diagMetric';
import { NutsSampler } from '../../src/core/infer/nuts/nutsSampler';
import { Rng } from '../../src/core/infer/rng';
import { Hamiltonian } from '../../src/core/infer/nuts/hamiltonian';
import { PhasePoint } from '../../src/core/infer/nuts/phasePoint';
import { LogDensityTarget } from '../../src/core/infer/target';
import { copyingTransition, type NutsState } from '../support/copyingNuts';
import { createTarget, NutsTargetArgs } from '../support/nutsTargets';

test('same seed, same draws; another seed, other draws', async () => {
  const t = createTarget({ kind: 'correlated', r: 0.5 });
  const opts = { chains: 2, numWarmup: 150, numSamples: 100 };
  const a = await runChainsInThread(t, { ...opts, seed: 11 });
  const b = await runChainsInThread(t, { ...opts, seed: 11 });
  const c = await runChainsInThread(t, { ...opts, seed: 12 });
  for (let k = 0; k < 2; k++) {
    assert.deepEqual(a.chains[k].draws, b.chains[k].draws);
    assert.deepEqual(a.chains[k].sampler, b.chains[k].sampler);
    assert.notDeepEqual(a.chains[k].draws, c.chains[k].draws);
  }
  // chains use different streams
  assert.notDeepEqual(a.chains[0].draws, a.chains[1].draws);
});

test('per-draw diagnostics are consistent with the tree that was built', async () => {
  const r = await runChainsInThread(createTarget({ kind: 'stdNormal', dim: 10 }), { seed: 3, chains: 2, numWarmup: 200, numSamples: 300 });
  for (const c of r.chains) {
    const s = c.sampler;
    assert.equal(s.lp.length, 300);
    for (let k = 0; k < c.numDraws; k++) {
      const d = s.treedepth[k], n = s.nLeapfrog[k];
      assert.ok(n >= 2 ** d - 1 && n <= 2 ** (d + 1) - 1, `draw ${k}: depth ${d} with ${n} leapfrog steps`);
      assert.ok(s.acceptStat[k] >= 0 && s.acceptStat[k] <= 1);
      assert.equal(s.stepsize[k], c.stepsize); // fixed after warm-up
      assert.ok(s.energy[k] >= -s.lp[k]); // kinetic energy is not negative
      let ss = 0;
      for (let i = 0; i < 10; i++) ss += c.draws[k * 10 + i] ** 2;
      assert.ok(Math.abs(s.lp[k] + 0.5 * ss) < 1e-9, 'lp is the log density at the draw');
    }
  }
});

test('tree depth saturation is counted at max depth', async () => {
  const r = await runChainsInThread(createTarget({ kind: 'stdNormal', dim: 10 }), { seed: 3, chains: 1, numWarmup: 100, numSamples: 200, maxDepth: 1 });
  const c = r.chains[0];
  assert.ok(Math.max(...c.sampler.treedepth) <= 1);
  const atMax = c.sampler.treedepth.filter((d) => d === 1).length;
  assert.ok(atMax > 100);
  assert.equal(c.treedepthSaturations, atMax);
  assert.equal(r.treedepthSaturations, atMax);
});

test('the leapfrog integrator is reversible and nearly conserves energy', () => {
  const t = createTarget({ kind: 'correlated', r: 0.7 });
  const h = new Hamiltonian(t, new DiagMetric(2, [0.5, 2]));
  const z = new PhasePoint(2);
  z.q.set([0.3, -1.2]);
  z.p.set([1.1, 0.4]);
  h.updatePotential(z);
  const H0 = h.energy(z);
  for (let i = 0; i < 20; i++) h.leapfrog(z, 0.05);
  assert.ok(Math.abs(h.energy(z) - H0) < 1e-2);
  for (let i = 0; i < 20; i++) h.leapfrog(z, -0.05);
  assert.ok(Math.abs(z.q[0] - 0.3) < 1e-12 && Math.abs(z.q[1] + 1.2) < 1e-12);
  assert.ok(Math.abs(z.p[0] - 1.1) < 1e-12 && Math.abs(z.p[1] - 0.4) < 1e-12);
});

test('a target with no parameters gives empty draws, not an error', async () => {
  const t: LogDensityTarget = { dim: 0, coordinateNames: [], logDensity: () => -1.5, logDensityGradient: () => -1.5 };
  const r = await runChainsInThread(t, { seed: 1, chains: 2, numWarmup: 10, numSamples: 20 });
  assert.equal(r.status, 'ok');
  assert.equal(r.chains[0].numDraws, 20);
  assert.equal(r.chains[0].draws.length, 0);
  assert.ok(r.chains[0].sampler.lp.every((x) => x === -1.5));
});

test('initialisation failure names the coordinate with a non-finite gradient', async () => {
  const r = await runChainsInThread(createTarget({ kind: 'broken', mode: 'nanGradient' }), { seed: 1, chains: 2, numWarmup: 10, numSamples: 10 });
  assert.equal(r.status, 'failed');
  assert.equal(r.chains[0].status, 'failed');
  assert.equal(r.chains[0].initTries, 100);
  const msg = r.chains[0].message!;
  assert.match(msg, /^Initialization between \(-2, 2\) failed after 100 attempts/);
  assert.match(msg, /gradient was not finite in coordinate tau \(100 of 100\)/);
  assert.doesNotMatch(msg, /alpha \(|beta \(/);
  assert.match(r.message!, /^chain 1: Initialization/);
});

test('initialisation failure repeats the rejection message, or says the density was not finite', async () => {
  const rej = await runChainsInThread(createTarget({ kind: 'broken', mode: 'rejectEverywhere' }), { seed: 1, chains: 1 });
  assert.equal(rej.status, 'failed');
  assert.match(rej.message!, /log density was -Infinity in 100 of 100 attempts/);
  assert.match(rej.message!, /rejected 100 times with: sigma must be positive/);
  assert.match(rej.message!, /Last point tried: alpha = /);
  const nan = await runChainsInThread(createTarget({ kind: 'broken', mode: 'nanDensity' }), { seed: 1, chains: 1 });
  assert.match(nan.message!, /log density was NaN in 100 of 100 attempts/);
});

test('initial values: uniform(-2, 2), retried; or given per chain', async () => {
  const t = createTarget({ kind: 'halfNormal' }); // half of the random inits are rejected
  const r = await runChainsInThread(t, { seed: 5, chains: 4, numWarmup: 0, numSamples: 1 });
  for (const c of r.chains) {
    assert.ok(c.init[0] > 0 && c.init[0] < 2 && Math.abs(c.init[1]) < 2);
  }
  assert.ok(r.chains.some((c) => c.initTries > 1));
  const g = await runChainsInThread(t, { seed: 5, chains: 2, numWarmup: 0, numSamples: 1, inits: [[0.5, 0.25], null] });
  assert.deepEqual([...g.chains[0].init], [0.5, 0.25]);
  assert.equal(g.chains[0].initTries, 1);
  assert.notDeepEqual([...g.chains[1].init], [0.5, 0.25]);
  const bad = await runChainsInThread(t, { seed: 5, chains: 1, numSamples: 1, inits: [[-1, 0]] });
  assert.match(bad.message!, /Initialization at the given initial values failed after 1 attempt: .*x = -1 is outside/);
});

test('in-thread runs cancel within 100 ms', async () => {
  const t = createTarget({ kind: 'slow', dim: 5, spinMicros: 50 });
  const controller = new AbortController();
  let seen = 0;
  let abortedAt = 0;
  const running = runChainsInThread(t, { seed: 1, signal: controller.signal, onProgress: () => seen++, refresh: 10 });
  setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, 300);
  const r = await running;
  const latency = performance.now() - abortedAt;
  assert.equal(r.status, 'cancelled');
  assert.ok(latency < 100, `cancel took ${latency.toFixed(1)} ms`);
  assert.ok(seen > 0, 'progress was reported');
  assert.ok(r.chains.every((c) => c.status === 'cancelled'));
});

test('the hand-written test targets have the gradients of their log densities', () => {
  const cases: NutsTargetArgs[] = [
    { kind: 'stdNormal', dim: 3 }, { kind: 'correlated', r: 0.9 }, { kind: 'scaled', scales: [0.5, 2] },
    { kind: 'normalMean' }, { kind: 'eightSchoolsCentered' }, { kind: 'halfNormal' },
  ];
  for (const args of cases) {
    const t = createTarget(args);
    const x = Float64Array.from({ length: t.dim }, (_, i) => 0.3 + 0.17 * i * (i % 2 ? -1 : 1));
    const g = new Float64Array(t.dim);
    const lp = t.logDensityGradient(x, g);
    assert.ok(Math.abs(lp - t.logDensity(x)) < 1e-12);
    for (let i = 0; i < t.dim; i++) {
      const h = 1e-6, xp = x.slice(), xm = x.slice();
      xp[i] += h;
      xm[i] -= h;
      const fd = (t.logDensity(xp) - t.logDensity(xm)) / (2 * h);
      assert.ok(Math.abs(fd - g[i]) < 1e-5 * (1 + Math.abs(fd)), `${args.kind} d/d${t.coordinateNames[i]}: ${g[i]} vs ${fd}`);
    }
  }
});

test('options that cannot run give a failed result with the reason', async () => {
  const t = createTarget({ kind: 'stdNormal', dim: 1 });
  const r = await runChainsInThread(t, { numSamples: -5 });
  assert.equal(r.status, 'failed');
  assert.equal(r.message, 'numSamples must be a non-negative integer, got -5');
  assert.match((await runChainsInThread(t, { adaptDelta: 1.2 })).message!, /adaptDelta must be between 0 and 1/);
  assert.match((await runChainsInThread(t, { chains: 0 })).message!, /chains must be a positive integer/);
});

test('the inlined diagonal leapfrog gives the draws of the generic metric path (identity metric, no adaptation)', async () => {
  // the diagonal metric takes the sampler's inlined path, the dense one goes through Metric.velocity:
  // with M = I both compute the same numbers, so any slip in the inlined arithmetic shows here
  const t = createTarget({ kind: 'correlated', r: 0.8 });
  const opts = { seed: 21, chains: 1, numWarmup: 0, numSamples: 200, stepsize: 0.4 };
  const diag = await runChainsInThread(t, { ...opts, metric: 'diag' });
  const dense = await runChainsInThread(t, { ...opts, metric: 'dense' });
  assert.equal(diag.status, 'ok');
  assert.deepEqual(diag.chains[0].draws, dense.chains[0].draws);
  assert.deepEqual(diag.chains[0].sampler, dense.chains[0].sampler);
});

test('the pooled tree gives the draws of a plain copy-everything NUTS transition', () => {
  // the sampler refers to pooled trajectory points instead of copying them; a point handed out again
  // while still referenced would change a draw, which the copying version cannot do
  let deep = 0, divergent = 0;
  for (const args of [{ kind: 'eightSchoolsCentered' }, { kind: 'correlated', r: 0.95 }, { kind: 'scaled', scales: [0.01, 1, 100] }] as NutsTargetArgs[]) {
    const t = createTarget(args);
    const invDiag = Float64Array.from({ length: t.dim }, (_, i) => (args.kind === 'scaled' ? [1e-4, 1, 1e4][i] : 0.5 + (i % 3) * 0.4));
    const s = new NutsSampler(new Hamiltonian(t, new DiagMetric(t.dim, invDiag)), new Rng(5, 0));
    const rng = new Rng(5, 0);
    s.z.q.fill(0.1);
    s.ham.updatePotential(s.z);
    let state: NutsState = { q: s.z.q.slice(), p: s.z.p.slice(), g: s.z.g.slice(), lp: s.z.lp };
    for (let k = 0; k < 300; k++) {
      const eps = k % 3 === 0 ? 1.5 : k % 3 === 1 ? 0.3 : 0.03; // divergent trees, ordinary ones, long ones
      s.stepsize = eps;
      s.transition();
      const ref = copyingTransition(t, invDiag, eps, rng, state);
      state = ref.state;
      deep += s.treedepth >= 5 ? 1 : 0;
      divergent += s.divergent ? 1 : 0;
      assert.deepEqual(s.z.q, ref.state.q, `transition ${k}: the draw`);
      assert.deepEqual([s.treedepth, s.nLeapfrog, s.divergent, s.acceptStat, s.energy, s.z.lp], [ref.treedepth, ref.nLeapfrog, ref.divergent, ref.acceptStat, ref.energy, ref.state.lp], `transition ${k}: diagnostics`);
    }
  }
  assert.ok(deep > 30 && divergent > 30, `deep trees ${deep}, divergent ${divergent}`);
});
