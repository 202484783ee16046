/// <reference types="mocha" />
// The fit commands in the real VS Code, through the real worker (dist/worker.js): registered, a fit
// produces a result, the panel's handshake and charts, code lenses, Problems entries for the comparison's
// warnings, export.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, pollAsync, positionOf, revertAndCloseAll, waitFor } from './support';

interface RunSummary {
  outcome: string;
  message: string;
  result?: { schema: string; method?: string; summary?: Record<string, { mean: number; sd: number }>; approximation?: { method: string }; warnings?: { parameter: string | null; kind: string }[] };
  errors?: { source: string; message: string }[];
}
interface Rendered { charts: string[]; densities: number; warnings: number; elboPoints: number }

export const fitCommandIds = [
  'vigil.fitVariationalPosterior', 'vigil.computeReferencePosterior', 'vigil.compareWithReference', 'vigil.showDiagnostics',
  'vigil.cancelFit', 'vigil.exportReport', 'vigil.selectDataFile',
];

suite('Fit commands', () => {
  teardown(revertAndCloseAll);

  test('every Vigil command is registered', async () => {
    await openFixture('normal_mean.stan');
    const all = await vscode.commands.getCommands(true);
    const missing = await waitFor(() => fitCommandIds.filter((c) => !all.includes(c)), (m) => m.length === 0, 'the fit commands').catch(() => fitCommandIds.filter((c) => !all.includes(c)));
    assert.deepEqual(missing, []);
  });

  test('Fit Variational Posterior runs normal_mean in the worker and lands on the exact posterior', async function () {
    this.timeout(60_000);
    const uri = fixtureUri('normal_mean.stan');
    await openFixture('normal_mean.stan');
    const r = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', uri, { method: 'meanfield' })) as RunSummary;
    assert.equal(r.outcome, 'result', r.message);
    assert.equal(r.result?.method, 'meanfield');
    // Exact posterior N(sum(x)/(N+1), 1/sqrt(N+1)) for this data; sd 1/sqrt(101) ≈ 0.0995.
    const w = r.result?.summary?.w;
    assert.ok(w && Math.abs(w.sd - 0.0995) < 0.02, `sd of w ${w?.sd}`);

    // The panel opened, did the ready handshake and drew the ELBO trace and the density.
    const drawn = await pollAsync(() => vscode.commands.executeCommand<Rendered | null>('vigil.internal.panelRendered', uri), (s) => !!s && s.charts.includes('densities') && s.elboPoints > 0, 'the panel to draw the result');
    assert.ok(drawn!.charts.includes('elbo'), JSON.stringify(drawn));
    assert.equal(drawn!.densities, 1);

    // Lenses: the commands above the program, the result above `real w;`.
    const lenses = await pollAsync(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri),
      (ls) => ls.some((l) => /^VI /.test(l.command?.title ?? '')), 'the parameter lens',
    );
    const titles = lenses.map((l) => l.command?.title ?? '');
    for (const t of ['Fit Variational Posterior', 'Compare with Reference', 'Show Diagnostics']) assert.ok(titles.includes(t), titles.join(' | '));
    const doc = await vscode.workspace.openTextDocument(uri);
    const wLens = lenses.find((l) => /^VI /.test(l.command?.title ?? ''))!;
    assert.equal(wLens.range.start.line, positionOf(doc, 'real w;').line);
    assert.match(wLens.command!.title, /^VI 2(\.\d+)? ± 0\.\d+$/);
  });

  test('a model without a data block needs no data file', async function () {
    this.timeout(60_000);
    const r = (await vscode.commands.executeCommand('vigil.fitVariationalPosterior', fixtureUri('no_data.stan'), { method: 'meanfield' })) as RunSummary;
    assert.equal(r.outcome, 'result', r.message);
  });

  test('Compare with Reference on centered eight schools: tau warning in Problems at its declaration, cleared by an edit; Export Report', async function () {
    this.timeout(180_000);
    const uri = fixtureUri('eight_schools_centered.stan');
    const { document: doc } = await openFixture('eight_schools_centered.stan');
    const r = (await vscode.commands.executeCommand('vigil.compareWithReference', uri, { method: 'meanfield', reference: 'nuts' })) as RunSummary;
    assert.equal(r.outcome, 'result', r.message);
    assert.equal(r.result?.schema, 'vigil.report');
    const fitDiags = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vigil-fit');
    const ds = await waitFor(fitDiags, (x) => x.length > 0, 'vigil-fit entries');
    const tauLine = positionOf(doc, 'real<lower=0> tau;').line;
    const tau = ds.filter((d) => /^tau:/.test(d.message));
    assert.ok(tau.length > 0, ds.map((d) => d.message).join('\n'));
    assert.ok(tau.every((d) => d.range.start.line === tauLine), 'at the declaration of tau');
    assert.ok(ds.some((d) => d.code === 'funnel'), 'the funnel suggestion');

    const out = (await vscode.commands.executeCommand('vigil.exportReport', uri, vscode.Uri.file(path.join(os.tmpdir(), `vigil-export-${process.pid}.html`)))) as { html: string; json: string };
    const html = fs.readFileSync(out.html, 'utf8');
    assert.match(html, /id="vigil-state"/);
    assert.doesNotMatch(html, /<script[^>]*\ssrc=/);
    assert.equal(JSON.parse(fs.readFileSync(out.json, 'utf8')).schema, 'vigil.report');
    fs.rmSync(out.html);
    fs.rmSync(out.json);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '// edited\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(fitDiags, (x) => x.length === 0, 'the fit entries to clear when the model changes');
  });
});
