// Problems-panel entries for fits: the comparison's warnings at the parameter declarations (source
// 'vigil-fit', apart from the checker's 'vigil'), and data errors on the data file ('vigil-data').
// Fit entries are cleared when the model changes: they describe the text that was fitted.
import * as vscode from 'vscode';
import type { CompareReport, RunError } from '../protocol';
import type { Span } from '../core/stan/span';

export const fitSource = 'vigil-fit';
export const dataSource = 'vigil-data';

export class FitProblems implements vscode.Disposable {
  private readonly fit = vscode.languages.createDiagnosticCollection(fitSource);
  private readonly data = vscode.languages.createDiagnosticCollection(dataSource);
  private readonly disposables: vscode.Disposable[] = [this.fit, this.data];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (this.fit.has(e.document.uri)) this.fit.delete(e.document.uri);
        if (this.data.has(e.document.uri)) this.data.delete(e.document.uri);
      }),
    );
  }

  showReport(model: vscode.Uri, report: CompareReport): void {
    const out: vscode.Diagnostic[] = [];
    for (const w of report.warnings) {
      const range = w.range ? toRange(w.range) : new vscode.Range(0, 0, 0, 0);
      const severity = w.severity === 'error' ? vscode.DiagnosticSeverity.Error : w.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
      const d = new vscode.Diagnostic(range, w.message, severity);
      d.source = fitSource;
      d.code = w.kind;
      out.push(d);
    }
    this.fit.set(model, out);
  }

  hasFit(model: vscode.Uri): boolean {
    return this.fit.has(model);
  }

  clearFit(model: vscode.Uri): void {
    this.fit.delete(model);
  }

  /** Data errors on the data file at the reported positions; returns how many were placed. */
  showDataErrors(data: vscode.Uri, errors: RunError[]): number {
    const out = errors.map((e) => {
      const d = new vscode.Diagnostic(e.span ? toRange(e.span) : new vscode.Range(0, 0, 0, 0), e.message, e.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = dataSource;
      if (e.code) d.code = e.code;
      return d;
    });
    this.data.set(data, out);
    return out.length;
  }

  clearData(data: vscode.Uri): void {
    this.data.delete(data);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// Spans are 1-based; VS Code is 0-based.
export function toRange(span: { start: Pick<Span['start'], 'line' | 'col'>; end: Pick<Span['end'], 'line' | 'col'> }): vscode.Range {
  return new vscode.Range(Math.max(span.start.line - 1, 0), Math.max(span.start.col - 1, 0), Math.max(span.end.line - 1, 0), Math.max(span.end.col - 1, 0));
}
