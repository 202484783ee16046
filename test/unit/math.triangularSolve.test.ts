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

type Solve = (x: Float64Array, L: ArrayLike<number>, b: ArrayLike<number>, n: number, order: MatrixOrder) => void;

/** Each right-hand side b[k] solved with L (given as rows) in both orders, against R's want[k]; the first again in place. */
function checkSolve(solve: Solve, Lrows: number[][], b: number[][], want: number[][]): void {
  const n = Lrows.length;
  assert.ok(Lrows[0][1] !== 0, 'the fixture should put garbage above the diagonal');
  for (const order of orders) {
    const L = stored(Lrows, order);
    const x = new Float64Array(n);
    for (let k = 0; k < b.length; k++) {
      x.fill(99);
      solve(x, L, b[k], n, order);
      assertClose(x, want[k], 1e-14, `${order} right-hand side ${k}`);
    }
    const inPlace = Float64Array.from(b[0]);
    solve(inPlace, L, inPlace, n, order);
    solve(x, L, b[0], n, order);
    assert.deepEqual(inPlace, x, `${order} in place`);
  }
}
const columns = (m: number[][]) => m[0].map((_, k) => m.map((row) => row[k]));

test('solveLower agrees with R forwardsolve, reading only the lower triangle, in both orders and in place', () => {
  const v = find('mdivide_left_tri_low(L, v)');
  const B = find('mdivide_left_tri_low(L, B)');
  checkSolve(solveLower, v.args.L.value as number[][],
    [v.args.v.value as number[], ...columns(B.args.B.value as number[][])],
    [v.result.value as number[], ...columns(B.result.value as number[][])]);
});

test('solveLowerTransposed agrees with R backsolve(t(L), b), reading only the lower triangle, in both orders and in place', () => {
  // mdivide_right_tri_low(r, L) = r L⁻¹: its transpose solves Lᵀ x = rᵀ, one row of B at a time.
  const r = find('mdivide_right_tri_low(r, L)');
  const B = find('mdivide_right_tri_low(B, L)');
  checkSolve(solveLowerTransposed, r.args.L.value as number[][],
    [r.args.r.value as number[], ...(B.args.B.value as number[][])],
    [r.result.value as number[], ...(B.result.value as number[][])]);
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
