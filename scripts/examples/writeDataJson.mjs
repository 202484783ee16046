// Writes CmdStan JSON with one line per scalar or per innermost array, so data files stay readable and
// their diffs small.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Where data files go: examples/, or VIGIL_EXAMPLES_OUT (the tests regenerate into a temporary folder
// and compare byte for byte with the committed files).
export function examplePath(fileName) {
  return path.join(process.env.VIGIL_EXAMPLES_OUT ?? path.join(repoRoot, 'examples'), fileName);
}

function formatValue(v, indent) {
  if (!Array.isArray(v)) return JSON.stringify(v);
  if (v.length === 0 || !Array.isArray(v[0])) {
    // Innermost arrays: at most 16 numbers a line.
    const lines = [];
    for (let i = 0; i < v.length; i += 16) lines.push(v.slice(i, i + 16).map((x) => JSON.stringify(x)).join(', '));
    if (lines.length <= 1) return `[${lines.join('')}]`;
    const pad = ' '.repeat(indent + 2);
    return `[\n${lines.map((l) => pad + l).join(',\n')}\n${' '.repeat(indent)}]`;
  }
  const pad = ' '.repeat(indent + 2);
  return `[\n${v.map((x) => pad + formatValue(x, indent + 2)).join(',\n')}\n${' '.repeat(indent)}]`;
}

export function writeDataJson(file, data) {
  const body = Object.entries(data).map(([k, v]) => `  ${JSON.stringify(k)}: ${formatValue(v, 2)}`);
  writeFileSync(file, `{\n${body.join(',\n')}\n}\n`);
}
