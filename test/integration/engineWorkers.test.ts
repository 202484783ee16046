/// <reference types="mocha" />
// The engine's threads in the extension host: a run leaves its worker idle with the NUTS chain workers
// it pools (as many as there are cores, at most 4), the next run reuses them, and the extension's deactivate() closes the pool and the worker.
// Threads are counted as the OS sees them (/proc/self/task: one per worker_threads Worker).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixtureUri, vigil } from './support';

interface RunSummary { outcome: string; message: string }

const threads = () => fs.readdirSync('/proc/self/task').length;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function compare(): Promise<number> {
  const t0 = performance.now();
  const r = (await vscode.commands.executeCommand('vigil.compareWithReference', fixtureUri('eight_schools_centered.stan'), { method: 'meanfield', reference: 'nuts' })) as RunSummary;
  assert.equal(r.outcome, 'result', r.message);
  return (performance.now() - t0) / 1000;
}

suite('Engine workers', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('a NUTS comparison leaves a warm worker and its chain workers; deactivate() closes them; fits still work', async function () {
    if (process.platform !== 'linux') this.skip();
    this.timeout(180_000);
    // The module VS Code loaded the extension from (the same instance: Node's module cache).
    const main = require(path.join(vigil().extensionPath, vigil().packageJSON.main)) as { deactivate(): Promise<void> | undefined };
    await main.deactivate(); // whatever the tests before left idle
    await pause(300);
    const before = threads();

    const first = await compare();
    await pause(300);
    const warm = threads();
    // The pool keeps as many chain workers as the machine has cores, at most the 4 chains.
    const kept = 1 + Math.min(4, os.availableParallelism());
    assert.ok(warm - before >= kept, `threads ${before} before, ${warm} after: expected the engine worker and ${kept - 1} chain workers to stay`);
    const second = await compare();
    await pause(300);
    const again = threads();
    assert.ok(again <= warm + 1, `the second run started new threads: ${warm} → ${again}`);
    console.log(`      threads ${before} → ${warm} (warm) → ${again}; comparison ${first.toFixed(1)} s cold, ${second.toFixed(1)} s warm`);

    await main.deactivate();
    await pause(300);
    const after = threads();
    assert.ok(after <= before + 1, `threads ${before} before, ${warm} warm, ${after} after deactivate()`);

    const r = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', fixtureUri('normal_mean.stan'), { method: 'meanfield' })) as RunSummary;
    assert.equal(r.outcome, 'result', r.message);
  });
});
