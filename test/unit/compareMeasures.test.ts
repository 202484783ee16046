import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { intervalOverlap, massInside } from '../../src/core/diagnose/compare/coverage';
import { correlationChanges, correlationMatrix, selectCorrelationNames } from '../../src/core/diagnose/compare/correlation';
import { exactSummary, marginalSummary, parameterMeasures } from '../../src/core/diagnose/compare/measures';
import { wasserstein1 } from '../../src/core/diagnose/compare/wasserstein';
import { Rng } from '../../src/core/infer/rng';
import { drawsOf } from '../support/compareTargets';

const f64 = (xs: number[]) => Float64Array.from(xs);
const close = (x: number, y: number, tol: number, what: string) => assert.ok(Math.abs(x - y) <= tol, `${what}: ${x} vs ${y} (tol ${tol})`);

test('W1 of equal-size samples is the mean distance between sorted values', () => {
  // sorted a = 0 1 2 4, sorted b = 1 1 3 7: |0-1| + |1-1| + |2-3| + |4-7| = 5, over 4
  assert.equal(wasserstein1(f64([4, 0, 2, 1]), f64([1, 7, 3, 1])), 5 / 4);
  assert.equal(wasserstein1(f64([1, 2, 3]), f64([1, 2, 3])), 0);
});

test('W1 of unequal-size samples integrates the difference of the step quantile functions', () => {
  // a = {0, 1, 3}, b = {1, 2}: on u in (0,1/3] |0-1|, (1/3,1/2] 0, (1/2,2/3] |1-2|, (2/3,1] |3-2|
  // = 1/3 + 1/6 + 1/3 = 5/6, the same as the integral of |F_a(x) - F_b(x)| dx
  close(wasserstein1(f64([3, 0, 1]), f64([2, 1])), 5 / 6, 1e-15, 'W1');
  close(wasserstein1(f64([2, 1]), f64([3, 0, 1])), 5 / 6, 1e-15, 'W1 symmetric');
  // one point against many: the mean absolute deviation from that point
  close(wasserstein1(f64([0]), f64([-1, 2, 5])), 8 / 3, 1e-15, 'W1 to a point');
});

test('W1 of a shifted sample is the shift; of a scaled normal, |1 - s| E|Z|', () => {
  const rng = new Rng(11);
  const a = drawsOf(3000, () => rng.normal());
  close(wasserstein1(a, a.map((v) => v + 0.7)), 0.7, 1e-12, 'shift');
  const b = drawsOf(4000, () => 0.5 * rng.normal());
  // comonotone coupling of N(0,1) and N(0,0.25): (1 - 0.5) sqrt(2/pi) = 0.399; MC error ~0.02
  close(wasserstein1(a, b), 0.5 * Math.sqrt(2 / Math.PI), 0.04, 'scaled normal');
  assert.ok(Number.isNaN(wasserstein1(f64([]), f64([1]))));
  assert.ok(Number.isNaN(wasserstein1(f64([NaN, 1]), f64([1]))));
});

