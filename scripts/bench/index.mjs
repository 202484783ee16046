#!/usr/bin/env node
// `npm run bench`: Vigil's engine measured side by side with rstan (a real Stan) in the same run —
// gradients, variational fits, NUTS — plus the front-end and hand-written-gradient benchmarks.
// Measured and printed, never pass/fail. Compiled rstan models are cached in .bench-cache/rstan/.
//   npm run bench [-- --only gradient|vi|nuts|frontend] [--quick] [--threads N] [--seeds N (NUTS runs per model, default 3)]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureModel, gradientModels, logisticLargeModel, nutsModels, oneParameterModel, viModels } from './benchModels.mjs';
import { fix, printTable, section } from './benchTable.mjs';
import { prepareRstanModel, rstanAvailable, root, runR } from './rstanBridge.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const quick = args.includes('--quick');
const only = opt('--only');
const threads = Number(opt('--threads') ?? 1);
const seeds = opt('--seeds') === undefined ? undefined : Number(opt('--seeds'));
const SECTIONS = ['frontend', 'gradient', 'vi', 'nuts'];
if (only && !SECTIONS.includes(only)) {
  console.error(`--only takes one of ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (s) => !only || only === s;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

// out/ is stale when some .ts under src/ or test/ has no .js in out/ newer than itself.
function outIsStale() {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const top of ['src', 'test']) {
    for (const f of walk(path.join(root, top)).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
      const js = path.join(root, 'out', path.relative(root, f)).replace(/\.ts$/, '.js');
      if (!existsSync(js) || statSync(js).mtimeMs < statSync(f).mtimeMs) return true;
    }
  }
  return false;
}
if (outIsStale()) {
  console.error('out/ is missing or older than the sources: npx tsc -p . (emits even with type errors elsewhere)');
  spawnSync('npx', ['tsc', '-p', '.'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const rstan = rstanAvailable();
const cpus = os.cpus();
section('machine');
console.log(`${cpus.length} CPUs (${cpus[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (a shared machine: timings move with it; the same-run comparison is what counts)`);
console.log(rstan.ok ? `rstan ${rstan.version} (Rscript)` : `rstan is not available (${rstan.message}): only Vigil's own figures are printed`);
console.log(`mode: ${quick ? 'quick' : 'full'}${only ? `, only ${only}` : ''}`);

function runScript(file, extra = [], nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, path.join(root, 'scripts/bench', file), ...extra], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`  ${file} exited with ${r.status}`);
}

// Compile (or load) every rstan model the chosen sections need first, so compile time is reported on its own.
if (rstan.ok && (wanted('gradient') || wanted('vi') || wanted('nuts'))) {
  section('rstan model compilation (cached in .bench-cache/rstan/)');
  const names = new Set([...(wanted('gradient') ? gradientModels : []), ...(wanted('vi') ? viModels : []), ...(wanted('nuts') ? nutsModels : [])]);
  const ms = [...(wanted('gradient') || (wanted('vi') && !quick) ? [oneParameterModel, logisticLargeModel()] : []), ...[...names].map(fixtureModel)];
  const r = await runR('compile.R', { models: ms.map((m) => prepareRstanModel(m.name, m.source, m.data)) });
  if (r.error) console.log(`  ${r.error}`);
  console.log(`${r.r ?? ''}, rstan ${r.rstan ?? '?'}`);
  printTable(['model', 'compile'], Object.entries(r.models ?? {}).map(([name, x]) => [name, x.ok ? (x.cached ? `cached (load ${fix(x.seconds, 1)} s)` : `${fix(x.seconds, 1)} s`) : `fails: ${x.message.split('\n')[0].slice(0, 100)}`]));
  console.log(`(${elapsed()} so far)`);
}

if (wanted('frontend')) {
  section('front end: lex / parse / analyze (scripts/bench/frontend.mjs)');
  runScript('frontend.mjs', quick ? ['--runs', '3'] : []);
  console.log(`(${elapsed()} so far)`);
}
if (wanted('gradient')) {
  section('gradients: Vigil vs rstan grad_log_prob, same points and data');
  const { gradientSection } = await import('./gradientVsRstan.mjs');
  await gradientSection({ quick, rstan });
  section('gradients: Vigil vs hand-written JavaScript (scripts/bench/gradient.mjs)');
  runScript('gradient.mjs');
  if (existsSync(path.join(root, 'scripts/bench/allocation.mjs'))) {
    section('gradients: heap bytes allocated per evaluation (scripts/bench/allocation.mjs)');
    runScript('allocation.mjs', [], ['--expose-gc']);
  }
  console.log(`(${elapsed()} so far)`);
}
if (wanted('vi')) {
  section('variational inference: Vigil vs rstan vb(), accuracy against rstan NUTS');
  const { viSection } = await import('./viVsRstan.mjs');
  await viSection({ quick, rstan });
  console.log(`(${elapsed()} so far)`);
}
if (wanted('nuts')) {
  section('NUTS: effective samples per second, Vigil vs rstan sampling()');
  const { nutsSection } = await import('./nutsVsRstan.mjs');
  await nutsSection({ quick, rstan, threads, ...(seeds ? { seeds } : {}) });
  console.log(`(${elapsed()} so far)`);
}
console.log(`\nbench finished in ${elapsed()}`);
