/// <reference types="mocha" />
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, vigilDiagnostics, waitFor } from './support';

suite('Settings and document lifetime', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('vigil.check.deprecationWarnings = false hides the deprecation warning, true brings it back', async () => {
    const uri = fixtureUri('deprecated.stan');
    await openFixture('deprecated.stan');
    await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length === 1, 'the deprecation warning');
    const config = vscode.workspace.getConfiguration('vigil.check');
    try {
      await config.update('deprecationWarnings', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length === 0, 'the warning to go');
    } finally {
      await config.update('deprecationWarnings', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length === 1, 'the warning to come back');
  });

  test('an untitled Stan document is checked, and closing it clears its entries', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'stan', content: 'parameters {\n  real mu;\n}\nmodel {\n  mu ~ normal(0, sd);\n}\n' });
    await vscode.window.showTextDocument(doc);
    const [d] = await waitFor(() => vigilDiagnostics(doc.uri), (ds) => ds.length > 0, 'diagnostics for the untitled document');
    assert.equal(d.range.start.line, 4);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => vigilDiagnostics(doc.uri), (ds) => ds.length === 0, 'the entries to clear on close');
  });
});
