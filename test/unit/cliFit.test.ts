import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/runCli';
import { compileModel } from '../../src/core/codegen/loadModel';
import { parseDataValues, runCompare } from '../../src/core/pipeline';
import type { CompareReport, FitResult } from '../../src/core/result/fitResult';

const root = path.resolve(__dirname, '../../..');
const ex = (f: string) => path.join(root, 'examples', f);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));

async function vigil(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test('vigil fit: summary table, stop reason, result JSON; data found by convention', async () => {
  const file = path.join(tmp, 'r.json');
  const r = await vigil('fit', ex('normal_mean.stan'), '--method', 'meanfield', '--seed', '4', '--draws', '2000', '--out', file);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^name\s+mean\s+sd\s+q5\s+q50\s+q95$/m);
  assert.match(r.out, /^w\s+1\.9\d\d\s+0\.(09|10)\d/m);
  assert.match(r.out, /Stopped: /);
  const json = JSON.parse(readFileSync(file, 'utf8')) as FitResult;
  assert.equal(json.schema, 'vigil.result');
  assert.equal(json.seed, 4);
  assert.equal(json.draws.w.length, 2000);
  for (const key of ['method', 'chains', 'summary', 'elbo', 'stopReason', 'khat', 'timing', 'gradientEvaluations']) assert.ok(key in json, key);
});

test('vigil fit --method nuts: R̂ and ESS columns and sampler counts', async () => {
  const r = await vigil('fit', ex('normal_mean.stan'), '--method', 'nuts', '--chains', '2', '--warmup', '200', '--draws', '200', '--seed', '1');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /rhat\s+essBulk\s+essTail/);
  assert.match(r.out, /Sampler: 0 divergent transitions/);
});

