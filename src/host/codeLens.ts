// Code lenses on .stan files: the three main commands above the program; after a run, above each
// parameter declaration, the approximation's and the reference's mean ± sd and the worst warning
// ("VI 2.5 ± 2.2 | NUTS 3.6 ± 3.3 ⚠ sd −32%"), with "· stale" once the model, data or settings changed.
import * as vscode from 'vscode';
import { declarationRanges } from '../core/diagnose/compare/declarationRanges';
import type { CompareWarning } from '../core/diagnose/compare/compareReport';
import { analyzeStan } from '../core/stan/analyze';
import { isCompareReport, type CompareReport, type FitResult } from '../protocol';
import { shortLabel, variableOf } from '../report/buildPanelState';
import { toRange } from './fitProblems';
import type { RunRecord, Runs } from './runs';
import type { StoredRuns } from './storedRuns';
import { timed } from './blockMeter';

// VS Code drops a pending lens request when the editor loses focus within its debounce (a run finishing
// just as the user opens the command palette or clicks the panel) and asks again only on the next focus
// or edit, so lenses could show the previous run for good. Until a visible editor of the model has been
// given lenses of its current run, the provider asks again every second (for up to half a minute).
const followUpMs = 1000;
const followUpTries = 30;

export class FitCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subs: vscode.Disposable[];
  /** Per model URI, the run (and its staleness) its lenses were last made from. */
  private readonly given = new Map<string, string>();
  private readonly followUps = new Map<string, NodeJS.Timeout>();

  constructor(runs: Runs, private readonly stored: StoredRuns) {
    // Edits of the model itself already make VS Code ask again; data and settings changes do not. A change
    // that lands while the model's editor is hidden (a maximized panel) can be missed by VS Code, so an
    // editor coming into view asks again too.
    this.subs = [
      runs.onDidChange((model) => this.changedFor(model)),
      stored.onDidChangeInputs((model) => this.changedFor(model)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.changedFor(undefined)),
    ];
  }

  refresh(): void {
    this.changedFor(undefined);
  }

  private changedFor(model: vscode.Uri | undefined): void {
    this.changed.fire();
    const models = model ? [model] : vscode.window.visibleTextEditors.filter((e) => e.document.languageId === 'stan').map((e) => e.document.uri);
    for (const m of models) this.followUp(m, 0);
  }

  private followUp(model: vscode.Uri, tries: number): void {
    const key = model.toString();
    clearTimeout(this.followUps.get(key));
    if (tries >= followUpTries) {
      this.followUps.delete(key);
      return;
    }
    this.followUps.set(key, setTimeout(() => void (async () => {
      this.followUps.delete(key);
      if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === key)) return;
      if (this.given.get(key) === (await this.runKey(model))) return;
      this.changed.fire();
      this.followUp(model, tries + 1);
    })(), followUpMs));
  }

  /** Which run the model's lenses show now, and whether it is stale. */
  private async runKey(model: vscode.Uri): Promise<string> {
    return lensSource(await this.stored.lastRun(model));
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const analysis = timed('code lenses', () => analyzeStan(doc.getText()));
    const program = analysis.program;
    const first = [program.functions, program.data, program.transformedData, program.parameters, program.transformedParameters, program.model, program.generatedQuantities]
      .find((b) => b !== null);
    const top = new vscode.Range(first ? first.span.start.line - 1 : 0, 0, first ? first.span.start.line - 1 : 0, 0);
    const arg = [doc.uri];
    const lenses = [
      new vscode.CodeLens(top, { title: 'Fit Variational Posterior', command: 'vigil.fitVariationalPosterior', arguments: arg }),
      new vscode.CodeLens(top, { title: 'Compare with Reference', command: 'vigil.compareWithReference', arguments: arg }),
      new vscode.CodeLens(top, { title: 'Show Diagnostics', command: 'vigil.showDiagnostics', arguments: arg }),
    ];
    // The last run, also one stored in an earlier session.
    const run = await this.stored.lastRun(doc.uri);
    this.given.set(doc.uri.toString(), lensSource(run));
    if (!run) return lenses;
    const { record, stale } = run;
    const tooltip = stale
      ? 'Stale: the model, data or settings changed since this run. Show the Vigil diagnostics panel'
      : 'Show the Vigil diagnostics panel';
    for (const decl of declarationRanges(program).values()) {
      if (decl.block !== 'parameters') continue;
      const title = parameterLensTitle(record.result, decl.name);
      if (!title) continue;
      lenses.push(new vscode.CodeLens(toRange(decl.range), { title: stale ? `${title} · stale` : title, command: 'vigil.showDiagnostics', arguments: arg, tooltip }));
    }
    return lenses;
  }

  dispose(): void {
    for (const t of this.followUps.values()) clearTimeout(t);
    this.followUps.clear();
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}

function lensSource(run: { record: RunRecord; stale: boolean } | undefined): string {
  return run ? `${run.record.kind} ${run.record.when} ${run.stale ? 'stale' : 'current'}` : 'none';
}

/** "VI 2.5 ± 2.2 | NUTS 3.6 ± 3.3 ⚠ sd −32%" for a variable (its worst element for containers). */
export function parameterLensTitle(result: FitResult | CompareReport, variable: string): string | null {
  const approx = isCompareReport(result) ? result.approximation : result;
  const ref = isCompareReport(result) ? result.reference : null;
  const warnings = isCompareReport(result) ? result.warnings.filter((w) => w.parameter === variable) : [];
  const elements = approx.names.parameters.filter((n) => variableOf(n) === variable);
  if (elements.length === 0) return null;
  const worst = warnings[0];
  const name = worst?.elements?.find((e) => elements.includes(e)) ?? elements[0];
  const a = approx.summary[name];
  if (!a) return null;
  const prefix = elements.length > 1 ? `${name}: ` : '';
  let title = `${prefix}${shortLabel(approx)} ${num(a.mean)} ± ${num(a.sd)}`;
  const r = ref?.summary[name];
  if (ref && r) title += ` | ${shortLabel(ref)} ${num(r.mean)} ± ${num(r.sd)}`;
  if (worst) title += ` ${worst.severity === 'error' ? '⛔' : worst.severity === 'warning' ? '⚠' : 'ℹ'} ${warningShort(worst, isCompareReport(result) ? result : null, name)}`;
  else if (ref) title += ' ✓';
  return title;
}

function warningShort(w: CompareWarning, report: CompareReport | null, name: string): string {
  const m = report?.parameters.find((p) => p.name === name);
  if ((w.kind === 'sd-ratio-low' || w.kind === 'sd-ratio-high') && m && Number.isFinite(m.sdRatio)) return `sd ${signedPercent(m.sdRatio - 1)}`;
  if (w.kind === 'mean-error' && m && Number.isFinite(m.standardizedMeanError)) return `mean ${m.standardizedMeanError > 0 ? '+' : '−'}${Math.abs(m.standardizedMeanError).toFixed(2)} sd`;
  return w.kind.replace(/-/g, ' ');
}

function signedPercent(x: number): string {
  const p = Math.round(x * 100);
  return `${p < 0 ? '−' : '+'}${Math.abs(p)}%`;
}

function num(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e4 || a < 1e-2) ? v.toExponential(1) : Number(v.toPrecision(2)).toString();
}
