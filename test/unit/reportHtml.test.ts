// The HTML report: self-contained (inline bundle, embedded data, no network), built from a real
// comparison (src/core/diagnose/compare on seeded synthetic eight-schools-like draws), and it renders
// its charts in headless Chromium when one is installed.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { compareDraws } from '../../src/core/diagnose/compare';
import { RESULT_SCHEMA, RESULT_SCHEMA_VERSION, type CompareReport, type FitResult } from '../../src/core/result/fitResult';
import { analyzeStan } from '../../src/core/stan/analyze';
import { buildPanelState } from '../../src/report/buildPanelState';
import { renderHtmlReport } from '../../src/report/renderHtmlReport';

const root = path.resolve(__dirname, '../../..');
const source = readFileSync(path.join(root, 'examples/eight_schools_centered.stan'), 'utf8');

// Seeded normal draws (Box–Muller on a small LCG): deterministic, no dependency on the engine's rng.
function normals(seed: number, n: number, mean: number, sd: number): number[] {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  return Array.from({ length: n }, () => mean + sd * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

function fit(method: FitResult['method'], draws: Record<string, number[]>): FitResult {
  const names = Object.keys(draws);
  const summary = Object.fromEntries(names.map((n) => {
    const v = draws[n];
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
    return [n, { mean: m, sd, q5: m - 1.645 * sd, q50: m, q95: m + 1.645 * sd }];
  }));
  return {
    schema: RESULT_SCHEMA, version: RESULT_SCHEMA_VERSION, method, seed: 1, chains: method === 'nuts' ? 4 : 1,
    model: { file: 'eight_schools_centered.stan', hash: 'x' }, data: { file: null, hash: null }, draws,
    names: { parameters: names, transformedParameters: [], generatedQuantities: [] }, summary,
    elbo: method === 'nuts' ? [] : Array.from({ length: 50 }, (_, i) => ({ iteration: (i + 1) * 100, elbo: -40 - 30 / (i + 1), mcse: 0.5 })),
    stopReason: method === 'nuts' ? 'sampled' : 'iterates stationary: R̂ 1.01, MCSE 0.03', stopCode: 'stationary', ok: true,
    khat: method === 'nuts' ? null : 0.95, khatThreshold: method === 'nuts' ? null : 0.7, timing: { seconds: 1 }, gradientEvaluations: 1000,
  };
}

export function syntheticCompareReport(): CompareReport {
  const n = 1000;
  const tauRef = normals(1, n, 0, 1).map((z) => Math.exp(1 + 0.8 * z));
  const tauApprox = normals(2, n, 0, 1).map((z) => Math.exp(0.8 + 0.3 * z));
  const ref: Record<string, number[]> = { mu: normals(3, n, 4.4, 3.3), tau: tauRef };
  const approx: Record<string, number[]> = { mu: normals(4, n, 4.2, 2.9), tau: tauApprox };
  for (let j = 1; j <= 8; j++) {
    const z = normals(10 + j, n, 0, 1);
    ref[`theta[${j}]`] = ref.mu.map((m, i) => m + tauRef[i] * z[i]);
    approx[`theta[${j}]`] = normals(20 + j, n, 4.3, 3);
  }
  const chains = (d: Record<string, number[]>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, [Float64Array.from(v)]]));
  const diag = compareDraws({
    approximation: { method: 'meanfield', draws: Object.fromEntries(Object.entries(approx).map(([k, v]) => [k, Float64Array.from(v)])), khat: 0.95, convergence: { converged: true, stopReason: 'stationary' } },
    reference: { kind: 'nuts', draws: chains(ref), health: { divergences: 0, treedepthSaturated: 0 } },
    program: analyzeStan(source).program,
    source,
  });
  return {
    schema: 'vigil.report', version: RESULT_SCHEMA_VERSION, approximation: fit('meanfield', approx), reference: fit('nuts', ref),
    referenceKind: 'nuts', thresholds: diag.thresholds, parameters: diag.parameters, joint: diag.joint, warnings: diag.warnings,
  };
}

