/// <reference types="mocha" />
// Cancel in the real VS Code: a running comparison stops when asked; a model that ignores cancel (an
// endless loop in its model block) has its worker terminated within a second, and Vigil stays usable.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, withSettings } from './support';

interface RunSummary { outcome: string; message: string }

suite('Fit cancel', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Cancel Fit stops a running comparison', async function () {
    this.timeout(60_000);
    const uri = fixtureUri('eight_schools_centered.stan');
    // A reference long enough to be still running when cancelled (a warm worker compares in a second).
    const { r, took } = await withSettings('vigil.reference', { draws: 50_000 }, async () => {
      const running = vscode.commands.executeCommand('vigil.compareWithReference', uri, { method: 'meanfield', reference: 'nuts' }) as Thenable<RunSummary>;
      await new Promise((res) => setTimeout(res, 800));
      const asked = Date.now();
      const n = await vscode.commands.executeCommand<number>('vigil.cancelFit', uri);
      assert.equal(n, 1, 'one run to cancel');
      const stopped = await running;
      return { r: stopped, took: Date.now() - asked };
    });
    assert.ok(r.outcome === 'cancelled' || r.outcome === 'terminated', `${r.outcome}: ${r.message}`);
    assert.ok(took < 1000, `stopped ${took} ms after the request`);
  });

  test('a runaway model is terminated with its worker within a second, then fits work again', async function () {
    this.timeout(60_000);
    const running = vscode.commands.executeCommand('vigil.fitVariationalPosterior', fixtureUri('runaway.stan'), { method: 'meanfield' }) as Thenable<RunSummary>;
    await new Promise((r) => setTimeout(r, 1500));
    const asked = Date.now();
    assert.equal(await vscode.commands.executeCommand<number>('vigil.cancelFit', fixtureUri('runaway.stan')), 1);
    const r = await running;
    const took = Date.now() - asked;
    assert.equal(r.outcome, 'terminated', r.message);
    assert.match(r.message, /terminated/);
    assert.ok(took < 1000, `terminated ${took} ms after the request`);
    const again = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', fixtureUri('normal_mean.stan'), { method: 'meanfield' })) as RunSummary;
    assert.equal(again.outcome, 'result', again.message);
  });
});