test('coverage: mass inside the reference interval, and the interval overlap fraction', () => {
  const q = f64([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(massInside(q, 2, 5), 0.4); // 2, 3, 4, 5 (closed interval)
  assert.equal(massInside(q, 10, 12), 0);
  assert.equal(intervalOverlap(0, 1, 0.5, 2.5), 0.25); // [0.5, 1] over a length-2 interval
  assert.equal(intervalOverlap(-5, 5, 0, 1), 1);
  assert.equal(intervalOverlap(3, 4, 0, 1), 0);
  assert.ok(Number.isNaN(intervalOverlap(0, 1, 1, 1)));
});

test('per-name measures match hand computations', () => {
  // reference 1..5: mean 3, sd sqrt(2.5); approximation 2..6: mean 4, same sd
  const m = parameterMeasures({
    name: 'mu', variable: 'mu', block: null, approximation: f64([2, 3, 4, 5, 6]), reference: f64([1, 2, 3, 4, 5]),
  });
  const sdRef = Math.sqrt(2.5);
  assert.equal(m.presentIn, 'both');
  close(m.standardizedMeanError, 1 / sdRef, 1e-14, 'standardized mean error');
  close(m.sdRatio, 1, 1e-14, 'sd ratio');
  close(m.wassersteinOverSd, 1 / sdRef, 1e-14, 'W1/sd'); // a shift by 1
  // reference q5 = 1.2, q95 = 4.8 (type 7): 2, 3, 4 of 2..6 inside
  close(m.reference!.q5, 1.2, 1e-14, 'q5');
  close(m.reference!.q95, 4.8, 1e-14, 'q95');
  assert.equal(m.coverage90, 3 / 5);
  // approximation interval [2.2, 5.8] against [1.2, 4.8]: overlap 2.6 over 3.6
  close(m.intervalOverlap90, 2.6 / 3.6, 1e-14, 'overlap');
});

test('names on one side only are reported with NaN measures, constant references give NaN ratios', () => {
  const only = parameterMeasures({ name: 'x', variable: 'x', block: null, approximation: f64([1, 2, 3]), reference: null });
  assert.equal(only.presentIn, 'approximation');
  assert.equal(only.reference, null);
  assert.ok(Number.isNaN(only.sdRatio));
  const refOnly = parameterMeasures({ name: 'y', variable: 'y', block: null, approximation: null, reference: f64([1, 2]) });
  assert.equal(refOnly.presentIn, 'reference');
  const constant = parameterMeasures({ name: 'c', variable: 'c', block: null, approximation: f64([1, 1, 1]), reference: f64([1, 1, 1]) });
  assert.ok(Number.isNaN(constant.sdRatio) && Number.isNaN(constant.standardizedMeanError));
});

test('exact references use their closed-form moments and fill missing quantiles from draws', () => {
  const s = exactSummary({ mean: 0, sd: 2, q5: -3.29 }, f64([-1, 0, 1]));
  assert.deepEqual([s.mean, s.sd, s.q5, s.q50], [0, 2, -3.29, 0]);
  close(s.q95, 0.9, 1e-14, 'q95 from draws');
  const m = parameterMeasures({
    name: 'mu', variable: 'mu', block: null, approximation: f64([1, 2, 3]), reference: null, exact: { mean: 1, sd: 2, q5: -2, q50: 1, q95: 4 },
  });
  close(m.standardizedMeanError, 0.5, 1e-15, 'sme');
  close(m.sdRatio, 0.5, 1e-15, 'ratio');
  assert.ok(Number.isNaN(m.wassersteinOverSd)); // no reference sample to measure against
  assert.equal(m.coverage90, 1);
  assert.deepEqual(marginalSummary(f64([1, 2, 3, 4])).q50, 2.5);
});

test('correlation matrix, capped name selection and lost/invented pairs', () => {
  const x = f64([1, 2, 3, 4, 5]);
  const m = correlationMatrix([x, x.map((v) => -2 * v + 1), f64([2, 1, 2, 1, 2]), f64([3, 3, 3, 3, 3])]);
  close(m[0][1], -1, 1e-14, 'perfect negative');
  close(m[0][2], 0, 1e-14, 'uncorrelated');
  assert.ok(Number.isNaN(m[0][3]) && Number.isNaN(m[3][3]), 'constant column gives NaN');
  const v: Record<string, number> = { a: 1, b: 9, c: 4, d: 0 };
  assert.deepEqual(selectCorrelationNames(['a', 'b', 'c', 'd'], (n) => v[n], 2), { names: ['b', 'c'], capped: true });
  assert.deepEqual(selectCorrelationNames(['a', 'b', 'c', 'd'], (n) => v[n], 5), { names: ['a', 'b', 'c'], capped: false });
  const ref = [[1, 0.9, 0], [0.9, 1, 0.1], [0, 0.1, 1]];
  const q = [[1, 0.2, 0.5], [0.2, 1, 0.1], [0.5, 0.1, 1]];
  const ch = correlationChanges(['a', 'b', 'c'], ref, q, 0.3, 10);
  assert.equal(ch.lost.length, 1);
  assert.deepEqual([ch.lost[0].a, ch.lost[0].b], ['a', 'b']);
  close(ch.lost[0].change, 0.7, 1e-14, 'lost');
  assert.deepEqual([ch.invented[0].a, ch.invented[0].b, ch.invented[0].change], ['a', 'c', 0.5]);
});
