/// <reference types="mocha" />
// A stored result goes stale when the model or a setting changes, and is current again when the change
// is undone: the code lenses, the side panel's run and the diagnostics panel all say so. (Reopening
// after a reload is tested on the workbench: test/e2e/persistence.test.ts.)
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, pollAsync, revertAndCloseAll } from './support';

interface Rendered { charts: string[]; stale: boolean }
interface Snap { label: string; description: string; kind: string; children: Snap[] }

suite('Stored runs', () => {
  teardown(revertAndCloseAll);

  test('lenses, tree and panel mark the result stale after an edit or a settings change, current again after undoing it', async function () {
    this.timeout(90_000);
    const uri = fixtureUri('normal_mean.stan');
    await openFixture('normal_mean.stan');
    const r = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', uri, { method: 'meanfield' })) as { outcome: string; message: string };
    assert.equal(r.outcome, 'result', r.message);

    const lens = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).map((l) => l.command?.title ?? '').find((t) => /^VI /.test(t)) ?? '';
    const run = async () => (await vscode.commands.executeCommand<Snap[]>('vigil.internal.modelTree')).find((m) => m.label === 'normal_mean.stan')?.children[0]?.description ?? '';
    const panel = () => vscode.commands.executeCommand<Rendered | null>('vigil.internal.panelRendered', uri);
    const expect = async (stale: boolean, what: string) => {
      await pollAsync(lens, (t) => t !== '' && t.endsWith('· stale') === stale, `the lens ${what}`);
      await pollAsync(run, (d) => d.startsWith(stale ? 'stale' : 'ok'), `the tree's run ${what}`);
      await pollAsync(panel, (s) => !!s && s.charts.includes('densities') && s.stale === stale, `the panel ${what}`);
    };
    await expect(false, 'current after the fit');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '// edited\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expect(true, 'stale after an edit');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await expect(false, 'current again after the edit is undone');

    const config = vscode.workspace.getConfiguration('vigil.fit');
    try {
      await config.update('draws', 500, vscode.ConfigurationTarget.Global);
      await expect(true, 'stale after a settings change');
    } finally {
      await config.update('draws', undefined, vscode.ConfigurationTarget.Global);
    }
    await expect(false, 'current again with the setting back');
  });
});
