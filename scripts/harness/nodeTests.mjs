// Runs test files with node's built-in runner: the spec reporter to the console for people, TAP to a
// file for the counts.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';

// Every `*.test.js` under `dir`, sorted; [] when the folder does not exist.
export function findTests(dir) {
  let names;
  try {
    names = readdirSync(dir, { recursive: true });
  } catch {
    return [];
  }
  return names.filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
}

// Counts from the summary comments node's TAP reporter ends with (`# pass 12`, `# fail 0`, ...).
export function tapCounts(tap) {
  const n = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}

export async function runNodeTests({ name, files, logDir, env, timeoutMs }) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  mkdirSync(logDir, { recursive: true });
  const tapFile = path.join(logDir, `${name}.tap`);
  const args = [
    '--test',
    // A test that hangs (a worker that never answers) fails on its own instead of stalling the suite.
    '--test-timeout=300000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ];
  const r = await run(process.execPath, args, { env, timeoutMs });
  let counts;
  try {
    counts = tapCounts(readFileSync(tapFile, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 0, skipped: 0 };
  }
  // A runner that died or timed out without reporting a failure still failed.
  if ((r.code !== 0 || r.timedOut) && counts.failed === 0) {
    counts.failed = 1;
    counts.note = r.timedOut ? `timed out after ${timeoutMs / 1000} s` : `node --test exited with ${r.code}`;
  }
  return counts;
}
