// Gradients per second: Vigil's compiled model against rstan's grad_log_prob at the same unconstrained
// points on the same data, in one run. rstan is called from R, so its figure includes R's per-call
// overhead; that overhead is measured on its own (a one-parameter model) and printed beside it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixtureModel, gradientModels, logisticLargeModel, oneParameterModel } from './benchModels.mjs';
import { median, printTable, sig } from './benchTable.mjs';
import { prepareRstanModel, root, runR } from './rstanBridge.mjs';

const require = createRequire(import.meta.url);

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

// Per-call seconds of batches of calls, cycling over the points, until `budget` seconds are spent.
function timeVigil(model, points, budget) {
  const g = new Float64Array(model.dim);
  let k = 0;
  const call = () => { model.logDensityGradient(points[k], g); k = (k + 1) % points.length; };
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) call();
    if (performance.now() - t0 > (budget * 1000) / 20 || reps >= 1e7) break;
    reps *= 4;
  }
  const per = [];
  const start = performance.now();
  while (per.length < 5 || (performance.now() - start < budget * 1000 && per.length < 41)) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) call();
    per.push((performance.now() - t0) / 1000 / reps);
  }
  return per;
}

export async function gradientSection({ quick, rstan }) {
  const budget = quick ? 0.5 : 1.5;
  const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));
  const specs = [oneParameterModel, fixtureModel('eight_schools_noncentered'), { ...logisticLargeModel() }, ...gradientModels.filter((n) => n !== 'eight_schools_noncentered').map(fixtureModel)];
  const rows = [];
  const cases = [];
  for (const m of specs) {
    const c = compileModel(m.source, m.data);
    if (!c.ok) {
      console.log(`  ${m.name}: Vigil does not compile it yet (${c.diagnostics.map((d) => d.message).join('; ').slice(0, 160)}); skipped`);
      continue;
    }
    const rnd = lcg(7 + m.name.length);
    const points = Array.from({ length: 5 }, () => Float64Array.from({ length: c.model.dim }, () => rnd() * 4 - 2));
    process.stderr.write(`  [vigil] gradient ${m.name}\n`);
    cases.push({ m, model: c.model, points, vigil: timeVigil(c.model, points, budget) });
  }
  let r = null;
  if (rstan.ok) {
    const job = { budgetSeconds: budget, models: cases.map(({ m, points }) => ({ ...prepareRstanModel(m.name, m.source, m.data), points: points.map((p) => Array.from(p)) })) };
    r = await runR('gradient.R', job);
  }
  const overhead = r?.models?.[oneParameterModel.name]?.ok ? median(r.models[oneParameterModel.name].secondsPerCall) : NaN;
  for (const { m, model, points, vigil } of cases) {
    const v = median(vigil);
    const rs = r?.models?.[m.name];
    let check = '';
    if (rs?.ok) {
      const g = new Float64Array(model.dim);
      const lp = model.logDensityGradient(points[0], g);
      const worst = Math.max(...Array.from(g, (x, i) => Math.abs(x - rs.gradient[i]) / Math.max(1, Math.abs(rs.gradient[i]))));
      check = `${worst.toExponential(0)}`;
      if (Math.abs(lp - rs.logProb) > 1e-6 * Math.max(1, Math.abs(lp))) check += ' (lp differs: constants)';
    }
    const rsec = rs?.ok ? median(rs.secondsPerCall) : NaN;
    const net = rsec - overhead;
    rows.push([m.label ?? m.name, model.dim, sig(v * 1e6), sig(1 / v), sig(Math.min(...vigil) * 1e6), rs?.ok ? sig(rsec * 1e6) : (rs ? 'fails' : '—'), sig(1 / rsec),
      !rs?.ok ? '—' : m.name === oneParameterModel.name ? '(overhead)' : net > 0.1 * overhead ? sig(net * 1e6) : '< noise', rs?.ok ? sig(rsec / v) : '—', check]);
  }
  console.log('Vigil: model.logDensityGradient in this process (median of batches; "min" = fastest batch).');
  console.log('rstan: grad_log_prob(fit, u, adjust_transform = TRUE) called from R in a loop — the time includes');
  console.log(`R -> Rcpp -> C++ and back for every call. R's per-call overhead (the one-parameter model, whose own gradient costs ~0.1 µs): ${sig(overhead * 1e6)} µs.`);
  console.log('(rstan\'s C++ gradient rate without R in the way: the NUTS section\'s grads/s column, leapfrog steps over sampler seconds.)');
  console.log('"rstan − overhead" estimates the C++ gradient alone (unreliable when close to the overhead). |Δgrad| = max relative difference of the gradients at the first point.');
  printTable(['model', 'dim', 'Vigil µs/grad', 'Vigil grads/s', 'Vigil min µs', 'rstan µs/call', 'rstan calls/s', 'rstan − overhead µs', 'rstan/Vigil time', '|Δgrad|'], rows);
  if (rstan.ok && r?.error) console.log(`  rstan: ${r.error}`);
  for (const [name, x] of Object.entries(r?.models ?? {})) if (!x.ok) console.log(`  rstan failed on ${name}: ${x.message}`);
  return r;
}
