// Realistic published-style Stan programs (test/golden/published) must check without errors:
// the "no false errors" requirement. Warnings are allowed and printed for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStan } from '../../src/core/stan/analyze';
import { formatDiagnostic } from '../../src/core/stan/diagnostic';
import { loadStanCorpus } from '../support/stanCorpus';
import { spanProblems } from '../support/spanProblems';

const programs = loadStanCorpus('test/golden/published');

test('the published corpus has at least 20 programs', () => {
  assert.ok(programs.length >= 20, `found ${programs.length}`);
});

for (const { name, source } of programs) {
  test(`${name} checks without errors`, () => {
    const { program, diagnostics } = analyzeStan(source);
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    for (const w of warnings) console.log(formatDiagnostic(name, w));
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(name, d));
    assert.deepEqual(errors, []);
    assert.ok(program, 'no program returned');
    assert.deepEqual(spanProblems(source, diagnostics), []);
  });
}
