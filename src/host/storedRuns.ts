// The last stored run of each model as the user meets it again: its panel state (marked stale when the
// model, data or settings changed since), its Problems entries when a model is reopened, and staleness
// kept up to date while the user edits: panels showing a stored run are told, and onDidChangeInputs
// lets the lenses and the side panel redraw.
import * as vscode from 'vscode';
import { isCompareReport } from '../protocol';
import type { PanelState } from '../report/panelState';
import type { DataFiles } from './dataFiles';
import type { FitProblems } from './fitProblems';
import type { DiagnosticsPanels } from './panel';
import { isRunCurrent, readText } from './runFreshness';
import type { RunRecord, Runs } from './runs';

// Edits come in bursts: staleness is looked at once they pause.
const settleMs = 400;

export class StoredRuns implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** The inputs of a model (undefined: of every model) changed: its stored run may have gone stale. */
  readonly onDidChangeInputs = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private panels: DiagnosticsPanels | null = null;

  constructor(private readonly runs: Runs, private readonly dataFiles: DataFiles, private readonly problems: FitProblems) {}

  /** Starts watching; the panels are told when the run they show goes stale or current again. */
  register(panels: DiagnosticsPanels): vscode.Disposable[] {
    this.panels = panels;
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'stan' && e.contentChanges.length > 0) this.inputsChanged(e.document.uri);
      }),
      // Data files are read from disk: they count once saved.
      w.onDidSaveTextDocument((d) => {
        if (d.uri.path.endsWith('.json')) this.inputsChanged(undefined);
      }),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('vigil')) this.inputsChanged(undefined);
      }),
      w.onDidOpenTextDocument((d) => void this.restoreProblems(d)),
    );
    for (const d of w.textDocuments) void this.restoreProblems(d);
    return [this];
  }

  /** Whether the record was made from the model's current text, data and settings. */
  async isCurrent(model: vscode.Uri, record: RunRecord): Promise<boolean> {
    try {
      return await isRunCurrent(model, await readText(model), record, this.dataFiles);
    } catch {
      return false; // the model file is gone or unreadable
    }
  }

  /** The model's last run (also one stored in an earlier session) and whether it is stale, undefined when it has none. */
  async lastRun(model: vscode.Uri): Promise<{ record: RunRecord; stale: boolean } | undefined> {
    const record = await this.runs.latest(model);
    return record && { record, stale: !(await this.isCurrent(model, record)) };
  }

  /** The panel state of the model's last stored run (as the worker built it), null when it has none. */
  async panelState(model: vscode.Uri): Promise<PanelState | null> {
    const run = await this.lastRun(model);
    if (!run) return null;
    const panel = await this.runs.panelOf(model, run.record);
    return panel ? { ...panel, stale: run.stale } : null;
  }

  private inputsChanged(model: vscode.Uri | undefined): void {
    const key = model?.toString() ?? '*';
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.changed.fire(model);
      void this.updatePanels(model);
    }, settleMs));
  }

  // A panel that shows a stored run (not a run in progress) gets its stale mark updated.
  private async updatePanels(model: vscode.Uri | undefined): Promise<void> {
    for (const p of this.panels?.shown() ?? []) {
      if (model && p.model.toString() !== model.toString()) continue;
      if (!p.state || p.live.length > 0) continue;
      const run = await this.lastRun(p.model);
      if (run && p.state && run.stale !== p.state.stale) this.panels?.setState(p.model, { ...p.state, stale: run.stale }, false);
    }
  }

  // A reopened model whose stored comparison is still current gets its warnings back in Problems.
  private async restoreProblems(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId !== 'stan' || doc.uri.scheme !== 'file' || this.problems.hasFit(doc.uri)) return;
    const record = await this.runs.latest(doc.uri);
    if (!record || !isCompareReport(record.result) || !(await this.isCurrent(doc.uri, record))) return;
    if (!this.problems.hasFit(doc.uri)) this.problems.showReport(doc.uri, record.result);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
