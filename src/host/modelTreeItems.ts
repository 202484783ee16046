// The nodes of the Vigil side panel (model → last run → parameters → warnings) and how each shows as a
// TreeItem. Nodes carry `modelUri`, so the fit commands accept them as their model argument when run
// from the tree's context menus.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompareWarning } from '../core/diagnose/compare/compareReport';
import type { PanelRange, Severity } from '../report/panelState';
import { toRange } from './fitProblems';
import type { RunRecord } from './runs';

export type ModelTreeNode =
  | { kind: 'model'; modelUri: vscode.Uri }
  | { kind: 'run'; modelUri: vscode.Uri; record: RunRecord; status: RunStatus }
  | { kind: 'parameter'; modelUri: vscode.Uri; name: string; severity: Severity | null; compared: boolean; range: PanelRange | null; warnings: CompareWarning[] }
  | { kind: 'warning'; modelUri: vscode.Uri; warning: CompareWarning; range: PanelRange | null }
  | { kind: 'note'; modelUri: vscode.Uri; text: string };

export type RunStatus = 'ok' | 'failed' | 'stale';

/** The command that reveals a declaration from the tree (not in the palette). */
export const revealCommand = 'vigil.models.reveal';

const severityIcon: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info'),
};

export function treeItemOf(node: ModelTreeNode, now = Date.now()): vscode.TreeItem {
  switch (node.kind) {
    case 'model': {
      const item = new vscode.TreeItem(path.basename(node.modelUri.fsPath), vscode.TreeItemCollapsibleState.Collapsed);
      const rel = vscode.workspace.asRelativePath(node.modelUri, false);
      const dir = path.dirname(rel);
      item.id = `model:${node.modelUri.toString()}`;
      item.resourceUri = node.modelUri;
      item.description = dir === '.' ? undefined : dir;
      item.tooltip = rel;
      item.contextValue = 'vigil.model';
      item.command = { command: 'vscode.open', title: 'Open Model', arguments: [node.modelUri] };
      return item;
    }
    case 'run': {
      const r = node.record;
      const item = new vscode.TreeItem(runLabel(r), vscode.TreeItemCollapsibleState.Expanded);
      const warnings = 'warnings' in r.result ? r.result.warnings.length : null;
      item.id = `run:${r.model}`;
      item.description = [node.status, warnings === null ? null : `${warnings} warning${warnings === 1 ? '' : 's'}`, timeAgo(r.when, now)].filter((s) => s).join(' · ');
      item.tooltip = `${runKindLabel(r)} ${new Date(r.when).toLocaleString()}${node.status === 'stale' ? '\nStale: the model, data or settings changed since.' : ''}\nClick to show the diagnostics panel.`;
      item.iconPath = node.status === 'ok'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : node.status === 'failed' ? severityIcon.error : new vscode.ThemeIcon('history');
      item.contextValue = 'vigil.run';
      item.command = { command: 'vigil.showDiagnostics', title: 'Show Diagnostics', arguments: [node.modelUri] };
      return item;
    }
    case 'parameter': {
      const item = new vscode.TreeItem(node.name, node.warnings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `parameter:${node.modelUri.toString()}:${node.name}`;
      item.description = node.warnings.length > 0 ? `${node.warnings.length} warning${node.warnings.length === 1 ? '' : 's'}` : node.compared ? 'ok' : undefined;
      item.iconPath = node.severity ? severityIcon[node.severity]
        : node.compared ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('symbol-variable');
      item.contextValue = 'vigil.parameter';
      item.tooltip = node.range ? `Reveal the declaration of ${node.name}` : node.name;
      if (node.range) item.command = { command: revealCommand, title: 'Reveal Declaration', arguments: [node.modelUri, node.range] };
      return item;
    }
    case 'warning': {
      const item = new vscode.TreeItem(node.warning.message, vscode.TreeItemCollapsibleState.None);
      item.iconPath = severityIcon[node.warning.severity];
      item.description = node.warning.kind;
      item.tooltip = node.warning.message;
      item.contextValue = 'vigil.warning';
      if (node.range) item.command = { command: revealCommand, title: 'Reveal Declaration', arguments: [node.modelUri, node.range] };
      return item;
    }
    case 'note': {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = 'vigil.note';
      return item;
    }
  }
}

/** "meanfield vs NUTS", "meanfield", "NUTS reference". */
export function runLabel(r: RunRecord): string {
  if ('approximation' in r.result) {
    const ref = r.result.reference;
    return `${r.result.approximation.method}${ref ? ` vs ${refName(ref.method)}` : ''}`;
  }
  return r.kind === 'reference' ? `${refName(r.result.method)} reference` : r.result.method;
}

function refName(method: string): string {
  return method === 'nuts' ? 'NUTS' : method;
}

function runKindLabel(r: RunRecord): string {
  return r.kind === 'compare' ? 'Comparison of' : r.kind === 'reference' ? 'Reference posterior of' : 'Fit of';
}

export function timeAgo(iso: string, now: number): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(s)) return '';
  if (s < 45) return 'just now';
  if (s < 90) return '1 min ago';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 5400) return '1 hour ago';
  if (s < 86400) return `${Math.round(s / 3600)} hours ago`;
  const d = Math.round(s / 86400);
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

/** Selects and reveals a 1-based range in the model's editor. */
export async function revealInModel(model: vscode.Uri, range: PanelRange): Promise<void> {
  const editor = await vscode.window.showTextDocument(model, { preserveFocus: false, preview: false });
  const r = toRange(range);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