test('the panel state carries overlays, forest rows, the default pair and the tau warning', () => {
  const s = buildPanelState(syntheticCompareReport());
  assert.equal(s.densities.length, 10);
  assert.ok(s.densities.every((d) => d.approximation && d.reference && d.x.length === d.approximation.length));
  const tau = s.forest.find((r) => r.name === 'tau');
  assert.ok(tau && tau.sdRatio !== null && tau.sdRatio < 0.8, `tau sd ratio ${tau?.sdRatio}`);
  assert.ok(s.warnings.some((w) => w.parameter === 'tau' && w.range !== null), JSON.stringify(s.warnings.map((w) => w.message)));
  assert.ok(s.pairs?.defaultPair, 'a default pair');
  assert.equal(s.table.length, 10);
  assert.equal(s.khat?.verdict, 'high');
});

test('the report is one self-contained page: inline script and style, embedded data, no network', () => {
  const html = renderHtmlReport(syntheticCompareReport());
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script[^>]*\ssrc=/i, 'no external script');
  assert.doesNotMatch(html, /<link[^>]*href=/i, 'no linked stylesheet');
  assert.doesNotMatch(html, /@import|url\(\s*['"]?https?:/i);
  // The only URLs are inside the licence comments the bundled libraries must keep.
  const withoutLicences = html.replace(/\/\*![\s\S]*?\*\//g, '');
  assert.doesNotMatch(withoutLicences, /https?:\/\//, 'an http(s) URL outside the licence comments');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  const state = /<script type="application\/json" id="vigil-state">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(state, 'embedded state');
  assert.equal(JSON.parse(state[1]).densities.length, 10);
  assert.ok(html.includes('Chart.js'), 'the chart bundle is inlined');
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'the inlined bundle cannot close its element early');
});

test('a fit without reference renders too (approximation only, with a note)', () => {
  const html = renderHtmlReport(syntheticCompareReport().approximation);
  const state = JSON.parse(/id="vigil-state">([\s\S]*?)<\/script>/.exec(html)![1]);
  assert.equal(state.referenceLabel, null);
  assert.equal(state.forest.length, 0);
  assert.ok(state.notes.some((n: string) => /reference/i.test(n)));
});

const chromium = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
test('the report opens from file:// in headless Chromium, offline, and draws its charts', { skip: existsSync(chromium) ? false : 'no Chromium', timeout: 60_000 }, async () => {
  const { chromium: pw } = await import('playwright-core');
  const dir = path.join(root, 'test-results', 'report');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'eight_schools_report.html');
  writeFileSync(file, renderHtmlReport(syntheticCompareReport()));
  const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1600 }, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-rendered]');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [], 'no network request');
    const drawn = await page.evaluate(`(() => {
      const painted = (c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; };
      return {
        sections: document.body.dataset.rendered,
        elbo: painted(document.querySelector('#elbo canvas')),
        densities: [...document.querySelectorAll('.density canvas')].map(painted),
        forest: [...document.querySelectorAll('#forest canvas')].map(painted),
        pairs: painted(document.querySelector('#pairs canvas')),
        warnings: [...document.querySelectorAll('li.warning')].map((li) => li.textContent),
      };
    })()`) as { sections: string; elbo: number; densities: number[]; forest: number[]; pairs: number; warnings: string[] };
    assert.equal(drawn.sections, 'warnings elbo densities forest pairs summary');
    assert.ok(drawn.elbo > 500, `ELBO canvas painted: ${drawn.elbo}`);
    assert.equal(drawn.densities.length, 10);
    assert.ok(drawn.densities.every((n) => n > 500), `densities painted: ${drawn.densities}`);
    assert.ok(drawn.forest.every((n) => n > 500) && drawn.pairs > 500);
    assert.ok(drawn.warnings.some((w) => /tau/.test(w)), drawn.warnings.join(' | '));
    await page.screenshot({ path: path.join(dir, 'eight_schools_report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
