/// <reference types="mocha" />
// Runs first (files are sorted): nothing has opened a Stan file yet.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { openFixture, vigil, waitFor } from './support';

suite('Activation', () => {
  test('is not active before a Stan file opens', () => {
    assert.equal(vscode.workspace.textDocuments.some((d) => d.languageId === 'stan'), false, 'a Stan document is already open');
    assert.equal(vigil().isActive, false);
  });

  test('activates when a .stan file opens', async () => {
    const editor = await openFixture('deprecated.stan');
    assert.equal(editor.document.languageId, 'stan');
    await waitFor(() => vigil().isActive, (a) => a, 'the extension to activate');
  });

  test('activates in under 100 ms (loading its code + activate())', () => {
    const t = vigil().exports;
    assert.equal(typeof t.activationTimeMs, 'number');
    assert.ok(t.codeLoadingMs >= 0 && t.activateCallMs >= 0, JSON.stringify(t));
    assert.ok(t.activationTimeMs < 100, `activation took ${t.activationTimeMs} ms`);
    console.log(`      activation: ${t.activationTimeMs.toFixed(1)} ms (loading ${t.codeLoadingMs.toFixed(1)}, activate() ${t.activateCallMs.toFixed(1)})`);
  });
});
