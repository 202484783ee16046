// Golden tests of the parser: each test/golden/good/NN_name.stan parses without errors, and its printed
// AST (followed by any warnings, as `; line:col: warning: message`) equals NN_name.ast.
// Rewrite the goldens with UPDATE_GOLDEN=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseProgram } from '../../src/core/stan/parser';
import { printAst } from '../../src/core/stan/printAst';

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, 'test/golden/good');
const update = process.env.UPDATE_GOLDEN === '1';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.stan'))
  .sort();

function render(source: string): { text: string; errors: string[] } {
  const { program, diagnostics } = parseProgram(source);
  const lines = diagnostics.map((d) => `; ${d.span.start.line}:${d.span.start.col}: ${d.severity}: ${d.message}`);
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.start.line}:${d.span.start.col}: ${d.message}`);
  return { text: printAst(program) + lines.map((l) => l + '\n').join(''), errors };
}

test('there are at least 60 valid golden programs', () => {
  assert.ok(files.length >= 60, `only ${files.length} programs in ${dir}`);
});

for (const file of files) {
  test(`golden AST: ${file}`, () => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const { text, errors } = render(source);
    assert.deepEqual(errors, [], `${file} should parse without errors`);
    const goldenPath = path.join(dir, file.replace(/\.stan$/, '.ast'));
    if (update || !existsSync(goldenPath)) {
      if (!update) assert.fail(`missing golden ${goldenPath}; run with UPDATE_GOLDEN=1`);
      writeFileSync(goldenPath, text);
      return;
    }
    assert.equal(text, readFileSync(goldenPath, 'utf8'));
  });
}

test('printing is deterministic and does not depend on layout', () => {
  const source = readFileSync(path.join(dir, files[0]), 'utf8');
  const squashed = source.replace(/\s+/g, ' ');
  // Same tree except for the @line:col of declarations.
  const strip = (s: string): string => s.replace(/@\d+:\d+ /g, '');
  assert.equal(strip(printAst(parseProgram(squashed).program)), strip(printAst(parseProgram(source).program)));
});
