// Constraining transforms: round trip, log|J| against a finite-difference Jacobian determinant, and the
// reverse-mode gradient (through the tape) of logJ + a linear function of x against finite differences.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Tape } from '../../src/core/codegen/tape';
import type { ScalarOps } from '../../src/core/math/transforms/scalarOps';
import { numberOps } from '../../src/core/math/transforms/scalarOps';
import { lowerUpperConstrain, lowerUpperUnconstrain, offsetMultiplierConstrain, offsetMultiplierUnconstrain } from '../../src/core/math/transforms/bounds';
import { simplexConstrain, simplexUnconstrain } from '../../src/core/math/transforms/simplex';
import { sumToZeroConstrain, sumToZeroUnconstrain } from '../../src/core/math/transforms/sumToZero';
import { orderedConstrain, orderedUnconstrain } from '../../src/core/math/transforms/ordered';
import { unitVectorConstrain, unitVectorUnconstrain } from '../../src/core/math/transforms/unitVector';
import { choleskyCorrConstrain, choleskyCorrUnconstrain } from '../../src/core/math/transforms/choleskyCorr';
import { choleskyCovConstrain, choleskyCovSize, choleskyCovUnconstrain } from '../../src/core/math/transforms/choleskyCov';
import { covMatrixConstrain, covMatrixUnconstrain } from '../../src/core/math/transforms/covMatrix';
import { corrMatrixConstrain, corrMatrixUnconstrain } from '../../src/core/math/transforms/corrMatrix';

interface Case {
  name: string;
  n: number; // unconstrained size
  m: number; // constrained size (stored)
  constrain(ops: ScalarOps, y: ArrayLike<number>, x: number[]): number; // returns log|J|
  unconstrain(x: ArrayLike<number>, y: Float64Array): void;
  // Indices of x that are free coordinates (the Jacobian determinant is taken over these); null: none.
  free: number[] | null;
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
function lowerTri(K: number, strict: boolean): number[] {
  const out: number[] = [];
  for (let j = 0; j < K; j++) for (let i = strict ? j + 1 : j; i < K; i++) out.push(j * K + i);
  return out;
}

const slot = { lj: 0 };
const cases: Case[] = [
  {
    name: 'lower=1.5, upper=4',
    n: 1,
    m: 1,
    constrain: (ops, y, x) => ((x[0] = lowerUpperConstrain(ops, y[0], 1.5, 4, slot)), slot.lj),
    unconstrain: (x, y) => (y[0] = lowerUpperUnconstrain(x[0], 1.5, 4)),
    free: [0],
  },
  {
    name: 'lower=-2',
    n: 1,
    m: 1,
    constrain: (ops, y, x) => ((x[0] = lowerUpperConstrain(ops, y[0], -2, Infinity, slot)), slot.lj),
    unconstrain: (x, y) => (y[0] = lowerUpperUnconstrain(x[0], -2, Infinity)),
    free: [0],
  },
  {
    name: 'upper=3',
    n: 1,
    m: 1,
    constrain: (ops, y, x) => ((x[0] = lowerUpperConstrain(ops, y[0], -Infinity, 3, slot)), slot.lj),
    unconstrain: (x, y) => (y[0] = lowerUpperUnconstrain(x[0], -Infinity, 3)),
    free: [0],
  },
  {
    name: 'offset=1, multiplier=2.5',
    n: 1,
    m: 1,
    constrain: (ops, y, x) => ((x[0] = offsetMultiplierConstrain(ops, y[0], 1, 2.5, slot)), slot.lj),
    unconstrain: (x, y) => (y[0] = offsetMultiplierUnconstrain(x[0], 1, 2.5)),
    free: [0],
  },
  { name: 'simplex[4]', n: 3, m: 4, constrain: (o, y, x) => simplexConstrain(o, y, 0, 4, x), unconstrain: (x, y) => simplexUnconstrain(x, 4, y, 0), free: range(0, 3) },
  { name: 'ordered[4]', n: 4, m: 4, constrain: (o, y, x) => orderedConstrain(o, y, 0, 4, x, false), unconstrain: (x, y) => orderedUnconstrain(x, 4, y, 0, false), free: range(0, 4) },
  { name: 'positive_ordered[3]', n: 3, m: 3, constrain: (o, y, x) => orderedConstrain(o, y, 0, 3, x, true), unconstrain: (x, y) => orderedUnconstrain(x, 3, y, 0, true), free: range(0, 3) },
  { name: 'unit_vector[3]', n: 3, m: 3, constrain: (o, y, x) => unitVectorConstrain(o, y, 0, 3, x), unconstrain: (x, y) => unitVectorUnconstrain(x, 3, y, 0), free: null },
  { name: 'cholesky_factor_corr[4]', n: 6, m: 16, constrain: (o, y, x) => choleskyCorrConstrain(o, y, 0, 4, x), unconstrain: (x, y) => choleskyCorrUnconstrain(x, 4, y, 0), free: lowerTri(4, true) },
  { name: 'cholesky_factor_cov[4,3]', n: choleskyCovSize(4, 3), m: 12, constrain: (o, y, x) => choleskyCovConstrain(o, y, 0, 4, 3, x), unconstrain: (x, y) => choleskyCovUnconstrain(x, 4, 3, y, 0), free: [0, 1, 2, 3, 5, 6, 7, 10, 11] },
  { name: 'cov_matrix[3]', n: 6, m: 9, constrain: (o, y, x) => covMatrixConstrain(o, y, 0, 3, x), unconstrain: (x, y) => covMatrixUnconstrain(x, 3, y, 0), free: lowerTri(3, false) },
  { name: 'corr_matrix[4]', n: 6, m: 16, constrain: (o, y, x) => corrMatrixConstrain(o, y, 0, 4, x), unconstrain: (x, y) => corrMatrixUnconstrain(x, 4, y, 0), free: lowerTri(4, true) },
];

function randomPoint(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 3 - 1.5;
  });
}

