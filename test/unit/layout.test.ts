// The engine (src/core) must run in plain Node: it never imports 'vscode' nor touches the DOM, and it
// never reaches into the extension host, the CLI or the webview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('src/core imports neither vscode nor anything outside src/core, and uses no DOM', () => {
  const core = path.join(root, 'src', 'core');
  const files = sourceFiles(core);
  assert.ok(files.length > 10, 'src/core has source files');
  const problems: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (spec === 'vscode') problems.push(`${path.relative(root, f)} imports vscode`);
      if (spec.startsWith('.') && !path.resolve(path.dirname(f), spec).startsWith(core)) {
        problems.push(`${path.relative(root, f)} imports ${spec} from outside src/core`);
      }
    }
    if (/\b(?:document|window)\.\w/.test(text.replace(/\/\/.*$/gm, ''))) problems.push(`${path.relative(root, f)} uses the DOM`);
  }
  assert.deepEqual(problems, []);
});
