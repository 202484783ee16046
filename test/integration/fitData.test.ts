/// <reference types="mocha" />
// Data files in the real VS Code: model.json found when model.data.json is missing, data errors in
// the Problems panel on the data file at the reported position and in a message naming the variable,
// and "Select Data File" remembered for the model.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixtureUri, waitFor } from './support';

interface RunSummary { outcome: string; message: string; errors?: { source: string; message: string }[] }

suite('Fit data files', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('bad_data.stan finds bad_data.json; its error lands on the data file and names the variable', async function () {
    this.timeout(60_000);
    const model = fixtureUri('bad_data.stan');
    const data = fixtureUri('bad_data.json');
    const r = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', model, { method: 'meanfield' })) as RunSummary;
    assert.equal(r.outcome, 'error', r.message);
    assert.match(r.message, /'y'/, 'the message names the variable');
    assert.match(r.message, /bad_data\.json:3/, 'and where it is');
    const ds = await waitFor(() => vscode.languages.getDiagnostics(data).filter((d) => d.source === 'vigil-data'), (x) => x.length > 0, 'the data error in Problems');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message, /'y'/);
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
    // "y": [1.5, 2.5] is on line 3 (0-based 2); the entry covers the array.
    assert.deepEqual([ds[0].range.start.line, ds[0].range.start.character], [2, 7]);
  });

  test('Select Data File is remembered for the model and used by the next fit', async function () {
    this.timeout(60_000);
    const model = fixtureUri('bad_data.stan');
    const good = path.join(os.tmpdir(), `vigil-good-data-${process.pid}.json`);
    fs.writeFileSync(good, JSON.stringify({ N: 3, y: [1.5, 2.5, 3.5] }));
    try {
      const chosen = await vscode.commands.executeCommand('vigil.selectDataFile', model, vscode.Uri.file(good));
      assert.equal(chosen, vscode.Uri.file(good).toString());
      const r = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', model, { method: 'meanfield' })) as RunSummary;
      assert.equal(r.outcome, 'result', r.message);
    } finally {
      // Back to the file beside the model, for the other tests.
      await vscode.commands.executeCommand('vigil.selectDataFile', model, fixtureUri('bad_data.json'));
      fs.rmSync(good, { force: true });
    }
  });
});
