// The folder of Vigil's own package.json, found from wherever this code runs: dist/cli.js (bundled,
// also inside an installed VSIX or npm package) or out/src/cli/*.js (compiled tests).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | null | undefined;

export function packageRoot(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'vigil') {
          cached = dir;
          break;
        }
      } catch {
        // Not ours or unreadable: keep looking upwards.
      }
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}

export function packageVersion(): string {
  const root = packageRoot();
  if (root === null) return 'unknown';
  try {
    return String(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}