test('vigil fit: data errors name the variable (exit 1); a bad command line exits 2', async () => {
  const bad = path.join(tmp, 'bad.json');
  writeFileSync(bad, '{"N": 3, "x": [1, 2]}');
  const r = await vigil('fit', ex('normal_mean.stan'), '--data', bad);
  assert.equal(r.code, 1);
  assert.match(r.err, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: error: data variable 'x'`, 'm'));
  assert.equal((await vigil('fit', ex('normal_mean.stan'), '--method', 'nope')).code, 2);
  assert.equal((await vigil('fit', ex('normal_mean.stan'), '--seed', 'x')).code, 2);
  assert.equal((await vigil('fit', path.join(tmp, 'missing.stan'))).code, 2);
  const model = path.join(tmp, 'broken.stan');
  writeFileSync(model, 'parameters { real w; }\nmodel { w ~ normal(0, s); }\n');
  const m = await vigil('fit', model);
  assert.equal(m.code, 1);
  assert.match(m.err, /broken\.stan:2:\d+: error: .*\bs\b/);
});

test('vigil eval prints the compiled model\'s own log density and gradient', async () => {
  const points = path.join(tmp, 'points.json');
  const pts = [[0, 0, ...new Array(8).fill(0.5)], [1, -1, ...new Array(8).fill(2)]];
  writeFileSync(points, JSON.stringify(pts));
  const r = await vigil('eval', ex('eight_schools_centered.stan'), '--unconstrained', points);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { names: string[]; results: { logDensity: number; gradient: number[] }[] };
  const c = compileModel(readFileSync(ex('eight_schools_centered.stan'), 'utf8'), parseDataValues(readFileSync(ex('eight_schools_centered.data.json'), 'utf8')));
  assert.ok(c.ok);
  assert.deepEqual(json.names, c.model.unconstrainedNames);
  assert.equal(json.results.length, 2);
  pts.forEach((p, k) => {
    const g = new Float64Array(c.model.dim);
    assert.equal(json.results[k].logDensity, c.model.logDensityGradient(p, g));
    assert.deepEqual(json.results[k].gradient, Array.from(g));
  });
  writeFileSync(points, JSON.stringify([[0, 1]]));
  const wrong = await vigil('eval', ex('eight_schools_centered.stan'), '--unconstrained', points);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /expected an array of 10 numbers/);
});

test('vigil reference --kind nuts, then vigil compare against that file', async () => {
  const ref = path.join(tmp, 'ref.json');
  const r = await vigil('reference', ex('normal_mean.stan'), '--kind', 'nuts', '--chains', '2', '--warmup', '300', '--draws', '1000', '--seed', '3', '--out', ref);
  assert.equal(r.code, 0, r.err);
  assert.equal((JSON.parse(readFileSync(ref, 'utf8')) as FitResult).method, 'nuts');
  const out = path.join(tmp, 'report.json');
  const c = await vigil('compare', ex('normal_mean.stan'), '--method', 'meanfield', '--reference', ref, '--seed', '2', '--out', out);
  assert.equal(c.code, 0, c.err);
  assert.match(c.out, /name\s+meanfield mean ± sd\s+reference mean ± sd\s+sd ratio\s+std\. mean error/);
  assert.match(c.out, /^w\s+1\.9\d\d ± 0\.\d+\s+1\.9\d\d ± 0\.\d+\s+(0\.9|1\.0|1\.1)\d/m);
  assert.match(c.out, /No warnings/);
  const report = JSON.parse(readFileSync(out, 'utf8')) as CompareReport;
  assert.equal(report.schema, 'vigil.report');
  assert.equal(report.referenceKind, 'imported');
});

// The bundled CLI (dist/cli.js, built by `npm run build` / `npm test`): NUTS chains run in dist/chainWorker.js
// and the HTML report inlines dist/webview.js.
test('bundled vigil: NUTS in bundled chain workers, compare writes JSON and HTML reports', () => {
  const bin = path.join(root, 'bin', 'vigil.js');
  const json = path.join(tmp, 'bundled.json');
  const html = path.join(tmp, 'bundled.html');
  const r = spawnSync(process.execPath, [bin, 'compare', ex('eight_schools_centered.stan'), '--reference', 'nuts', '--chains', '2', '--warmup', '200', '--draws', '200', '--iter', '2000', '--seed', '1', '--out', json, '--html', html], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /against NUTS: 2 chains × 200 draws/);
  assert.match(r.stdout, /Warnings \(\d+\):/);
  assert.match(r.stdout, /eight_schools_centered\.stan:11:3: warning: tau: the variational sd is \d+% of the NUTS sd/);
  assert.equal((JSON.parse(readFileSync(json, 'utf8')) as CompareReport).reference?.chains, 2);
  assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/i);
});

test('vigil compare --reference none: only the warnings that need no reference, and a note that one would add more', async () => {
  const file = path.join(tmp, 'none.json');
  const r = await vigil('compare', ex('eight_schools_centered.stan'), '--method', 'meanfield', '--reference', 'none', '--seed', '1', '--iter', '2000', '--out', file);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(readFileSync(file, 'utf8')) as CompareReport;
  assert.equal(report.reference, null);
  const kinds = report.warnings.map((w) => w.kind);
  assert.ok(kinds.includes('no-reference'), kinds.join(', '));
  assert.ok(kinds.includes('not-converged') || kinds.includes('khat'), kinds.join(', '));
  assert.ok(!kinds.some((k) => k.startsWith('sd-ratio') || k === 'mean-error'), 'no marginal warnings without a reference');
});

test('compare thresholds reach the warnings: a wide sd-ratio band silences the tau warning', async () => {
  const model = ex('eight_schools_centered.stan');
  const data = ex('eight_schools_centered.data.json');
  const base = {
    model: { source: readFileSync(model, 'utf8'), path: model }, data: { text: readFileSync(data, 'utf8'), path: data },
    seed: 1, method: 'meanfield' as const, reference: { kind: 'nuts' as const }, options: { iter: 2000 },
    referenceOptions: { chains: 2, warmup: 500, draws: 500 },
  };
  const strict = await runCompare(base);
  const loose = await runCompare({ ...base, thresholds: { sdRatioLow: 0.01 } });
  assert.ok(strict.ok && loose.ok);
  const tauLow = (r: CompareReport) => r.warnings.some((w) => w.kind === 'sd-ratio-low' && w.parameter === 'tau');
  assert.ok(tauLow(strict.value), 'default band: tau warned');
  assert.ok(!tauLow(loose.value), 'band down to 0.01: no tau warning');
});
