// Code lenses on .stan files: the three main commands above the program; after a run, above each
// parameter declaration, the approximation's and the reference's mean ± sd and the worst warning
// ("VI 2.5 ± 2.2 | NUTS 3.6 ± 3.3 ⚠ sd −32%").
import * as vscode from 'vscode';
import { declarationRanges } from '../core/diagnose/compare/declarationRanges';
import type { CompareWarning } from '../core/diagnose/compare/compareReport';
import { analyzeStan } from '../core/stan/analyze';
import { isCompareReport, type CompareReport, type FitResult } from '../protocol';
import { shortLabel, variableOf } from '../report/buildPanelState';
import { toRange } from './fitProblems';
import type { Runs } from './runs';
import { timed } from './blockMeter';

export class FitCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly sub: vscode.Disposable;
  private readonly loaded = new Set<string>();

  constructor(private readonly runs: Runs) {
    this.sub = runs.onDidChange(() => this.changed.fire());
  }

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
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
    const record = this.runs.peek(doc.uri, 'compare') ?? this.runs.peek(doc.uri, 'fit');
    if (!record) {
      // A result stored in an earlier session: load it once, then redraw the lenses.
      const key = doc.uri.toString();
      if (!this.loaded.has(key)) {
        this.loaded.add(key);
        void this.runs.latest(doc.uri).then((r) => r && this.changed.fire());
      }
      return lenses;
    }
    for (const decl of declarationRanges(program).values()) {
      if (decl.block !== 'parameters') continue;
      const title = parameterLensTitle(record.result, decl.name);
      if (!title) continue;
      lenses.push(new vscode.CodeLens(toRange(decl.range), { title, command: 'vigil.showDiagnostics', arguments: arg, tooltip: 'Show the Vigil diagnostics panel' }));
    }
    return lenses;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
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
