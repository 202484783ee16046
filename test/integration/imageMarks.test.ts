/// <reference types="mocha" />
// `// @vigil image RxC` marks that cannot apply to their declaration are warnings in the Problems panel,
// on the mark at the declaration; fixing the size clears them.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, positionOf, revertAndCloseAll, vigilDiagnostics, waitFor } from './support';

suite('Image marks in Problems', () => {
  teardown(revertAndCloseAll);

  test('a mark whose size does not fit the vector, and one that is not a size, are warnings on their declarations', async () => {
    const uri = fixtureUri('image_marks.stan');
    const { document: doc } = await openFixture('image_marks.stan');
    const marks = () => vigilDiagnostics(uri).filter((d) => d.code === 'image-mark');
    const ds = await waitFor(marks, (x) => x.length === 2, 'two image-mark warnings');
    const [theta, mu] = [...ds].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(theta.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(theta.range.start.line, positionOf(doc, 'vector[10] theta;').line);
    assert.match(theta.message, /'theta' has 10 elements per image, not 8x8 = 64/);
    assert.match(doc.getText(theta.range), /^\/\/ @vigil image 8x8/);
    assert.equal(mu.range.start.line, positionOf(doc, 'real mu;').line);
    assert.match(mu.message, /rows x columns/);
    // Nothing about the mark that fits, and no other problem in the file.
    assert.equal(vigilDiagnostics(uri).length, 2, vigilDiagnostics(uri).map((d) => d.message).join('\n'));

    // A size that fits (2x5 = 10) clears the warning on theta.
    const line = theta.range.start.line;
    const col = doc.lineAt(line).text.indexOf('8x8');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(line, col, line, col + 3), '2x5');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const left = await waitFor(marks, (x) => x.length === 1, 'the warning on theta to clear');
    assert.equal(left[0].range.start.line, mu.range.start.line);
  });
});
