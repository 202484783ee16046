// The one plain-number Cholesky factorisation (src/core/math/cholesky.ts): against R's chol() on the
// cholesky_decompose case of test/fixtures/math/linalg.json (made by make_linalg.R), in both storage
// orders and in place, and its failure contract (pivot threshold, NaN, upper triangle zeroed).
import assert from 'node:assert/strict';
import test from 'node:test';
import { choleskyInto } from '../../src/core/math/cholesky';
import { close, readFixture } from '../fixtures/math/fixtureReader';

interface Case { expr: string; args: Record<string, { value: number[][] }>; result: { value: number[][] } }
const chol = (readFixture('linalg') as unknown as Case[]).find((c) => c.expr === 'cholesky_decompose(S)');
if (!chol) throw new Error('linalg.json has no cholesky_decompose(S) case');
const S = chol.args.S.value;
const Lr = chol.result.value; // t(chol(S)), lower, as rows
const n = S.length;
const rowMajor = (m: number[][]) => Float64Array.from(m.flat());
const colMajor = (m: number[][]) => Float64Array.from({ length: n * n }, (_, p) => m[p % n][Math.floor(p / n)]);

function assertFactor(L: Float64Array, at: (i: number, j: number) => number, what: string): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const got = L[at(i, j)];
      if (j > i) assert.equal(got, 0, `${what}: [${i},${j}] above the diagonal`);
      else assert.ok(close(got, Lr[i][j], 1e-14, 1e-15), `${what}: [${i},${j}] ${got} vs R ${Lr[i][j]}`);
    }
}

test('choleskyInto agrees with R chol() row-major, column-major and in place', () => {
  const garbage = () => new Float64Array(n * n).fill(99); // the upper triangle must be overwritten
  const L1 = garbage();
  assert.equal(choleskyInto(L1, rowMajor(S), n), true);
  assertFactor(L1, (i, j) => i * n + j, 'rowMajor');
  const L2 = garbage();
  assert.equal(choleskyInto(L2, colMajor(S), n, 'colMajor'), true);
  assertFactor(L2, (i, j) => j * n + i, 'colMajor');
  for (const order of ['rowMajor', 'colMajor'] as const) {
    const A = order === 'rowMajor' ? rowMajor(S) : colMajor(S);
    assert.equal(choleskyInto(A, A, n, order), true);
    assertFactor(A, order === 'rowMajor' ? (i, j) => i * n + j : (i, j) => j * n + i, `${order} in place`);
  }
});

test('choleskyInto reads only the lower triangle of A', () => {
  const A = rowMajor(S);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) A[i * n + j] = NaN;
  const L = new Float64Array(n * n);
  assert.equal(choleskyInto(L, A, n), true);
  assertFactor(L, (i, j) => i * n + j, 'upper triangle NaN');
});

test('choleskyInto fails on the first pivot not above minPivot, NaN included', () => {
  const L = new Float64Array(4);
  assert.equal(choleskyInto(L, [1, 2, 2, 1], 2), false); // indefinite: second pivot -3
  assert.equal(choleskyInto(L, [1, 1, 1, 1], 2), false); // semidefinite: second pivot exactly 0
  assert.equal(choleskyInto(L, [0, 0, 0, 1], 2), false); // first pivot 0
  assert.equal(choleskyInto(L, [NaN, 0, 0, 1], 2), false);
  assert.equal(choleskyInto(L, [4, 0, 0, 1e-13], 2), true);
  assert.equal(choleskyInto(L, [4, 0, 0, 1e-13], 2, 'rowMajor', 1e-12), false);
  assert.equal(choleskyInto(new Float64Array(0), [], 0), true);
});
