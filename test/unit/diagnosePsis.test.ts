import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { adjustKWip, gpdfit, gpdQuantile } from '../../src/core/diagnose/gpdfit';
import { importanceResample } from '../../src/core/diagnose/importanceResample';
import { paretoKThreshold } from '../../src/core/diagnose/paretoKThreshold';
import { paretoTailLength, psis } from '../../src/core/diagnose/psis';
import { assertClose, f64, num, readFixture, RNumber } from '../fixtures/diagnose/readFixture';

interface PsisCase {
  name: string; r_eff: number; log_ratios: RNumber[]; pareto_k: RNumber; tail_len: number;
  n_eff: RNumber; log_weights: RNumber[]; norm_const_log: RNumber;
}
interface GpdCase {
  true_k: number; true_sigma: number; x: RNumber[]; k: RNumber; sigma: RNumber; k_nowip: RNumber; sigma_nowip: RNumber;
}
interface ResampleCase {
  weights: number[]; uniforms: number[]; stratified: number[]; deterministic_ndraws: number; deterministic: number[];
}
const fixture = readFixture<{ loo: string; psis: PsisCase[]; gpdfit: GpdCase[]; resample: ResampleCase }>('psis.json');
const REL = 1e-8;

test('fixture was made by loo 2.5.1', () => assert.equal(fixture.loo, '2.5.1'));

for (const c of fixture.psis) {
  test(`psis agrees with loo::psis: ${c.name}`, () => {
    const lr = f64(c.log_ratios);
    const r = psis(lr, c.r_eff);
    assert.equal(r.tailLength, c.tail_len);
    assert.equal(paretoTailLength(lr.length, c.r_eff), c.tail_len);
    assertClose(r.paretoK, c.pareto_k, REL, `${c.name} pareto_k`);
    assertClose(r.nEff, c.n_eff, REL, `${c.name} n_eff`);
    assertClose(r.normConstLog, c.norm_const_log, REL, `${c.name} norm_const_log`);
    // log weights: relative to their spread, since values near zero are differences
    const scale = Math.max(1, ...c.log_weights.map((v) => Math.abs(num(v))));
    c.log_weights.forEach((e, i) => {
      const err = Math.abs(r.logWeights[i] - num(e));
      assert.ok(err <= REL * scale, `${c.name} log_weights[${i}]: ${r.logWeights[i]} vs ${e}`);
    });
    let total = 0;
    for (const w of r.weights) total += w;
    assert.ok(Math.abs(total - 1) < 1e-12);
    if (num(c.pareto_k) === Infinity) assert.ok(r.warning);
  });
}

for (const [i, c] of fixture.gpdfit.entries()) {
  test(`gpdfit agrees with loo::gpdfit (case ${i}: N=${c.x.length}, k=${c.true_k})`, () => {
    const x = f64(c.x);
    const a = gpdfit(x);
    assertClose(a.k, c.k, REL, 'k');
    assertClose(a.sigma, c.sigma, REL, 'sigma');
    const b = gpdfit(x, { wip: false });
    assertClose(b.k, c.k_nowip, REL, 'k without wip');
    assertClose(b.sigma, c.sigma_nowip, REL, 'sigma without wip');
    // unsorted input is sorted first
    const shuffled = Float64Array.from(x).reverse();
    assertClose(gpdfit(shuffled).k, c.k, REL, 'k from unsorted x');
  });
}

test('wip shrinks k towards 0.5 with the weight of 10 observations', () => {
  assert.equal(adjustKWip(0.5, 37), 0.5);
  assertClose(adjustKWip(1, 10), 0.75, 1e-15, 'k=1, n=10');
});

test('generalized Pareto quantiles: median of k=0.5, sigma=1 is 2(sqrt 2 - 1)', () => {
  assertClose(gpdQuantile(0.5, 0.5, 1), 2 * (Math.SQRT2 - 1), 1e-14, 'median');
  assert.ok(Number.isNaN(gpdQuantile(0.5, 0.5, -1)));
});

test('paretoKThreshold is min(1 - 1/log10 S, 0.7)', () => {
  assertClose(paretoKThreshold(100), 0.5, 1e-15, 'S=100');
  assertClose(paretoKThreshold(1000), 2 / 3, 1e-15, 'S=1000');
  assert.equal(paretoKThreshold(2155), 0.7 > 1 - 1 / Math.log10(2155) ? 1 - 1 / Math.log10(2155) : 0.7);
  assert.equal(paretoKThreshold(4000), 0.7);
  assert.equal(paretoKThreshold(1e6), 0.7);
});

test('stratified resampling reproduces posterior given the same uniforms', () => {
  const c = fixture.resample;
  let k = 0;
  const ids = importanceResample(c.weights, c.weights.length, () => c.uniforms[k++]);
  assert.deepEqual([...ids].map((i) => i + 1), c.stratified);
});

test('deterministic resampling reproduces posterior', () => {
  const c = fixture.resample;
  const ids = importanceResample(c.weights, c.deterministic_ndraws, () => assert.fail('no randomness'), 'deterministic');
  assert.deepEqual([...ids].map((i) => i + 1), c.deterministic);
});

test('simple resampling follows the weights', () => {
  let s = 12345;
  const uniform = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const w = [0.1, 0.6, 0.3];
  const ids = importanceResample(w, 30000, uniform, 'simple');
  const counts = [0, 0, 0];
  for (const i of ids) counts[i]++;
  counts.forEach((n, i) => assert.ok(Math.abs(n / 30000 - w[i]) < 0.015, `share of ${i}: ${n / 30000}`));
  assert.throws(() => importanceResample([1, -1], 2, uniform), RangeError);
});

test('psis: -Inf ratios get zero weight; NaN or +Inf ratios give NaN, not a throw', () => {
  const lr = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 2);
  lr[3] = -Infinity;
  const r = psis(lr);
  assert.equal(r.weights[3], 0);
  assert.ok(Number.isFinite(r.paretoK));
  lr[5] = NaN;
  const bad = psis(lr);
  assert.ok(Number.isNaN(bad.paretoK) && Number.isNaN(bad.weights[0]) && bad.warning);
});
