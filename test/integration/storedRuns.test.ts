/// <reference types="mocha" />
// A stored result goes stale when the model or a setting changes, and is current again when the change
// is undone: the code lenses, the side panel's run and the diagnostics panel all say so. (Reopening
// after a reload is tested on the workbench: test/e2e/persistence.test.ts.)
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Runs } from '../../src/host/runs';
import { fixtureUri, openFixture, pollAsync, revertAndCloseAll, withSettings } from './support';

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

    await withSettings('vigil.fit', { draws: 500 }, () => expect(true, 'stale after a settings change'));
    await expect(false, 'current again with the setting back');
  });

  test('a record kept by an earlier version (no panel file beside it) counts as no run', async () => {
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-runs-'));
    const model = fixtureUri('normal_mean.stan');
    const record = { model: model.toString(), kind: 'fit', when: new Date().toISOString(), hash: 'h', result: { method: 'meanfield' } };
    try {
      // Where Runs keeps the model's fit record: the only .json it writes without a part suffix.
      const probe = new Runs(vscode.Uri.file(storage));
      const stored = { result: new TextEncoder().encode('{}'), panel: new TextEncoder().encode('{"kind":"fit"}'), full: new TextEncoder().encode('{}') };
      await probe.save(model, 'fit', 'h', record.result as never, {} as never, stored as never);
      const dir = path.join(storage, 'runs');
      const recordFile = fs.readdirSync(dir).find((f) => f.endsWith('.fit.json'))!;
      const panelFile = fs.readdirSync(dir).find((f) => f.endsWith('.fit.panel.json'))!;
      assert.ok(recordFile && panelFile, fs.readdirSync(dir).join(', '));

      fs.rmSync(path.join(dir, panelFile));
      assert.equal(await new Runs(vscode.Uri.file(storage)).latest(model), undefined, 'the old record without its panel');

      fs.writeFileSync(path.join(dir, panelFile), '{"kind":"fit"}');
      const reread = await new Runs(vscode.Uri.file(storage)).latest(model);
      assert.equal(reread?.kind, 'fit', 'the record with its panel is read back');
      assert.equal(reread?.hash, 'h');
    } finally {
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});
