// NUTS effective samples per second: Vigil's sampler (chains in a worker thread) against rstan's
// sampling() on the same models and data, in one run; 4 chains x (1000 warm-up + 1000 draws), warm-up
// included in every time, each model run with several seeds on both sides (one run's ESS is noisy).
// ESS = minimum bulk ESS over the same quantities on both sides: the constrained parameters (flattened
// names; constant entries such as L[1,1] have none) and lp__.
// Times: CPU seconds are the fair figure on a shared machine (wall clocks count the time other
// processes hold the core). Vigil's CPU is the whole process during runChains (worker, main thread,
// V8's compiler and GC threads); rstan's is its chains' own time (get_elapsed_time, Stan's clock()),
// which leaves out sampling()'s set-up in R. Wall seconds are the whole call on both sides.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixtureModel, nutsModels, oneParameterModel } from './benchModels.mjs';
import { fix, printTable, sig } from './benchTable.mjs';
import { prepareRstanModel, root, runR } from './rstanBridge.mjs';

const require = createRequire(import.meta.url);
const CHAINS = 4, WARMUP = 1000, DRAWS = 1000;

const cpuSeconds = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => sum(xs) / xs.length;
const mode = (xs) => [...new Set(xs)].sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0];

export async function nutsSection({ quick, rstan, threads = 1, seeds = quick ? 1 : 3 }) {
  const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));
  const { runChains } = require(path.join(root, 'out/src/core/infer/nuts/index.js'));
  const { essBulk } = require(path.join(root, 'out/src/core/diagnose/index.js'));
  const { stanTargetSpec } = require(path.join(root, 'out/src/core/pipeline/stanTargetFactory.js'));
  const { constrainDraws } = require(path.join(root, 'out/src/core/pipeline/constrainDraws.js'));
  const specs = (quick ? nutsModels.slice(0, 3) : nutsModels).map(fixtureModel);
  const seedList = Array.from({ length: seeds }, (_, k) => k + 1);

  // The worker thread is started, and the sampler's own code compiled by V8, once on another model
  // (a one-parameter one), as a session's warm pool would be; each model's own compilation and JIT
  // warm-up stay in its figures (its first seed pays them).
  const warm = stanTargetSpec({ source: oneParameterModel.source, data: oneParameterModel.data });
  await runChains(warm.spec, { seed: 1, threads, chains: 2, ...(warm.workerScript ? { workerScript: warm.workerScript } : {}) });

  const vigil = {};
  for (const m of specs) {
    const c = compileModel(m.source, m.data);
    if (!c.ok) { vigil[m.name] = { skipped: `Vigil does not compile it yet: ${c.diagnostics.map((d) => d.message).join('; ').slice(0, 120)}` }; continue; }
    process.stderr.write(`  [vigil] NUTS ${m.name}\n`);
    const { spec, workerScript } = stanTargetSpec({ source: m.source, data: m.data });
    const runs = [];
    for (const seed of seedList) {
      const cpu0 = process.cpuUsage();
      const r = await runChains(spec, { seed, threads, chains: CHAINS, numWarmup: WARMUP, numSamples: DRAWS, ...(workerScript ? { workerScript } : {}) });
      const cpu = cpuSeconds(cpu0);
      if (r.status !== 'ok') { vigil[m.name] = { skipped: `${r.status}: ${r.message ?? ''}`.split('\n')[0].slice(0, 120) }; break; }
      const perChain = r.chains.map((ch) => constrainDraws(c.model, ch.draws, ch.numDraws, seed, 1 + ch.chain));
      const ess = c.model.parameterNames.map((name) => [name, essBulk(perChain.map((d) => Float64Array.from(d[name])))]);
      ess.push(['lp__', essBulk(r.chains.map((ch) => Float64Array.from(ch.sampler.lp)))]);
      const [at, minEss] = ess.filter(([, e]) => Number.isFinite(e)).reduce((a, b) => (b[1] < a[1] ? b : a));
      runs.push({ wall: r.timing.wallSeconds, cpu, ess: minEss, at, div: r.divergences, grads: r.gradientEvaluations, stepsize: mean(r.chains.map((ch) => ch.stepsize)) });
    }
    if (!vigil[m.name]) vigil[m.name] = { runs };
  }

  const job = { seeds: seedList.map((s) => 4242 + s), chains: CHAINS, warmup: WARMUP, draws: DRAWS, cores: 1, models: specs.map((m) => prepareRstanModel(m.name, m.source, m.data)) };
  const rr = rstan.ok ? await runR('nuts.R', job) : null;
  if (rr?.error) console.log(`  rstan: ${rr.error}`);

  const rows = [];
  const row = (label, runs) => {
    const ess = runs.map((x) => x.ess), cpu = runs.map((x) => x.cpu), wall = runs.map((x) => x.wall);
    const range = runs.length > 1 ? ` (${fix(Math.min(...ess), 0)}–${fix(Math.max(...ess), 0)})` : '';
    return ['', label, fix(mean(wall)), fix(mean(cpu)) + (runs.length > 1 ? ` (${fix(cpu[0])})` : ''), fix(mean(ess), 0) + range, mode(runs.map((x) => x.at)),
      fix(sum(ess) / sum(cpu), 0), fix(sum(ess) / sum(wall), 0), sig(sum(runs.map((x) => x.grads)) / sum(cpu)), sig(mean(runs.map((x) => x.stepsize))), fix(mean(runs.map((x) => x.div)), 0)];
  };
  for (const m of specs) {
    const v = vigil[m.name];
    const x = rr?.models?.[m.name];
    const rs = x?.ok ? x.runs.map((r) => ({ wall: r.wallSeconds, cpu: r.chainSeconds, ess: r.minEssBulk, at: r.minEssVariable, div: r.divergences, grads: r.leapfrogs, stepsize: r.stepsize })) : null;
    rows.push([m.name, '', '', '', '', '', '', '', '', '', '']);
    if (v.skipped) rows.push(['', 'Vigil', v.skipped]);
    else rows.push(row(`Vigil (${threads} thread${threads > 1 ? 's' : ''})`, v.runs));
    if (rs) rows.push(row(`rstan (cores = 1)${x.cached ? '' : `, compiled ${fix(x.compileSeconds, 0)} s`}`, rs));
    else if (rstan.ok) rows.push(['', 'rstan', `failed: ${x?.message ?? rr?.error ?? '?'}`.split('\n')[0].slice(0, 120)]);
    if (rs && !v.skipped) {
      const rate = (runs, t) => sum(runs.map((r) => r.ess)) / sum(runs.map((r) => r[t]));
      const perSeed = v.runs.map((r, k) => r.ess / r.cpu / (rs[k].ess / rs[k].cpu));
      const spread = perSeed.length > 1 ? ` (${fix(Math.min(...perSeed))}–${fix(Math.max(...perSeed))})` : '';
      rows.push(['', 'Vigil / rstan', '', '', fix(mean(v.runs.map((r) => r.ess)) / mean(rs.map((r) => r.ess))) + '×', '',
        fix(rate(v.runs, 'cpu') / rate(rs, 'cpu')) + '×' + spread, fix(rate(v.runs, 'wall') / rate(rs, 'wall')) + '×', fix(sum(v.runs.map((r) => r.grads)) / sum(v.runs.map((r) => r.cpu)) / (sum(rs.map((r) => r.grads)) / sum(rs.map((r) => r.cpu)))) + '×', '', '']);
    }
  }
  console.log(`${CHAINS} chains x (${WARMUP} warm-up + ${DRAWS} draws), seeds ${seedList.join(', ')} (rstan: ${job.seeds.join(', ')}); Vigil: runChains in ${threads} worker thread(s); rstan: sampling(cores = 1): chains one after another on both sides.`);
  console.log('Every figure includes warm-up. Per model: means over the seeds; ESS/s pools them (sum of min ESS / sum of seconds).');
  console.log('CPU s: Vigil = the whole process during runChains (worker, main thread, V8 compiler and GC threads; the worker pool is started and');
  console.log('the sampler JIT-compiled beforehand on a one-parameter model; each model\'s own JIT warm-up is in its first seed);');
  console.log('rstan = its chains\' own time (get_elapsed_time, Stan\'s clock()), leaving out sampling()\'s set-up in R.');
  console.log('CPU s is the mean over the seeds, (the first seed\'s). CPU seconds are the fair figure on a shared machine.');
  console.log('wall s: the whole call on both sides (rstan\'s includes ~0.5 s of R set-up).');
  console.log('min ESS: minimum bulk ESS over the constrained parameters and lp__, the same quantities on both sides (range over seeds; "at": where,');
  console.log('most often). grads/s: gradient (leapfrog) evaluations per CPU second, sampler included. stepsize: adapted, mean over chains.');
  console.log('div: post-warm-up divergences per run. Vigil / rstan: ratio of mean min ESS (an algorithm difference, not speed), of ESS per CPU');
  console.log('second (range: per seed), of ESS per wall second, of gradients per CPU second.');
  printTable(['model', 'engine', 'wall s', 'CPU s', 'min ESS', 'at', 'ESS/s CPU', 'ESS/s wall', 'grads/s', 'stepsize', 'div'], rows);
  return rr;
}
