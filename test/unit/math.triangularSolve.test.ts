// Forward and back substitution with a lower-triangular factor (src/core/math/triangularSolve.ts)
// against R on cases of test/fixtures/math/linalg.json (made by make_linalg.R): forwardsolve for
// L x = b (mdivide_left_tri_low), backsolve with t(L) for Lᵀ x = b (mdivide_right_tri_low), solve(S)
// for the inverse from the Cholesky factor (inverse_spd). The fixture's L has non-zeros above the
// diagonal, which the solves must not read. Both storage orders, and x in place of b.
import assert from 'node:assert/strict';
import test from 'node:test';
import { choleskyInto, type MatrixOrder } from '../../src/core/math/cholesky';
import { inverseFromCholesky, solveLower, solveLowerTransposed } from '../../src/core/math/triangularSolve';
import { close, readFixture } from '../fixtures/math/fixtureReader';

interface Case { expr: string; args: Record<string, { value: number[] | number[][] }>; result: { value: number[] | number[][] } }
const cases = readFixture('linalg') as unknown as Case[];
function find(expr: string): Case {
  const c = cases.find((k) => k.expr === expr);
  if (!c) throw new Error(`linalg.json has no ${expr} case`);
  return c;
}
const orders: MatrixOrder[] = ['rowMajor', 'colMajor'];
/** An n × n matrix given as rows, stored in `order`. */
function stored(m: number[][], order: MatrixOrder): Float64Array {
  const n = m.length;
  return Float64Array.from({ length: n * n }, (_, p) => (order === 'rowMajor' ? m[Math.floor(p / n)][p % n] : m[p % n][Math.floor(p / n)]));
}
function assertClose(got: ArrayLike<number>, want: number[], rtol: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) assert.ok(close(got[i], want[i], rtol, 1e-15), `${what}: [${i}] ${got[i]} vs R ${want[i]}`);
}

test('solveLower agrees with R forwardsolve, reading only the lower triangle, in both orders and in place', () => {
  const vcase = find('mdivide_left_tri_low(L, v)');
  const Bcase = find('mdivide_left_tri_low(L, B)');
  const Lrows = vcase.args.L.value as number[][];
  const n = Lrows.length;
  assert.ok(Lrows[0][1] !== 0, 'the fixture should put garbage above the diagonal');
  const b = vcase.args.v.value as number[];
  const B = Bcase.args.B.value as number[][];
  const X = Bcase.result.value as number[][];
  for (const order of orders) {
    const L = stored(Lrows, order);
    const x = new Float64Array(n).fill(99);
    solveLower(x, L, b, n, order);
    assertClose(x, vcase.result.value as number[], 1e-14, `${order} v`);
    const inPlace = Float64Array.from(b);
    solveLower(inPlace, L, inPlace, n, order);
    assert.deepEqual(inPlace, x, `${order} in place`);
    for (let k = 0; k < B[0].length; k++) {
      solveLower(x, L, B.map((row) => row[k]), n, order);
      assertClose(x, X.map((row) => row[k]), 1e-14, `${order} B column ${k}`);
    }
  }
});

test('solveLowerTransposed agrees with R backsolve(t(L), b), reading only the lower triangle, in both orders and in place', () => {
  // mdivide_right_tri_low(r, L) = r L⁻¹, i.e. the transpose of the solution of Lᵀ x = rᵀ.
  const vcase = find('mdivide_right_tri_low(r, L)');
  const Bcase = find('mdivide_right_tri_low(B, L)');
  const Lrows = vcase.args.L.value as number[][];
  const n = Lrows.length;
  const b = vcase.args.r.value as number[];
  const Bt = Bcase.args.B.value as number[][]; // rows are right-hand sides
  const Xt = Bcase.result.value as number[][];
  for (const order of orders) {
    const L = stored(Lrows, order);
    const x = new Float64Array(n).fill(99);
    solveLowerTransposed(x, L, b, n, order);
    assertClose(x, vcase.result.value as number[], 1e-14, `${order} r`);
    const inPlace = Float64Array.from(b);
    solveLowerTransposed(inPlace, L, inPlace, n, order);
    assert.deepEqual(inPlace, x, `${order} in place`);
    for (let k = 0; k < Bt.length; k++) {
      solveLowerTransposed(x, L, Bt[k], n, order);
      assertClose(x, Xt[k], 1e-14, `${order} B row ${k}`);
    }
  }
});

test('inverseFromCholesky of choleskyInto(S) agrees with R solve(S) in both orders', () => {
  const c = find('inverse_spd(S)');
  const S = c.args.S.value as number[][];
  const want = c.result.value as number[][];
  const n = S.length;
  for (const order of orders) {
    const L = stored(S, order);
    assert.equal(choleskyInto(L, L, n, order), true);
    const inv = new Float64Array(n * n);
    inverseFromCholesky(inv, L, n, new Float64Array(n), order);
    assertClose(inv, Array.from(stored(want, order)), 1e-13, order);
  }
});
