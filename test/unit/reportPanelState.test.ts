// The panel state for large models stays small and quick: 1500 names, densities capped, pairs thinned,
// every name in the table; and the density curves integrate to one.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESULT_SCHEMA, RESULT_SCHEMA_VERSION, type FitResult } from '../../src/core/result/fitResult';
import { buildPanelState } from '../../src/report/buildPanelState';
import { densityPair } from '../../src/report/densityGrid';

function bigFit(names: number, draws: number): FitResult {
  const d: Record<string, number[]> = {};
  const summary: FitResult['summary'] = {};
  let s = 7;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let i = 1; i <= names; i++) {
    const n = `beta[${i}]`;
    d[n] = Array.from({ length: draws }, () => i + (u() + u() + u() - 1.5));
    summary[n] = { mean: i, sd: 0.5, q5: i - 0.8, q50: i, q95: i + 0.8 };
  }
  const all = Object.keys(d);
  return {
    schema: RESULT_SCHEMA, version: RESULT_SCHEMA_VERSION, method: 'meanfield', seed: 1, chains: 1, model: { file: 'big.stan', hash: '' },
    data: { file: null, hash: null }, draws: d, names: { parameters: all, transformedParameters: [], generatedQuantities: [] }, summary,
    elbo: [], stopReason: 'stationary', stopCode: 'stationary', ok: true, khat: 0.3, khatThreshold: 0.7, timing: { seconds: 1 }, gradientEvaluations: 1,
  };
}

test('1500 names: every name in the table, at most 60 density curves, at most 40 pair names of ≤ 500 draws', () => {
  const fit = bigFit(1500, 1000);
  const t0 = performance.now();
  const s = buildPanelState(fit);
  const ms = performance.now() - t0;
  assert.equal(s.table.length, 1500);
  assert.equal(s.densities.length, 60);
  assert.ok(s.pairs && s.pairs.names.length === 40 && Object.values(s.pairs.approximation).every((v) => v.length <= 500));
  assert.equal(s.khat?.verdict, 'ok');
  const bytes = JSON.stringify(s).length;
  assert.ok(bytes < 2_000_000, `state is ${bytes} bytes`);
  console.log(`panel state for 1500 names: ${ms.toFixed(0)} ms, ${(bytes / 1e6).toFixed(2)} MB`);
});

test('density curves are densities: each integrates to about one over its grid', () => {
  const a = Array.from({ length: 4000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
  const d = densityPair(a, a.map((x) => 2 * x + 1));
  assert.ok(d);
  const area = (y: number[]) => y.reduce((acc, v, i) => (i === 0 ? 0 : acc + ((v + y[i - 1]) / 2) * (d.x[i] - d.x[i - 1])), 0);
  assert.ok(Math.abs(area(d.approximation!) - 1) < 0.05, `area ${area(d.approximation!)}`);
  assert.ok(Math.abs(area(d.reference!) - 1) < 0.05, `area ${area(d.reference!)}`);
  assert.equal(densityPair(null, null), null);
});
