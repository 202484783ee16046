/// <reference types="mocha" />
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { openFixture } from './support';

interface CheckSummary {
  errors: number;
  warnings: number;
}

suite('Check Model command', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('is registered', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('vigil.checkModel'));
  });

  test('counts the errors of the active Stan file', async () => {
    await openFixture('broken.stan');
    const r = await vscode.commands.executeCommand<CheckSummary>('vigil.checkModel');
    assert.deepEqual({ errors: r?.errors, warnings: r?.warnings }, { errors: 1, warnings: 0 });
  });

  test('counts the warnings of the active Stan file', async () => {
    await openFixture('deprecated.stan');
    const r = await vscode.commands.executeCommand<CheckSummary>('vigil.checkModel');
    assert.deepEqual({ errors: r?.errors, warnings: r?.warnings }, { errors: 0, warnings: 1 });
  });
});
