// Loads the .stan programs of the test corpora (recursively), sorted by path for stable runs.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StanFile {
  name: string; // path relative to the repository root
  source: string;
}

// The repository root: the nearest folder above this file with a package.json, so the corpus is found
// whichever output folder the tests were compiled to (out/, .out-name/) or from the TypeScript source.
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);

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
