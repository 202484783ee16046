import { test } from 'node:test';
import assert from 'node:assert/strict';
import { univariateFamilies } from '../../src/core/math/registry';
import { readFixture, rowsOf, close } from '../fixtures/math/fixtureReader';

const fx = readFixture('distributions') as Record<string, Record<string, unknown>>;

/** cdfs built on the incomplete beta/gamma functions (and von_mises, whose R reference is a numerical integral) are held to 1e-9; everything else to 1e-12. */
const looseCdf = new Set(['student_t', 'gamma', 'inv_gamma', 'chi_square', 'inv_chi_square', 'scaled_inv_chi_square', 'beta', 'beta_proportion', 'poisson', 'binomial', 'neg_binomial', 'neg_binomial_2', 'beta_binomial', 'von_mises']);

test('every registered univariate family has R fixtures, and every fixture a family', () => {
  assert.deepEqual([...univariateFamilies.keys()].sort(), Object.keys(fx).sort());
});

for (const [name, tables] of Object.entries(fx)) {
  test(`${name}: lpdf/lcdf/lccdf match R`, () => {
    const fam = univariateFamilies.get(name);
    assert.ok(fam, name);
    const bad: string[] = [];
    for (const [kind, table] of Object.entries(tables)) {
      const rows = rowsOf(table);
      assert.ok(rows.length > 0);
      const rtol = kind === 'lpdf' ? 1e-12 : looseCdf.has(name) ? 1e-9 : 1e-12;
      for (const row of rows) {
        const a = row.slice(0, -1);
        const want = row[row.length - 1];
        let got: number;
        if (kind === 'lpdf') got = fam.logDensity(0, a[0], a[1], a[2], a[3]);
        else if (kind === 'lcdf') got = fam.lcdf!(a[0], a[1], a[2], a[3]);
        else got = fam.lccdf!(a[0], a[1], a[2], a[3]);
        // atol: values that cross zero, and log cdfs near 0 where R's own rounding dominates
        if (!close(got, want, rtol, kind === 'lpdf' ? 1e-13 : rtol * 1e-3)) bad.push(`${name}_${kind}(${a.join(', ')}) = ${got}, R: ${want}`);
      }
    }
    assert.deepEqual(bad, []);
  });
}
