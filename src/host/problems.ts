import * as vscode from 'vscode';
import { analyzeStan } from '../core/stan/analyze';
import type { StanDiagnostic } from '../core/stan/diagnostic';
import type { Span } from '../core/stan/span';
import { checkSettingsSection, readCheckSettings } from './config';
import { imageMarkProblems } from '../core/stan/imageMarks';

export const diagnosticSource = 'vigil';

// Counts shown by `vigil.checkModel` (and returned to callers such as tests).
export interface CheckSummary {
  uri: string;
  errors: number;
  warnings: number;
}

export function isStanDocument(doc: vscode.TextDocument): boolean {
  // Skip the read-only copies the git extension opens for diffs: they would duplicate every entry.
  return doc.languageId === 'stan' && doc.uri.scheme !== 'git';
}

function isDeprecation(d: StanDiagnostic): boolean {
  return d.code.startsWith('deprecat');
}

// Spans are 1-based line/col; VS Code positions are 0-based.
export function toRange(span: Span, doc: vscode.TextDocument): vscode.Range {
  const pos = (line: number, col: number) => new vscode.Position(Math.max(line - 1, 0), Math.max(col - 1, 0));
  return doc.validateRange(new vscode.Range(pos(span.start.line, span.start.col), pos(span.end.line, span.end.col)));
}

export function toDiagnostic(d: StanDiagnostic, doc: vscode.TextDocument): vscode.Diagnostic {
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const out = new vscode.Diagnostic(toRange(d.span, doc), d.message, severity);
  out.source = diagnosticSource;
  out.code = d.code;
  if (isDeprecation(d)) out.tags = [vscode.DiagnosticTag.Deprecated];
  return out;
}

// Keeps the Problems panel in step with the open Stan documents: checked on open, on change
// (debounced by `vigil.check.debounceMs`) or on save, cleared on close.
export class StanProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(diagnosticSource);
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly log: vscode.OutputChannel) {
    const w = vscode.workspace;
    this.disposables.push(
      w.onDidOpenTextDocument((doc) => this.checkSoon(doc, 0)),
      w.onDidChangeTextDocument((e) => {
        if (!isStanDocument(e.document) || e.contentChanges.length === 0) return;
        const s = readCheckSettings(e.document.uri);
        if (s.onType) this.checkSoon(e.document, s.debounceMs);
      }),
      w.onDidSaveTextDocument((doc) => {
        if (!readCheckSettings(doc.uri).onType) this.checkSoon(doc, 0);
      }),
      w.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(checkSettingsSection)) this.checkAllSoon();
      }),
    );
  }

  // Documents already open when the extension activated (the one that activated it, restored editors).
  checkAllSoon(): void {
    for (const doc of vscode.workspace.textDocuments) this.checkSoon(doc, 0);
  }

  checkSoon(doc: vscode.TextDocument, delayMs: number): void {
    if (!isStanDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!doc.isClosed) this.check(doc);
      }, delayMs),
    );
  }

  // Checks now, replacing any pending debounced check of the same document.
  check(doc: vscode.TextDocument): CheckSummary {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    const started = performance.now();
    let found: StanDiagnostic[];
    try {
      const text = doc.getText();
      const analysis = analyzeStan(text, { functionsOnly: doc.uri.path.endsWith('.stanfunctions') });
      found = [...analysis.diagnostics, ...imageMarkProblems(text, analysis.program)];
    } catch (e) {
      // The front end promises never to throw; if it does, say so rather than leave stale entries.
      this.log.appendLine(`internal error checking ${doc.uri.fsPath}: ${e instanceof Error ? e.stack : String(e)}`);
      found = [];
    }
    if (!readCheckSettings(doc.uri).deprecationWarnings) found = found.filter((d) => !isDeprecation(d));
    this.collection.set(
      doc.uri,
      found.map((d) => toDiagnostic(d, doc)),
    );
    const errors = found.filter((d) => d.severity === 'error').length;
    const ms = (performance.now() - started).toFixed(1);
    this.log.appendLine(`checked ${vscode.workspace.asRelativePath(doc.uri)} in ${ms} ms: ${errors} error(s), ${found.length - errors} warning(s)`);
    return { uri: key, errors, warnings: found.length - errors };
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}
