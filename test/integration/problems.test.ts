/// <reference types="mocha" />
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, positionOf, revertAndCloseAll, vigilDiagnostics, waitFor } from './support';

suite('Problems', () => {
  teardown(revertAndCloseAll);

  test('a broken model shows its error at the right place', async () => {
    const uri = fixtureUri('broken.stan');
    const { document: doc } = await openFixture('broken.stan');
    const [d, ...rest] = await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length > 0, 'diagnostics for broken.stan');
    assert.deepEqual(rest, [], 'exactly one problem');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /'sigm'/);
    const at = positionOf(doc, 'sigm)');
    assert.deepEqual([d.range.start.line, d.range.start.character], [15, 31], 'line 16, column 32 as the editor shows it');
    assert.deepEqual([d.range.start.line, d.range.start.character], [at.line, at.character]);
    assert.equal(doc.getText(d.range), 'sigm', 'the range covers the unknown identifier');
    assert.equal(d.source, 'vigil');
    assert.ok(typeof d.code === 'string' && d.code.length > 0, 'has a code');
  });

  test('fixing the text clears the entry, breaking it again brings it back', async () => {
    const uri = fixtureUri('broken.stan');
    const { document: doc } = await openFixture('broken.stan');
    await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length === 1, 'the error in broken.stan');

    const at = positionOf(doc, 'sigm)');
    const fix = new vscode.WorkspaceEdit();
    fix.replace(uri, new vscode.Range(at, at.translate(0, 4)), 'sigma');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length === 0, 'the entry to clear after the fix');

    const breakAgain = new vscode.WorkspaceEdit();
    breakAgain.replace(uri, new vscode.Range(at, at.translate(0, 5)), 'sigm');
    assert.ok(await vscode.workspace.applyEdit(breakAgain));
    await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length === 1, 'the entry to come back');
  });

  test('the deprecated `real y[N]` syntax gives a warning', async () => {
    const uri = fixtureUri('deprecated.stan');
    const { document: doc } = await openFixture('deprecated.stan');
    const ds = await waitFor(() => vigilDiagnostics(uri), (ds) => ds.length > 0, 'diagnostics for deprecated.stan');
    assert.deepEqual(
      ds.map((d) => d.severity),
      ds.map(() => vscode.DiagnosticSeverity.Warning),
      `only warnings: ${ds.map((d) => d.message).join(' | ')}`,
    );
    const line = positionOf(doc, '  real y[N];').line;
    assert.ok(
      ds.some((d) => d.range.start.line === line),
      `a warning on line ${line + 1}`,
    );
  });
});
