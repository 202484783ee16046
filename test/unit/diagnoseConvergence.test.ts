import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { essBasic, essBulk, essMean, essMedian, essQuantile, essSd, essTail } from '../../src/core/diagnose/ess';
import { mcseMean, mcseMedian, mcseQuantile, mcseSd } from '../../src/core/diagnose/mcse';
import { rhat, rhatBasic } from '../../src/core/diagnose/rhat';
import { flattenChains, splitChains } from '../../src/core/diagnose/draws';
import { mean, sd } from '../../src/core/diagnose/moments';
import { mad, median, quantile } from '../../src/core/diagnose/quantile';
import { summariseChains, summariseDraws } from '../../src/core/diagnose/summarise';
import { assertClose, f64, readFixture, RNumber } from '../fixtures/diagnose/readFixture';

interface DrawSet {
  name: string;
  chains: RNumber[][];
  values: Record<string, RNumber>;
  quantile_probs: number[];
  quantiles: RNumber[];
  quantile_probs_ess: number[];
  ess_quantile: RNumber[];
  mcse_quantile: RNumber[];
  summarise: Record<string, RNumber>;
}

const fixture = readFixture<{ posterior: string; sets: DrawSet[] }>('convergence.json');
// Everything is computed on the same doubles R used; differences come only from summation order
// and the FFT, so we ask for 1e-8 (and 1e-6 where tiny values are subtracted: see below).
const REL = 1e-8;

test('fixture was made by posterior 1.4.0', () => {
  assert.equal(fixture.posterior, '1.4.0');
  assert.ok(fixture.sets.length >= 15);
});

for (const set of fixture.sets) {
  const chains = set.chains.map(f64);
  const v = set.values;
  test(`convergence diagnostics agree with posterior: ${set.name}`, () => {
    const all = flattenChains(chains);
    const got: Record<string, number> = {
      mean: mean(all), median: median(all), sd: sd(all), mad: mad(all),
      rhat: rhat(chains), rhat_basic: rhatBasic(chains), rhat_basic_nosplit: rhatBasic(chains, false),
      ess_bulk: essBulk(chains), ess_tail: essTail(chains), ess_basic: essBasic(chains),
      ess_basic_nosplit: essBasic(chains, false), ess_mean: essMean(chains), ess_sd: essSd(chains),
      ess_median: essMedian(chains), mcse_mean: mcseMean(chains), mcse_sd: mcseSd(chains),
      mcse_median: mcseMedian(chains),
    };
    assert.deepEqual(Object.keys(got).sort(), Object.keys(v).sort());
    for (const key of Object.keys(v)) assertClose(got[key], v[key], REL, `${set.name} ${key}`);
    const qs = quantile(all, set.quantile_probs);
    qs.forEach((q, i) => assertClose(q, set.quantiles[i], 1e-14, `${set.name} quantile(${set.quantile_probs[i]})`));
    set.quantile_probs_ess.forEach((p, i) => {
      assertClose(essQuantile(chains, p), set.ess_quantile[i], REL, `${set.name} ess_quantile(${p})`);
      assertClose(mcseQuantile(chains, p), set.mcse_quantile[i], REL, `${set.name} mcse_quantile(${p})`);
    });
  });

  test(`summariseChains matches summarise_draws: ${set.name}`, () => {
    const s = summariseChains(chains);
    const r = set.summarise;
    const pairs: [number, RNumber, string][] = [
      [s.mean, r.mean, 'mean'], [s.median, r.median, 'median'], [s.sd, r.sd, 'sd'], [s.mad, r.mad, 'mad'],
      [s.q5, r.q5, 'q5'], [s.q95, r.q95, 'q95'], [s.rhat, r.rhat, 'rhat'], [s.essBulk, r.ess_bulk, 'essBulk'],
      [s.essTail, r.ess_tail, 'essTail'], [s.mcseMean, v.mcse_mean, 'mcseMean'], [s.q50, set.quantiles[3], 'q50'],
    ];
    for (const [a, e, what] of pairs) assertClose(a, e, REL, `${set.name} ${what}`);
  });
}

test('summariseDraws keys results by name, in order, and accepts a single chain', () => {
  const byName = new Map(fixture.sets.slice(0, 3).map((s) => [`theta[${s.name.length}]`, s.chains.map(f64)] as const));
  const out = summariseDraws(byName);
  assert.deepEqual(Object.keys(out), [...byName.keys()]);
  const one = fixture.sets.find((s) => s.name === 'single_chain_1x1000')!;
  const single = summariseDraws({ mu: f64(one.chains[0]) }).mu;
  assertClose(single.rhat, one.summarise.rhat, REL, 'single chain as Float64Array');
});

test('splitting drops the middle draw of odd-length chains', () => {
  const s = splitChains([Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([6, 7, 8, 9, 10])]);
  assert.deepEqual(s.map((c) => [...c]), [[1, 2], [6, 7], [4, 5], [9, 10]]);
});

test('ESS is capped at S log10 S for antithetic chains', () => {
  const set = fixture.sets.find((s) => s.name === 'ar1_rho-0.7_4x300')!;
  const chains = set.chains.map(f64);
  const S = 1200;
  assert.ok(essBasic(chains) <= S * Math.log10(S) * (1 + 1e-12));
  assertClose(essBasic(chains), S * Math.log10(S), 1e-12, 'capped ESS');
});

test('unequal chain lengths are rejected', () => {
  assert.throws(() => rhat([new Float64Array(10), new Float64Array(9)]), RangeError);
});
