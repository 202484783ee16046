// Values of the container functions (reductions, construction and slicing, sorting, linear algebra,
// softmax, GP covariances) against R: each case of test/fixtures/math/linalg.json (made by
// make_linalg.R) is compiled as a program whose data are the arguments and whose generated quantity is
// the expression. Gradients of the same functions: libraryGradients.test.ts.
import assert from 'node:assert/strict';
import test from 'node:test';
import { compileModel } from '../../src/core/codegen/loadModel';
import { Rng } from '../../src/core/infer/rng';
import { readFixture } from '../fixtures/math/fixtureReader';

interface Typed {
  type: string;
  value: unknown;
}
interface Case {
  expr: string;
  args: Record<string, Typed>;
  result: Typed;
}

const cases = readFixture('linalg') as unknown as Case[];

function flatten(x: unknown): number[] {
  return Array.isArray(x) ? x.flatMap(flatten) : [x as number];
}

// 1e-10 relative per element; entries that are small by cancellation (inverse, solves, products)
// carry rounding relative to the largest entry of the result, so 1e-13 of it is allowed absolutely.
function compare(label: string, got: unknown, want: unknown): void {
  const g = flatten(got), w = flatten(want);
  assert.equal(g.length, w.length, `${label}: ${g.length} elements, R has ${w.length}`);
  const scale = Math.max(...w.map(Math.abs));
  w.forEach((wi, i) => {
    assert.ok(Math.abs(g[i] - wi) <= 1e-10 * Math.abs(wi) + 1e-13 * scale, `${label}: element ${i + 1} is ${g[i]}, R gives ${wi}`);
  });
}

test('the fixture covers the functions it is meant to', () => {
  assert.ok(cases.length > 100);
  for (const f of ['inverse', 'inverse_spd', 'log_determinant', 'determinant', 'mdivide_left', 'mdivide_right', 'cholesky_decompose', 'softmax', 'log_softmax', 'quad_form', 'trace_quad_form', 'crossprod', 'tcrossprod', 'columns_dot_product', 'rows_dot_product', 'cumulative_sum', 'sort_indices_asc', 'rank', 'gp_exp_quad_cov', 'variance', 'sd', 'log_sum_exp']) {
    assert.ok(cases.some((c) => c.expr.startsWith(`${f}(`)), f);
  }
});

for (const c of cases) {
  test(`${c.expr} with ${Object.values(c.args).map((a) => a.type).join(', ')} agrees with R`, () => {
    const decls = Object.entries(c.args).map(([name, a]) => `${a.type} ${name};`).join(' ');
    const src = `data { ${decls} }\ngenerated quantities { ${c.result.type} out = ${c.expr}; }`;
    const data = Object.fromEntries(Object.entries(c.args).map(([name, a]) => [name, a.value]));
    const r = compileModel(src, data);
    if (!r.ok) assert.fail(`${src}\n${r.diagnostics.map((d) => d.message).join('; ')}`);
    const out = r.model.generatedQuantities(new Float64Array(0), new Rng(1)).out;
    compare(c.expr, out, c.result.value);
  });
}

test('inverse_spd rejects a positive semidefinite matrix as Stan does (a zero LDLT pivot is not positive definite)', () => {
  const src = 'data { matrix[2, 2] S; }\ngenerated quantities { matrix[2, 2] out = inverse_spd(S); }';
  for (const S of [[[1, 1], [1, 1]], [[4, 2], [2, 1]]]) {
    const r = compileModel(src, { S });
    if (!r.ok) assert.fail(r.diagnostics.map((d) => d.message).join('; '));
    assert.throws(() => r.model.generatedQuantities(new Float64Array(0), new Rng(1)), /inverse_spd: the matrix is not positive definite/);
  }
});