function constrainNum(c: Case, y: ArrayLike<number>): { x: number[]; lj: number } {
  const x: number[] = new Array(c.m).fill(0);
  const lj = c.constrain(numberOps, y, x);
  return { x, lj };
}

function logAbsDet(A: number[][]): number {
  const n = A.length;
  const M = A.map((r) => r.slice());
  let s = 0;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i][k]) > Math.abs(M[p][k])) p = i;
    [M[k], M[p]] = [M[p], M[k]];
    s += Math.log(Math.abs(M[k][k]));
    for (let i = k + 1; i < n; i++) {
      const f = M[i][k] / M[k][k];
      for (let j = k; j < n; j++) M[i][j] -= f * M[k][j];
    }
  }
  return s;
}

for (const c of cases) {
  test(`transform ${c.name}: unconstrain(constrain(y)) = y`, () => {
    for (let seed = 1; seed <= 5; seed++) {
      const y = randomPoint(c.n, seed * 7919);
      const { x } = constrainNum(c, y);
      const back = new Float64Array(c.n);
      c.unconstrain(x, back);
      if (c.free === null) {
        // Not one-to-one (unit_vector): the round trip holds on the constrained side.
        const x2 = constrainNum(c, back).x;
        for (let i = 0; i < c.m; i++) assert.ok(Math.abs(x2[i] - x[i]) < 1e-12);
        return;
      }
      for (let i = 0; i < c.n; i++) assert.ok(Math.abs(back[i] - y[i]) < 1e-9, `${c.name}: coordinate ${i}: ${back[i]} vs ${y[i]}`);
    }
  });

  if (c.free) {
    const free = c.free;
    test(`transform ${c.name}: log|J| equals the finite-difference Jacobian determinant`, () => {
      assert.equal(free.length, c.n);
      for (let seed = 1; seed <= 3; seed++) {
        const y = randomPoint(c.n, seed * 104729);
        const h = 1e-6;
        const J: number[][] = free.map(() => new Array(c.n).fill(0));
        for (let j = 0; j < c.n; j++) {
          const a = Float64Array.from(y), b = Float64Array.from(y);
          a[j] += h;
          b[j] -= h;
          const xa = constrainNum(c, a).x, xb = constrainNum(c, b).x;
          free.forEach((f, i) => (J[i][j] = (xa[f] - xb[f]) / (2 * h)));
        }
        const { lj } = constrainNum(c, y);
        assert.ok(Math.abs(lj - logAbsDet(J)) < 1e-6, `${c.name}: log|J| ${lj} vs finite differences ${logAbsDet(J)}`);
      }
    });
  } else {
    test(`transform ${c.name}: the density term is -0.5 |y|^2`, () => {
      const y = randomPoint(c.n, 17);
      const { x, lj } = constrainNum(c, y);
      const r2 = Array.from(y).reduce((s, v) => s + v * v, 0);
      assert.ok(Math.abs(lj + 0.5 * r2) < 1e-12);
      assert.ok(Math.abs(x.reduce((s, v) => s + v * v, 0) - 1) < 1e-12);
    });
  }

  test(`transform ${c.name}: reverse-mode gradient through the tape matches finite differences`, () => {
    const y = randomPoint(c.n, 31337);
    const w = randomPoint(c.m, 4242);
    const f = (ops: ScalarOps, yy: ArrayLike<number>): number => {
      const x: number[] = new Array(c.m).fill(ops.c(0));
      let v = c.constrain(ops, yy, x);
      for (let i = 0; i < c.m; i++) v = ops.add(v, ops.mulc(x[i], w[i]));
      return v;
    };
    const T = new Tape(4, 4); // tiny, so the test also exercises growth
    T.reset(y);
    const iota = Int32Array.from({ length: c.n }, (_, i) => i);
    const out = f(T, iota);
    T.target(out);
    const g = new Float64Array(c.n);
    const val = T.gradient(g);
    assert.ok(Math.abs(val - f(numberOps, y)) < 1e-12);
    for (let j = 0; j < c.n; j++) {
      const h = 1e-6;
      const a = Float64Array.from(y), b = Float64Array.from(y);
      a[j] += h;
      b[j] -= h;
      const fdv = (f(numberOps, a) - f(numberOps, b)) / (2 * h);
      assert.ok(Math.abs(g[j] - fdv) <= 1e-6 * Math.max(1, Math.abs(fdv)), `${c.name}: d/dy${j}: ${g[j]} vs ${fdv}`);
    }
  });
}

