// Running `vigil` as a user does: bin/vigil.js loading the bundled dist/cli.js, in a child process. The
// bundle is rebuilt first when it is missing or older than the sources, as `npm run build` does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
export const bin = path.join(root, 'bin/vigil.js');
const bundle = path.join(root, 'dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuiltCli(args: string[], cwd = root, entry = bin, input = ''): CliRun {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', timeout: 30_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureCliBuilt(): void {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'))) return;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `build failed:\n${r.stderr}`);
}
