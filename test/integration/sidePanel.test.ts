/// <reference types="mocha" />
// The Vigil side panel (view vigil.models) in the real VS Code: it lists the workspace's models; after
// "Compare with Reference" (run from the model's tree item, as its context menu does) it shows the run,
// the parameters with their status and warnings; a warning's item reveals its declaration; the run's item
// opens the panel.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { fixtureUri, pollAsync, positionOf } from './support';

interface Snap {
  node: { kind: string; modelUri: vscode.Uri; record?: { when: string; kind: string } };
  kind: string;
  label: string;
  description: string;
  icon: string | null;
  contextValue: string;
  command: { command: string; arguments: unknown[] } | null;
  children: Snap[];
}
interface Rendered { charts: string[]; warnings: number }

const tree = () => vscode.commands.executeCommand<Snap[]>('vigil.internal.modelTree');

suite('Side panel', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('the Vigil view lists the workspace models', async () => {
    await vscode.commands.executeCommand('vigil.models.focus');
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const expected = fs.readdirSync(folder).filter((f) => f.endsWith('.stan')).sort();
    assert.ok(expected.includes('eight_schools_centered.stan'));
    const models = await pollAsync(tree, (t) => expected.every((f) => t.some((m) => m.label === f)), 'every fixture model in the tree');
    for (const m of models) {
      assert.equal(m.kind, 'model');
      assert.equal(m.contextValue, 'vigil.model');
      assert.equal(m.command?.command, 'vscode.open');
    }
    assert.deepEqual(models.map((m) => m.label).filter((l) => expected.includes(l)), expected, 'sorted by path');
  });

  test('after Compare with Reference from the tree: the run, its parameters and warnings; a warning reveals its declaration', async function () {
    this.timeout(180_000);
    const uri = fixtureUri('eight_schools_centered.stan');
    const before = Date.now();
    const model = (await tree()).find((m) => m.label === 'eight_schools_centered.stan');
    assert.ok(model);
    // The context menu passes the tree element itself.
    const r = (await vscode.commands.executeCommand('vigil.compareWithReference', model.node, { method: 'meanfield', reference: 'nuts' })) as { outcome: string; message: string };
    assert.equal(r.outcome, 'result', r.message);

    const runOf = (t: Snap[]) => t.find((m) => m.label === 'eight_schools_centered.stan')?.children[0];
    const fresh = await pollAsync(tree, (t) => { const run = runOf(t); return !!run?.node.record && Date.parse(run.node.record.when) >= before - 1000; }, 'the tree to show the new run');
    const run = runOf(fresh)!;
    assert.equal(run.kind, 'run');
    assert.equal(run.label, 'meanfield vs NUTS');
    assert.match(run.description, /^ok · \d+ warnings? · just now$/);
    assert.equal(run.contextValue, 'vigil.run');
    assert.equal(run.command?.command, 'vigil.showDiagnostics');
    assert.equal(String(run.command?.arguments[0]), uri.toString());

    const params = run.children.filter((c) => c.kind === 'parameter');
    assert.deepEqual(params.slice(0, 3).map((p) => p.label), ['mu', 'tau', 'theta']);
    const tau = params.find((p) => p.label === 'tau')!;
    assert.ok(tau.icon === 'warning' || tau.icon === 'error', `tau icon ${tau.icon}`);
    assert.ok(tau.children.length > 0 && tau.children.every((w) => w.kind === 'warning'));
    const sd = tau.children.find((w) => w.description === 'sd-ratio-low');
    assert.ok(sd, tau.children.map((w) => `${w.description}: ${w.label}`).join('\n'));
    assert.match(sd.label, /tau/);

    // Selecting the warning runs its command: the declaration of tau is selected in the editor.
    assert.equal(sd.command?.command, 'vigil.models.reveal');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(sd.command!.command, ...sd.command!.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), uri.toString());
    const decl = positionOf(editor.document, 'real<lower=0> tau;');
    assert.equal(editor.selection.start.line, decl.line);
    assert.match(editor.document.getText(editor.selection), /tau/);

    // A parameter without warnings reveals its own declaration too.
    const mu = params.find((p) => p.label === 'mu')!;
    await vscode.commands.executeCommand(mu.command!.command, ...mu.command!.arguments);
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, positionOf(editor.document, 'real mu;').line);

    // The run's item opens the diagnostics panel, which draws the comparison.
    await vscode.commands.executeCommand(run.command!.command, ...run.command!.arguments);
    const drawn = await pollAsync(() => vscode.commands.executeCommand<Rendered | null>('vigil.internal.panelRendered', uri), (s) => !!s && s.warnings > 0, 'the panel to draw the run');
    assert.ok(drawn!.charts.includes('warnings'));
  });
});
