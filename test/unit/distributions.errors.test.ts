import { test } from 'node:test';
import assert from 'node:assert/strict';
import { univariateFamilies } from '../../src/core/math/registry';
import { mathError, clearMathError, formatMathError } from '../../src/core/math/mathError';
import { vectorLogCdf, vectorLogDensity } from '../../src/core/math/vectorize';
import { Rng } from '../../src/core/infer/rng';
import { samplers, makeRand } from '../fixtures/math/familySamplers';

test('invalid arguments give NaN and a message naming the function and the argument', () => {
  clearMathError();
  const normal = univariateFamilies.get('normal')!;
  assert.ok(Number.isNaN(normal.logDensity(0, 1, 0, -1, 0)));
  assert.equal(formatMathError(), 'normal_lpdf: Scale parameter is -1, but must be positive finite!');
  clearMathError();
  assert.ok(Number.isNaN(univariateFamilies.get('bernoulli')!.logDensity(0, 1, 1.5, 0, 0)));
  assert.equal(formatMathError(), 'bernoulli_lpmf: Probability parameter is 1.5, but must be in the interval [0, 1]!');
  clearMathError();
  assert.ok(Number.isNaN(univariateFamilies.get('poisson')!.logDensity(0, 2.5, 1, 0, 0)));
  assert.match(formatMathError(), /^poisson_lpmf: Random variable is 2.5, but must be a nonnegative integer!$/);
  clearMathError();
  assert.ok(Number.isNaN(univariateFamilies.get('binomial')!.logDensity(0, 11, 10, 0.5, 0)));
  assert.match(formatMathError(), /^binomial_lpmf: Successes variable is 11/);
  clearMathError();
  assert.ok(Number.isNaN(univariateFamilies.get('gamma')!.lcdf!(1, 0, 1, 0)));
  assert.match(formatMathError(), /^gamma_lcdf: Shape parameter is 0/);
});

test('every family rejects NaN in every argument (lpdf, lcdf, lccdf, rng) with its own name', () => {
  const rng = new Rng(1);
  for (const [name, fam] of univariateFamilies) {
    const a = samplers[name](makeRand(9));
    for (let i = 0; i < fam.args.length; i++) {
      const b = a.slice();
      b[i] = NaN;
      const calls: [string, () => number][] = [[fam.discrete ? '_lpmf' : '_lpdf', () => fam.logDensity(0, b[0], b[1], b[2], b[3])]];
      if (fam.lcdf) calls.push(['_lcdf', () => fam.lcdf!(b[0], b[1], b[2], b[3])]);
      if (fam.lccdf) calls.push(['_lccdf', () => fam.lccdf!(b[0], b[1], b[2], b[3])]);
      if (i > 0) calls.push(['_rng', () => fam.rng(rng, b[1], b[2], b[3])]);
      for (const [suffix, call] of calls) {
        clearMathError();
        assert.ok(Number.isNaN(call()), `${name}${suffix} with ${fam.args[i]} = NaN`);
        assert.notEqual(mathError.code, 0, `${name}${suffix}: error slot set`);
        assert.equal(mathError.fn, name + suffix);
        assert.ok(mathError.arg.length > 0);
      }
    }
  }
});

test('vectorised calls broadcast scalars, sum, and accumulate partials per argument', () => {
  const normal = univariateFamilies.get('normal')!;
  const y = new Float64Array([0.1, -2, 3.5]);
  const mu = [0.5, 0.2, 1];
  const sigma = 1.7;
  const gy = new Float64Array(3);
  const gmu = new Float64Array(3);
  const gs = new Float64Array(1);
  const v = vectorLogDensity(normal, 0, [y, mu, sigma], [gy, gmu, gs]);
  const out = new Float64Array(4);
  let sum = 0;
  let dsig = 0;
  for (let i = 0; i < 3; i++) {
    sum += normal.logDensityWithPartials(out, 0, y[i], mu[i], sigma, 0);
    assert.equal(gy[i], out[0]);
    assert.equal(gmu[i], out[1]);
    dsig += out[2];
  }
  assert.equal(v, sum);
  assert.ok(Math.abs(gs[0] - dsig) < 1e-14);
  assert.equal(vectorLogDensity(normal, 0, [[], 0, 1], null), 0);
  clearMathError();
  assert.ok(Number.isNaN(vectorLogDensity(normal, 0, [[1, 2], [1, 2, 3], 1], null)));
  assert.match(formatMathError(), /normal_lpdf: Arguments must have consistent sizes/);
});