test('sum_to_zero_vector: sums to zero, round-trips, no log-Jacobian, isometric (Stan 2.36)', () => {
  for (const K of [1, 2, 3, 6]) {
    const y = Array.from({ length: K - 1 }, (_, i) => Math.sin(3 * i + 1) * 2);
    const x = new Array<number>(K);
    assert.equal(sumToZeroConstrain(numberOps, y, 0, K, x), 0);
    assert.ok(Math.abs(x.reduce((a, b) => a + b, 0)) < 1e-12);
    const back = new Array<number>(K - 1);
    sumToZeroUnconstrain(x, K, back, 0);
    for (let i = 0; i < K - 1; i++) assert.ok(Math.abs(back[i] - y[i]) < 1e-12);
    // Isometric: |x| = |y|.
    const n2 = (v: number[]) => v.reduce((a, b) => a + b * b, 0);
    assert.ok(Math.abs(n2(x) - n2(y)) < 1e-10);
  }
  // K = 2: x = (y / sqrt 2, -y / sqrt 2), as Stan's sum_to_zero_constrain.
  const x2 = [0, 0];
  sumToZeroConstrain(numberOps, [1], 0, 2, x2);
  assert.ok(Math.abs(x2[0] - Math.SQRT1_2) < 1e-15 && Math.abs(x2[1] + Math.SQRT1_2) < 1e-15);
});
