// Variational fits to a stopped fit: Vigil (robust and Stan-compatible ADVI, mean-field and full-rank;
// Pathfinder as an extra row) against rstan's vb() with its defaults, on the same models and data, in one
// run. Accuracy of every fit against a NUTS reference (rstan sampling, 4 x 1000) on the constrained
// parameters: standardized mean error (mean − ref mean) / ref sd and sd ratio, worst over parameters
// and seeds.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixtureModel, viModels } from './benchModels.mjs';
import { fix, median, printTable, sig } from './benchTable.mjs';
import { prepareRstanModel, root, runR } from './rstanBridge.mjs';

const require = createRequire(import.meta.url);
const vigilConfigs = [
  { label: 'Vigil meanfield robust', method: 'meanfield', algorithm: 'robust' },
  { label: 'Vigil meanfield stan', method: 'meanfield', algorithm: 'stan' },
  { label: 'Vigil fullrank robust', method: 'fullrank', algorithm: 'robust' },
  { label: 'Vigil fullrank stan', method: 'fullrank', algorithm: 'stan' },
  { label: 'Vigil pathfinder', method: 'pathfinder' },
];

// Mean and sd of each constrained parameter over the unconstrained draws.
function constrainedMoments(model, draws, ndraws) {
  const k = model.parameterNames.length;
  const sum = new Float64Array(k), sq = new Float64Array(k);
  for (let s = 0; s < ndraws; s++) {
    const x = model.writeArray(draws.subarray(s * model.dim, (s + 1) * model.dim), null);
    for (let i = 0; i < k; i++) { sum[i] += x[i]; sq[i] += x[i] * x[i]; }
  }
  const mean = Array.from(sum, (v) => v / ndraws);
  const sd = mean.map((m, i) => Math.sqrt(Math.max(0, (sq[i] - ndraws * m * m) / (ndraws - 1))));
  return { names: model.parameterNames, mean, sd };
}

// Worst |SME| and the sd-ratio range of one fit's moments against the reference (matched by name).
function accuracy(fit, ref) {
  let sme = 0, lo = Infinity, hi = -Infinity;
  const names = [].concat(fit.names);
  [].concat(ref.names).forEach((name, i) => {
    const j = names.indexOf(name);
    if (j < 0) return;
    sme = Math.max(sme, Math.abs(fit.mean[j] - ref.mean[i]) / ref.sd[i]);
    const r = fit.sd[j] / ref.sd[i];
    lo = Math.min(lo, r); hi = Math.max(hi, r);
  });
  return { sme, lo, hi };
}

export async function viSection({ quick, rstan }) {
  const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));
  const { fitVariational } = require(path.join(root, 'out/src/core/infer/fitVariational.js'));
  const { modelTarget } = require(path.join(root, 'out/src/core/pipeline/modelTarget.js'));
  const seeds = quick ? [1, 2] : [1, 2, 3, 4, 5];
  const specs = (quick ? viModels.slice(0, 2) : viModels).map(fixtureModel);
  const vigil = {};
  for (const m of specs) {
    const c = compileModel(m.source, m.data);
    if (!c.ok) { console.log(`  ${m.name}: Vigil does not compile it yet; skipped on Vigil's side`); continue; }
    vigil[m.name] = [];
    for (const cfg of vigilConfigs) {
      for (const seed of seeds) {
        process.stderr.write(`  [vigil] VI ${m.name} ${cfg.label} seed ${seed}\n`);
        const t0 = performance.now();
        const r = await fitVariational(modelTarget(c.model), { ...cfg, seed });
        const wall = (performance.now() - t0) / 1000;
        vigil[m.name].push({ label: cfg.label, seed, wall, grads: r.gradientEvaluations, iterations: r.iterations, stop: r.stopCode, ok: r.ok,
          moments: r.ok ? constrainedMoments(c.model, r.draws, r.ndraws) : null });
      }
    }
  }
  const r = rstan.ok ? await runR('vi.R', { refSeed: 4242, seeds, methods: ['meanfield', 'fullrank'], models: specs.map((m) => prepareRstanModel(m.name, m.source, m.data)) }) : null;
  if (r?.error) console.log(`  rstan: ${r.error}`);

  console.log(`${seeds.length} seeds per row; wall seconds and gradient evaluations are medians over seeds; accuracy is the worst over seeds and parameters`);
  console.log('against rstan NUTS (4 chains x 1000 draws after 1000 warm-up, seed 4242) on the constrained parameters.');
  console.log('rstan vb() gradient evaluations = (adaptation iterations + iterations) x grad_samples (1), read from its printed');
  console.log('progress; its wall time is the vb() call from R (includes R\'s setup of the fit, not compilation).');
  const rows = [];
  for (const m of specs) {
    const rm = r?.models?.[m.name];
    const ref = rm?.ok ? rm.reference : null;
    if (!ref) rows.push([m.name, rstan.ok ? `no NUTS reference (${rm?.message ?? 'rstan failed'})` : 'no NUTS reference (rstan missing)']);
    const group = (label, fits) => {
      if (!fits.length) return;
      const ok = fits.filter((f) => f.ok);
      const acc = ref ? ok.map((f) => accuracy(f.moments, ref)) : [];
      const stops = [...new Set(fits.map((f) => String(f.stop).replace('relative-tolerance', 'rel-tol')))].join(',');
      rows.push([`${m.name}`, label, fix(median(fits.map((f) => f.wall)), 3), median(fits.map((f) => f.grads)), median(fits.map((f) => f.iterations)),
        acc.length ? fix(Math.max(...acc.map((a) => a.sme)), 3) : '—', acc.length ? fix(Math.min(...acc.map((a) => a.lo))) : '—', acc.length ? fix(Math.max(...acc.map((a) => a.hi))) : '—',
        `${ok.length}/${fits.length}`, stops.slice(0, 40)]);
    };
    for (const cfg of vigilConfigs) group(cfg.label, (vigil[m.name] ?? []).filter((f) => f.label === cfg.label));
    if (rm?.ok) {
      for (const method of ['meanfield', 'fullrank']) {
        const fits = rm.fits.filter((f) => f.method === method).map((f) => ({
          ok: f.ok, wall: f.wallSeconds, iterations: f.iterations, grads: (f.iterations ?? NaN) + f.adaptIterations,
          stop: f.ok ? (f.note || '?').toLowerCase().replace('maximum number of iterations is reached', 'max-iterations').replace(/ /g, '-') : 'failed', moments: f.ok ? { names: f.names, mean: f.mean, sd: f.sd } : null,
        }));
        group(`rstan vb ${method}`, fits);
      }
      rows.push(['', `(rstan NUTS reference: ${fix(ref.wallSeconds, 1)} s, compile ${rm.cached ? 'cached' : `${fix(rm.compileSeconds, 0)} s`})`]);
    }
  }
  printTable(['model', 'engine / method', 'wall s', 'grad evals', 'iters', 'max |SME|', 'min sd ratio', 'max sd ratio', 'ok', 'stop'], rows);
  return r;
}
