// The Vigil fit commands. Each works on a model URI argument (code lens, tree) or the active .stan
// editor; asks (quick pick) only when a setting says 'ask'; refuses to run in an untrusted workspace.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunRequest } from './engineClient';
import { declaresData, type DataFiles } from './dataFiles';
import { newRunId } from './engineClient';
import { chooseMethod, chooseReference, fitOptions, readFitSettings, referenceOptions } from './fitSettings';
import { runWithUi, type RunContext, type RunSummary } from './fitRunner';
import { inputHash, type RunKind } from './runs';
import { renderPanelStateHtml } from '../report/renderHtmlReport';
import { toRange } from './fitProblems';
import { blockRecord, timed } from './blockMeter';
import { panelImageMarks } from './panelImageMarks';
import { readText } from './runFreshness';
import type { StoredRuns } from './storedRuns';

/** Optional second argument of the commands (scripts and tests): skips the questions. */
export interface FitCommandOptions {
  method?: string;
  reference?: string;
  seed?: number;
}

export class FitCommands {
  private readonly runningByModel = new Map<string, Set<string>>();

  constructor(private readonly ctx: RunContext, private readonly dataFiles: DataFiles, private readonly stored: StoredRuns) {}

  register(): vscode.Disposable[] {
    const c = vscode.commands.registerCommand;
    return [
      c('vigil.fitVariationalPosterior', (uri?: vscode.Uri, o?: FitCommandOptions) => this.run('fit', uri, o)),
      c('vigil.computeReferencePosterior', (uri?: vscode.Uri, o?: FitCommandOptions) => this.run('reference', uri, o)),
      c('vigil.compareWithReference', (uri?: vscode.Uri, o?: FitCommandOptions) => this.run('compare', uri, o)),
      c('vigil.showDiagnostics', (uri?: vscode.Uri) => this.showDiagnostics(uri)),
      c('vigil.cancelFit', (uri?: vscode.Uri) => this.cancel(uri)),
      c('vigil.exportReport', (uri?: vscode.Uri, target?: vscode.Uri) => this.exportReport(uri, target)),
      c('vigil.selectDataFile', (uri?: vscode.Uri, data?: vscode.Uri) => this.selectDataFile(uri, data)),
      // For tests and scripts (not in the palette): what the panel of a model last drew.
      c('vigil.internal.panelRendered', (uri: vscode.Uri) => this.ctx.panels.rendered(uri)),
      c('vigil.internal.hostBlocking', (reset?: boolean) => blockRecord(reset === true)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.languageId === 'stan' && readFitSettings(doc.uri).onSave && vscode.workspace.isTrusted) void this.run('fit', doc.uri);
      }),
    ];
  }

  private async model(arg?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const uri = modelArgument(arg);
    if (uri) return vscode.workspace.openTextDocument(uri);
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && doc.languageId === 'stan') return doc;
    void vscode.window.showWarningMessage('Vigil: open a Stan model (.stan) first.');
    return undefined;
  }

  async run(kind: RunKind, uri?: vscode.Uri, o: FitCommandOptions = {}): Promise<RunSummary | undefined> {
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage(
        'Vigil runs fits only in a trusted workspace: a fit executes code compiled from the model. Checking still works.',
        'Manage Workspace Trust',
      );
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const doc = await this.model(uri);
    if (!doc) return undefined;
    const model = doc.uri;
    const settings = readFitSettings(model);
    const method = kind === 'reference' ? undefined : await chooseMethod(settings, o.method);
    if (kind !== 'reference' && !method) return undefined;
    const reference = kind === 'fit' ? undefined : await chooseReference(settings, o.reference);
    if (kind !== 'fit' && !reference) return undefined;

    const source = doc.getText();
    let data = await this.dataFiles.find(model);
    if (!data && declaresData(source)) {
      const choice = await vscode.window.showWarningMessage(
        `Vigil: ${path.basename(model.fsPath)} declares data, and no ${path.basename(model.fsPath, '.stan')}.data.json or .json is beside it.`,
        'Select Data File',
      );
      if (choice) data = await this.dataFiles.select(model);
      if (!data) return { outcome: 'error', message: 'no data file' };
    }
    const dataText = data ? await readText(data) : null;
    const seed = o.seed ?? settings.seed;
    const common = {
      id: newRunId(), model: { source, path: model.fsPath }, data: { text: dataText, path: data?.fsPath ?? null }, seed, options: fitOptions(settings),
      host: { panel: { model: model.toString(), thresholds: settings.thresholds, images: panelImageMarks(model, source) } },
    };
    const request: RunRequest = kind === 'fit'
      ? { type: 'fit/start', ...common, method: method! }
      : kind === 'reference'
        ? { type: 'reference/start', ...common, options: referenceOptions(settings), reference: reference! }
        : { type: 'compare/start', ...common, method: method!, reference: reference!, referenceOptions: referenceOptions(settings), thresholds: settings.thresholds };
    const hash = inputHash(source, dataText, { settings, kind, method, reference });
    const key = model.toString();
    const ids = this.runningByModel.get(key) ?? new Set<string>();
    this.runningByModel.set(key, ids.add(request.id));
    try {
      return await runWithUi(this.ctx, kind, model, data, request, hash);
    } finally {
      ids.delete(request.id);
    }
  }

  async showDiagnostics(uri?: vscode.Uri): Promise<boolean> {
    const doc = await this.model(uri);
    if (!doc) return false;
    const panel = this.ctx.panels.show(doc.uri, false);
    if (!panel.state && panel.live.length === 0) {
      const state = await this.stored.panelState(doc.uri);
      if (state) this.ctx.panels.setState(doc.uri, state);
    }
    return true;
  }

  /** Cancels the runs of the model (argument or active editor), or every run when it has none. */
  cancel(uri?: vscode.Uri): number {
    const key = (modelArgument(uri) ?? vscode.window.activeTextEditor?.document.uri)?.toString();
    const ids = key ? this.runningByModel.get(key) : undefined;
    const handles = this.ctx.engine.active.filter((h) => !ids || ids.size === 0 || ids.has(h.id));
    for (const h of handles) h.cancel();
    if (handles.length === 0) void vscode.window.showInformationMessage('Vigil: no fit is running.');
    return handles.length;
  }

  /** Writes the last result of the model as HTML and JSON (beside the model unless `target` is given). */
  async exportReport(uri?: vscode.Uri, target?: vscode.Uri): Promise<{ html: string; json: string } | undefined> {
    const doc = await this.model(uri);
    if (!doc) return undefined;
    const record = await this.ctx.runs.latest(doc.uri);
    if (!record) {
      void vscode.window.showWarningMessage('Vigil: nothing to export yet: fit the model or compare it with a reference first.');
      return undefined;
    }
    const full = await this.ctx.runs.fullResult(doc.uri, record.kind);
    const panel = await this.ctx.runs.panelOf(doc.uri, record);
    if (!full || !panel) {
      void vscode.window.showWarningMessage('Vigil: the full result of the last run is not in storage any more: run it again to export it.');
      return undefined;
    }
    const base = target ? target.fsPath.replace(/\.html$/, '') : doc.uri.fsPath.replace(/\.stan$/, '.vigil-report');
    const html = vscode.Uri.file(`${base}.html`);
    const json = vscode.Uri.file(`${base}.json`);
    // The panel state the worker built, and the result as it serialized it: nothing heavy on this thread.
    const state = { ...panel, model: vscode.workspace.asRelativePath(doc.uri) };
    await vscode.workspace.fs.writeFile(html, new TextEncoder().encode(timed('render report', () => renderPanelStateHtml(state))));
    await vscode.workspace.fs.copy(full, json, { overwrite: true });
    void vscode.window.showInformationMessage(`Vigil: report written to ${vscode.workspace.asRelativePath(html)} and ${path.basename(json.fsPath)}.`, 'Open in Browser').then((c) => {
      if (c) void vscode.env.openExternal(html);
    });
    return { html: html.fsPath, json: json.fsPath };
  }

  async selectDataFile(uri?: vscode.Uri, data?: vscode.Uri): Promise<string | undefined> {
    const doc = await this.model(uri);
    if (!doc) return undefined;
    const picked = await this.dataFiles.select(doc.uri, data);
    if (picked) void vscode.window.showInformationMessage(`Vigil: ${path.basename(doc.uri.fsPath)} uses ${vscode.workspace.asRelativePath(picked)} as its data.`);
    return picked?.toString();
  }
}

/** Reveals a declaration (from a panel warning) in the model's editor. */
export async function revealDeclaration(model: vscode.Uri, range: { start: { line: number; col: number }; end: { line: number; col: number } }): Promise<void> {
  const editor = await vscode.window.showTextDocument(model, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
  const r = toRange(range);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A command's model argument: a URI (code lens, scripts) or a side-panel item (which carries `modelUri`). */
function modelArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const fromTree = (arg as { modelUri?: unknown } | null | undefined)?.modelUri;
  return fromTree instanceof vscode.Uri ? fromTree : undefined;
}
