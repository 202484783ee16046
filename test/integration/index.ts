// extensionTestsPath entry: the extension host calls run() once the window is up (code-server
// payload or @vscode/test-electron). Runs every *.test.js next to this file with mocha (TDD UI) and,
// when VIGIL_TEST_RESULTS names a file, writes the outcome there as JSON for scripts/test.mjs.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface IntegrationResults {
  passed: number;
  failed: number;
  tests: TestOutcome[];
  vscodeVersion: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  // Sorted: activation.test.js runs first, while no Stan file has been opened yet.
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const tests: TestOutcome[] = [];
  const title = (t: Mocha.Runnable) => t.titlePath().join(' › ');
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const passed = tests.filter((t) => t.state === 'passed').length;
        const failed = tests.filter((t) => t.state === 'failed').length;
        writeResults({ passed, failed, tests, vscodeVersion: vscode.version });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (e) {
      const error = e instanceof Error ? e.stack ?? e.message : String(e);
      writeResults({ passed: 0, failed: 1, tests: [{ title: 'loading the tests', state: 'failed', durationMs: 0, error }], vscodeVersion: '' });
      reject(e);
      return;
    }
    runner.on('pass', (t) => tests.push({ title: title(t), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: Error) => tests.push({ title: title(t), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) }));
    runner.on('pending', (t) => tests.push({ title: title(t), state: 'pending', durationMs: 0 }));
  });
}

function writeResults(results: IntegrationResults): void {
  const file = process.env.VIGIL_TEST_RESULTS;
  if (!file) return;
  // Write then rename, so the harness never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
