// Golden tests of the front end's diagnostics: test/golden/bad/NN_name.stan must produce exactly the
// transcript in NN_name.errors (regenerate with UPDATE_GOLDEN=1), and every valid program in
// test/golden/good and test/golden/published must produce no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeStan } from '../../src/core/stan/analyze';
import { formatDiagnostic } from '../../src/core/stan/diagnostic';

const root = path.resolve(__dirname, '../../..');
const badDir = path.join(root, 'test/golden/bad');
const update = process.env.UPDATE_GOLDEN === '1';

function stanFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.stan')).sort();
}

function transcript(file: string, source: string): string {
  const { diagnostics } = analyzeStan(source);
  return diagnostics.map((d) => formatDiagnostic(file, d)).join('\n') + (diagnostics.length ? '\n' : '');
}

test('there are at least 40 invalid programs', () => {
  assert.ok(stanFiles(badDir).length >= 40, `only ${stanFiles(badDir).length} programs in test/golden/bad`);
});

for (const file of stanFiles(badDir)) {
  test(`bad/${file} gives its expected diagnostics`, () => {
    const source = fs.readFileSync(path.join(badDir, file), 'utf8');
    const actual = transcript(file, source);
    const expectedPath = path.join(badDir, file.replace(/\.stan$/, '.errors'));
    if (update) fs.writeFileSync(expectedPath, actual);
    assert.ok(actual.length > 0, `${file} produced no diagnostic at all`);
    assert.ok(fs.existsSync(expectedPath), `missing ${expectedPath} (run with UPDATE_GOLDEN=1)`);
    assert.equal(actual, fs.readFileSync(expectedPath, 'utf8'));
  });
}

for (const sub of ['good', 'published']) {
  const dir = path.join(root, 'test/golden', sub);
  for (const file of stanFiles(dir)) {
    test(`${sub}/${file} checks without errors`, () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const errors = analyzeStan(source).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => formatDiagnostic(file, d)), []);
    });
  }
}
