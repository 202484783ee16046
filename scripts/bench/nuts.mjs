#!/usr/bin/env node
// NUTS benchmark: effective samples per second (minimum bulk ESS over all coordinates and lp__,
// divided by wall time) on hand-written targets, 4 chains × 1000 warm-up + 1000 draws in worker
// threads. Measured and printed, never pass/fail.
// Usage: npx tsc -p . && node scripts/bench/nuts.mjs [--seed N] [--threads N] [--in-thread]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (p) => require(path.join(root, 'out', p));
const { runChains, runChainsInThread, summariseNuts } = out('src/core/infer/nuts/index.js');
const targets = out('test/support/nutsTargets.js');

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const seed = opt('--seed', 1);
const threads = opt('--threads', undefined);
const inThread = args.includes('--in-thread');

const cases = [
  ['standard normal, 10-D', { kind: 'stdNormal', dim: 10 }],
  ['standard normal, 100-D', { kind: 'stdNormal', dim: 100 }],
  ['correlated Gaussian r=0.9', { kind: 'correlated', r: 0.9 }],
  ['scales 0.01 / 1 / 100', { kind: 'scaled', scales: [0.01, 1, 100] }],
  ['normal mean, known variance', { kind: 'normalMean' }],
  ['eight schools, centered', { kind: 'eightSchoolsCentered' }],
];

console.log(`NUTS: 4 chains × 1000 + 1000, seed ${seed}, ${inThread ? 'in this thread' : `worker threads (${threads ?? 'default'})`}`);
console.log(`${'target'.padEnd(30)} ${'wall s'.padStart(7)} ${'min ESS'.padStart(8)} ${'ESS/s'.padStart(9)} ${'grads/s'.padStart(10)} ${'max R̂'.padStart(7)} ${'div'.padStart(5)} ${'sat'.padStart(4)}`);
for (const [name, targetArgs] of cases) {
  const r = inThread
    ? await runChainsInThread(targets.createTarget(targetArgs), { seed })
    : await runChains({ module: targets.NUTS_TARGETS_MODULE, args: targetArgs }, { seed, threads });
  if (r.status !== 'ok') {
    console.log(`${name.padEnd(30)} ${r.status}: ${r.message ?? ''}`);
    continue;
  }
  const s = Object.values(summariseNuts(r));
  const minEss = Math.min(...s.map((x) => x.essBulk));
  const maxRhat = Math.max(...s.map((x) => x.rhat));
  const wall = r.timing.wallSeconds;
  console.log(
    `${name.padEnd(30)} ${wall.toFixed(2).padStart(7)} ${minEss.toFixed(0).padStart(8)} ${(minEss / wall).toFixed(0).padStart(9)} ` +
      `${(r.gradientEvaluations / wall).toExponential(2).padStart(10)} ${maxRhat.toFixed(3).padStart(7)} ${String(r.divergences).padStart(5)} ${String(r.treedepthSaturations).padStart(4)}`,
  );
}
