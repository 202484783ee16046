// Variational fits to a stopped fit: Vigil (robust and Stan-compatible ADVI, mean-field and full-rank;
// Pathfinder as an extra row) against rstan's vb() with its defaults, on the same models and data, in one
// run. Accuracy of every fit against a NUTS reference (rstan sampling, 4 x 1000) on the constrained
// parameters: standardized mean error (mean − ref mean) / ref sd and sd ratio, worst over parameters
// and seeds.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixtureModel, logisticLargeModel, viModels } from './benchModels.mjs';
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

// Worst deviation of an sd ratio range from 1, on the log scale (0.5 and 2 are equally far).
const farthest = (lo, hi) => (Math.abs(Math.log(lo)) >= Math.abs(Math.log(hi)) ? lo : hi);
const spread = (xs, d) => (xs.length > 1 ? `${fix(Math.min(...xs), d)}–${fix(Math.max(...xs), d)}` : fix(xs[0], d));

export async function viSection({ quick, rstan }) {
  const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));
  const { fitVariational } = require(path.join(root, 'out/src/core/infer/fitVariational.js'));
  const { modelTarget } = require(path.join(root, 'out/src/core/pipeline/modelTarget.js'));
  const seeds = quick ? [1, 2] : [1, 2, 3, 4, 5];
  // the large logistic regression: where the gradient, not the optimiser's bookkeeping, is the cost
  const specs = quick ? viModels.slice(0, 2).map(fixtureModel) : [...viModels.map(fixtureModel), logisticLargeModel()];
  const vigil = {};
  const compileSeconds = {};
  for (const m of specs) {
    const t0 = performance.now();
    const c = compileModel(m.source, m.data);
    compileSeconds[m.name] = (performance.now() - t0) / 1000;
    if (!c.ok) { console.log(`  ${m.name}: Vigil does not compile it yet; skipped on Vigil's side`); continue; }
    vigil[m.name] = [];
    const target = modelTarget(c.model);
    for (const cfg of vigilConfigs) {
      // one untimed fit first: the JavaScript engine compiles the hot code on first use, as rstan's model is compiled already
      await fitVariational(target, { ...cfg, seed: 999 });
      for (const seed of seeds) {
        process.stderr.write(`  [vigil] VI ${m.name} ${cfg.label} seed ${seed}\n`);
        const t0 = performance.now();
        const r = await fitVariational(target, { ...cfg, seed });
        const wall = (performance.now() - t0) / 1000;
        vigil[m.name].push({ label: cfg.label, seed, wall, grads: r.gradientEvaluations, iterations: r.iterations, stop: r.stopCode, ok: r.ok,
          moments: r.ok ? constrainedMoments(c.model, r.draws, r.ndraws) : null });
      }
    }
  }
  const r = rstan.ok ? await runR('vi.R', { refSeed: 4242, seeds, methods: ['meanfield', 'fullrank'], models: specs.map((m) => prepareRstanModel(m.name, m.source, m.data)) }) : null;
  if (r?.error) console.log(`  rstan: ${r.error}`);

  console.log(`${seeds.length} seeds per row. wall s: median (range) over seeds, from the call to the returned draws (1000 output draws on both`);
  console.log("sides; Vigil in-process after one warm-up fit, rstan's vb() timed from R with its default output). grad evals: median");
  console.log('gradient evaluations (rstan: (eta-adaptation + main-loop iterations) x grad_samples 1, counted from an untimed');
  console.log('rerun with refresh = 1); log-density-only evaluations (ELBO estimates) are not counted on either side.');
  console.log('Accuracy against rstan NUTS (4 chains x 1000 draws after 1000 warm-up, seed 4242) on the constrained parameters:');
  console.log('max |SME| = worst |mean − NUTS mean| / NUTS sd, sd ratio = sd / NUTS sd (min–max); both over seeds and parameters.');
  console.log('Vigil robust is the default (iterate averaging, R̂ + MCSE stopping); Vigil stan mimics rstan vb (eta 100 can collapse, as in rstan).');
  const rows = [];
  const digest = [];
  const notes = [];
  const stats = (fits, ref) => {
    const ok = fits.filter((f) => f.ok);
    const acc = ref ? ok.map((f) => accuracy(f.moments, ref)) : [];
    const lo = acc.length ? Math.min(...acc.map((a) => a.lo)) : NaN, hi = acc.length ? Math.max(...acc.map((a) => a.hi)) : NaN;
    return {
      wall: median(fits.map((f) => f.wall)), walls: fits.map((f) => f.wall), grads: median(fits.map((f) => f.grads)), iterations: median(fits.map((f) => f.iterations)),
      sme: acc.length ? Math.max(...acc.map((a) => a.sme)) : NaN, lo, hi, ok: `${ok.length}/${fits.length}`,
      stops: [...new Set(fits.map((f) => String(f.stop).replace('relative-tolerance', 'rel-tol')))].join(','),
    };
  };
  for (const m of specs) {
    const rm = r?.models?.[m.name];
    const ref = rm?.ok ? rm.reference : null;
    if (!ref) notes.push(`${m.name}: ${rstan.ok ? `no NUTS reference (${rm?.message ?? 'rstan failed'})` : 'no NUTS reference (rstan missing)'}`);
    const groups = {};
    const group = (label, fits) => {
      if (!fits.length) return;
      const g = stats(fits, ref);
      groups[label] = g;
      rows.push([m.name, label, `${fix(g.wall, 3)} (${spread(g.walls, 3)})`, g.grads, g.iterations, fix(g.sme, 3), `${fix(g.lo)}–${fix(g.hi)}`, g.ok, g.stops.slice(0, 40)]);
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
      notes.push(`${m.name}: compile Vigil ${fix(compileSeconds[m.name], 3)} s, rstan ${rm.cached ? 'cached' : `${fix(rm.compileSeconds, 0)} s`}; rstan NUTS reference ${fix(ref.wallSeconds, 1)} s`);
      for (const method of ['meanfield', 'fullrank']) {
        const v = groups[`Vigil ${method} robust`], s = groups[`rstan vb ${method}`];
        if (!v || !s) continue;
        const fv = farthest(v.lo, v.hi), fs = farthest(s.lo, s.hi);
        const faster = v.grads <= s.grads && v.wall <= s.wall;
        const better = v.sme <= s.sme && Math.abs(Math.log(fv)) <= Math.abs(Math.log(fs));
        digest.push([m.name, method, `${v.grads} / ${s.grads}`, `${fix(v.wall, 3)} / ${fix(s.wall, 3)}`, `${fix(v.sme, 3)} / ${fix(s.sme, 3)}`,
          `${fix(fv)} / ${fix(fs)}`, `${faster ? 'faster' : 'slower'}, ${better ? 'more accurate' : 'less accurate'}`]);
      }
    }
  }
  printTable(['model', 'engine / method', 'wall s', 'grad evals', 'iters', 'max |SME|', 'sd ratio', 'ok', 'stop'], rows);
  for (const n of notes) console.log(n);
  if (digest.length) {
    console.log('\nVigil robust ADVI (the default) against rstan vb(), same models and seeds: Vigil / rstan');
    console.log('(sd ratio: the one farthest from 1 on the log scale; faster = fewer gradient evaluations and less wall time)');
    printTable(['model', 'family', 'grad evals', 'wall s', 'max |SME|', 'sd ratio', 'verdict'], digest);
  }
  return r;
}
