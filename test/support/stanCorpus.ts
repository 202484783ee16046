// Loads the .stan programs of the test corpora (recursively), sorted by path for stable runs.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StanFile {
  name: string; // path relative to the repository root
  source: string;
}

// The repository root, from a compiled test at out/test/<dir>/x.js or from the TypeScript source.
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.stan')) out.push(full);
  }
}

export function loadStanCorpus(...relativeDirs: string[]): StanFile[] {
  const files: string[] = [];
  for (const dir of relativeDirs) walk(path.join(repoRoot, dir), files);
  files.sort();
  return files.map((f) => ({ name: path.relative(repoRoot, f), source: fs.readFileSync(f, 'utf8') }));
}
