// NUTS effective samples per second: Vigil's sampler (chains in worker threads) against rstan's
// sampling() on the same models and data, in one run; 4 chains x (1000 warm-up + 1000 draws), warm-up
// included in the time. ESS = minimum bulk ESS over the parameters and lp__ (Vigil: its unconstrained
// coordinates; rstan: the constrained parameters — the same for scalars, bulk ESS being rank-based).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixtureModel, nutsModels } from './benchModels.mjs';
import { fix, printTable, sig } from './benchTable.mjs';
import { prepareRstanModel, root, runR } from './rstanBridge.mjs';

const require = createRequire(import.meta.url);

export async function nutsSection({ quick, rstan, threads = 1, seed = 1 }) {
  const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));
  const { runChains, summariseNuts } = require(path.join(root, 'out/src/core/infer/nuts/index.js'));
  const { stanTargetSpec } = require(path.join(root, 'out/src/core/pipeline/stanTargetFactory.js'));
  const specs = (quick ? nutsModels.slice(0, 3) : nutsModels).map(fixtureModel);
  const rows = [];
  const vigil = {};
  for (const m of specs) {
    const c = compileModel(m.source, m.data);
    if (!c.ok) { vigil[m.name] = { skipped: `Vigil does not compile it yet: ${c.diagnostics.map((d) => d.message).join('; ').slice(0, 120)}` }; continue; }
    process.stderr.write(`  [vigil] NUTS ${m.name}\n`);
    const { spec, workerScript } = stanTargetSpec({ source: m.source, data: m.data });
    const r = await runChains(spec, { seed, threads, chains: 4, ...(workerScript ? { workerScript } : {}) });
    if (r.status !== 'ok') { vigil[m.name] = { skipped: `${r.status}: ${r.message ?? ''}`.split('\n')[0].slice(0, 120) }; continue; }
    const s = Object.entries(summariseNuts(r)).filter(([, x]) => Number.isFinite(x.essBulk));
    const min = s.reduce((a, b) => (b[1].essBulk < a[1].essBulk ? b : a));
    const chainSeconds = r.chains.reduce((t, ch) => t + ch.timing.warmupSeconds + ch.timing.samplingSeconds, 0);
    vigil[m.name] = { wall: r.timing.wallSeconds, chainSeconds, ess: min[1].essBulk, essVar: min[0], rhat: Math.max(...s.map(([, x]) => x.rhat)), div: r.divergences, grads: r.gradientEvaluations };
  }
  const rr = rstan.ok ? await runR('nuts.R', { seed: 4242 + seed, chains: 4, warmup: 1000, draws: 1000, cores: 1, models: specs.map((m) => prepareRstanModel(m.name, m.source, m.data)) }) : null;
  if (rr?.error) console.log(`  rstan: ${rr.error}`);
  for (const m of specs) {
    const v = vigil[m.name];
    if (v.skipped) rows.push([m.name, 'Vigil', v.skipped]);
    else rows.push([m.name, `Vigil (${threads} thread${threads > 1 ? 's' : ''})`, fix(v.wall), fix(v.chainSeconds), fix(v.ess, 0), v.essVar, fix(v.ess / v.wall, 0), fix(v.ess / v.chainSeconds, 0), sig(v.grads / v.chainSeconds), fix(v.rhat, 3), v.div]);
    const x = rr?.models?.[m.name];
    if (x?.ok) {
      rows.push(['', `rstan (cores = 1)${x.cached ? '' : `, compiled ${fix(x.compileSeconds, 0)} s`}`, fix(x.wallSeconds), fix(x.chainSeconds), fix(x.minEssBulk, 0), x.minEssVariable, fix(x.minEssBulk / x.wallSeconds, 0), fix(x.minEssBulk / x.chainSeconds, 0), sig(x.leapfrogs / x.chainSeconds), fix(x.maxRhat, 3), x.divergences]);
      if (!v.skipped) rows.push(['', 'Vigil / rstan ESS/s', '', '', '', '', fix(v.ess / v.wall / (x.minEssBulk / x.wallSeconds)) + '×', fix(v.ess / v.chainSeconds / (x.minEssBulk / x.chainSeconds)) + '×']);
    } else if (rstan.ok) rows.push(['', 'rstan', `failed: ${x?.message ?? rr?.error ?? '?'}`.split('\n')[0].slice(0, 120)]);
  }
  console.log(`4 chains x (1000 warm-up + 1000 draws); Vigil: runChains in ${threads} worker thread(s), seed ${seed}; rstan: sampling(cores = 1), chains one after another.`);
  console.log('wall s: the whole call (warm-up included; rstan: sampling() from R, compile excluded). chain s: the chains\' own sampler time summed');
  console.log('(one-core seconds; the fair figure on a shared machine). min ESS: minimum bulk ESS over parameters and lp__');
  console.log('(Vigil: its unconstrained coordinates; rstan: the constrained parameters — equal for scalars, bulk ESS being rank-based). grads/s: gradient\n(leapfrog) evaluations per chain second, sampler included. div: post-warm-up divergences.');
  printTable(['model', 'engine', 'wall s', 'chain s', 'min ESS', 'at', 'ESS/s wall', 'ESS/s chain', 'grads/s', 'max R̂', 'div'], rows);
  return rr;
}