test('vectorised lcdf and lccdf broadcast, sum, and accumulate partials like densities', () => {
  const normal = univariateFamilies.get('normal')!;
  const y = [0.1, -2, 3.5];
  const mu = 0.4;
  const sigma = new Float64Array([1.7, 0.9, 2.2]);
  for (const upper of [false, true]) {
    const fp = upper ? normal.lccdfWithPartials! : normal.lcdfWithPartials!;
    const gy = new Float64Array(3);
    const gmu = new Float64Array(1);
    const v = vectorLogCdf(normal, upper, [y, mu, sigma], [gy, gmu, null]);
    const out = new Float64Array(4);
    let sum = 0;
    let dmu = 0;
    for (let i = 0; i < 3; i++) {
      sum += fp(out, y[i], mu, sigma[i], 0);
      assert.equal(gy[i], out[0]);
      dmu += out[1];
    }
    assert.equal(v, sum);
    assert.ok(Math.abs(gmu[0] - dmu) < 1e-14);
    assert.equal(vectorLogCdf(normal, upper, [y, mu, sigma], null), sum);
  }
  clearMathError();
  assert.ok(Number.isNaN(vectorLogCdf(normal, true, [[1, 2], 0, [1, 2, 3]], null)));
  assert.match(formatMathError(), /normal_lccdf: Arguments must have consistent sizes/);
});

test('discrete cdfs accept integers outside the support (truncation bounds)', () => {
  for (const [name, params] of [['poisson', [2.5]], ['binomial', [10, 0.3]], ['bernoulli', [0.3]], ['neg_binomial', [2, 0.5]], ['neg_binomial_2', [3, 4]], ['beta_binomial', [10, 2, 3]]] as [string, number[]][]) {
    const fam = univariateFamilies.get(name)!;
    const p = [...params, 0, 0];
    assert.equal(fam.lcdf!(-1, p[0], p[1], p[2]), -Infinity, `${name}_lcdf(-1)`);
    assert.equal(fam.lccdf!(-1, p[0], p[1], p[2]), 0, `${name}_lccdf(-1)`);
    assert.ok(Number.isNaN(fam.lcdf!(0.5, p[0], p[1], p[2])), `${name}_lcdf(0.5) is an error`);
  }
  assert.equal(univariateFamilies.get('binomial')!.lcdf!(11, 10, 0.3, 0), 0);
});

test('densities at the edge of the support use 0 log 0 = 0, and outside it give -Infinity without an error', () => {
  const u = (n: string) => univariateFamilies.get(n)!;
  assert.ok(Math.abs(u('gamma').logDensity(0, 0, 1, 2.5, 0) - Math.log(2.5)) < 1e-15);
  assert.equal(u('gamma').logDensity(0, 0, 2, 1, 0), -Infinity);
  assert.ok(Math.abs(u('chi_square').logDensity(0, 0, 2, 0, 0) - Math.log(0.5)) < 1e-15);
  assert.ok(Math.abs(u('beta').logDensity(0, 0, 1, 3, 0) - Math.log(3)) < 1e-15);
  clearMathError();
  assert.equal(u('gamma').logDensity(0, -1, 2, 1, 0), -Infinity);
  assert.equal(u('uniform').logDensity(0, 5, 0, 1, 0), -Infinity);
  assert.equal(u('pareto').logDensity(0, 0.5, 1, 2, 0), -Infinity);
  assert.equal(u('beta_binomial').logDensity(0, 11, 10, 2, 3), -Infinity);
  assert.equal(mathError.code, 0);
});
