// The Vigil side panel's tree (view `vigil.models`): the workspace's .stan models; under each its last
// run; under that the parameters with a status icon, and their warnings. Nothing is scanned until VS Code
// first asks for the root (the view is visible); then a file watcher keeps the list, and the runs store
// and changes of the runs' inputs (StoredRuns) keep the runs, up to date.
import * as vscode from 'vscode';
import type { CompareWarning } from '../core/diagnose/compare/compareReport';
import { parseProgram } from '../core/stan/parser';
import { topDeclarations } from '../core/stan/topDeclarations';
import { variableOf } from '../report/buildPanelState';
import type { PanelRange, Severity } from '../report/panelState';
import { revealCommand, revealInModel, treeItemOf, type ModelTreeNode } from './modelTreeItems';
import { readText } from './runFreshness';
import type { Runs } from './runs';
import type { StoredRuns } from './storedRuns';

export const modelTreeViewId = 'vigil.models';

const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export class ModelTree implements vscode.TreeDataProvider<ModelTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ModelTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private models: vscode.Uri[] | null = null;
  private readonly disposables: vscode.Disposable[] = [];
  private watching = false;

  constructor(private readonly runs: Runs, private readonly stored: StoredRuns) {
    this.disposables.push(this.changed, runs.onDidChange(() => this.refresh()), stored.onDidChangeInputs(() => this.refresh()));
  }

  register(): vscode.Disposable[] {
    const view = vscode.window.createTreeView(modelTreeViewId, { treeDataProvider: this, showCollapseAll: true });
    return [
      view,
      this,
      vscode.commands.registerCommand(revealCommand, (model: vscode.Uri, range: PanelRange) => revealInModel(model, range)),
      vscode.commands.registerCommand('vigil.models.refresh', () => this.refresh(true)),
      // For tests and scripts: the tree as plain data, every level expanded.
      vscode.commands.registerCommand('vigil.internal.modelTree', () => this.snapshot()),
    ];
  }

  refresh(rescan = false): void {
    if (rescan) this.models = null;
    this.changed.fire(undefined);
  }

  getTreeItem(node: ModelTreeNode): vscode.TreeItem {
    return treeItemOf(node);
  }

  async getChildren(node?: ModelTreeNode): Promise<ModelTreeNode[]> {
    if (!node) return (await this.listModels()).map((modelUri) => ({ kind: 'model', modelUri }));
    switch (node.kind) {
      case 'model': return this.runOf(node.modelUri);
      case 'run': return this.parametersOf(node);
      case 'parameter': return node.warnings.map((warning) => ({ kind: 'warning', modelUri: node.modelUri, warning, range: warning.range ?? node.range }));
      default: return [];
    }
  }

  private async listModels(): Promise<vscode.Uri[]> {
    this.watch();
    if (!this.models) {
      const found = await vscode.workspace.findFiles('**/*.stan', '**/node_modules/**');
      this.models = found.sort((a, b) => vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b)));
    }
    return this.models;
  }

  // Started with the first look at the tree, so activation itself watches nothing.
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.stan');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.refresh(true)),
      watcher.onDidDelete(() => this.refresh(true)),
    );
  }

  private async runOf(modelUri: vscode.Uri): Promise<ModelTreeNode[]> {
    const record = await this.runs.latest(modelUri);
    if (!record) return [{ kind: 'note', modelUri, text: 'No runs yet: right-click the model to fit or compare.' }];
    const approx = 'approximation' in record.result ? record.result.approximation : record.result;
    let status: 'ok' | 'failed' | 'stale' = approx.ok ? 'ok' : 'failed';
    if (status === 'ok' && !(await this.stored.isCurrent(modelUri, record))) status = 'stale';
    return [{ kind: 'run', modelUri, record, status }];
  }

  private async parametersOf(node: Extract<ModelTreeNode, { kind: 'run' }>): Promise<ModelTreeNode[]> {
    const result = node.record.result;
    const approx = 'approximation' in result ? result.approximation : result;
    const compared = 'warnings' in result && result.reference !== null;
    const warnings: CompareWarning[] = 'warnings' in result ? result.warnings : [];
    const variables = [...new Set(approx.names.parameters.map(variableOf))];
    const byVariable = new Map<string, CompareWarning[]>();
    const general: CompareWarning[] = [];
    for (const w of warnings) {
      const names = w.parameter ? w.parameter.split(/,\s*/) : [];
      if (names.length === 0) general.push(w);
      for (const n of names) {
        if (!variables.includes(n)) variables.push(n);
        byVariable.set(n, [...(byVariable.get(n) ?? []), w]);
      }
    }
    const ranges = await this.declarationRanges(node.modelUri);
    const params: ModelTreeNode[] = variables.map((name) => {
      const ws = byVariable.get(name) ?? [];
      const severity = ws.reduce<Severity | null>((s, w) => (!s || rank[w.severity] > rank[s] ? w.severity : s), null);
      return { kind: 'parameter', modelUri: node.modelUri, name, severity, compared, range: ranges.get(name) ?? ws.find((w) => w.range)?.range ?? null, warnings: ws };
    });
    return [...params, ...general.map((warning): ModelTreeNode => ({ kind: 'warning', modelUri: node.modelUri, warning, range: warning.range }))];
  }

  private async declarationRanges(model: vscode.Uri): Promise<Map<string, PanelRange>> {
    try {
      const { program } = parseProgram(await readText(model));
      return new Map(topDeclarations(program).map((d) => [d.name, d.decl.span]));
    } catch {
      return new Map();
    }
  }

  async snapshot(): Promise<TreeSnapshot[]> {
    const walk = async (node?: ModelTreeNode): Promise<TreeSnapshot[]> => {
      const out: TreeSnapshot[] = [];
      for (const child of await this.getChildren(node)) {
        const item = treeItemOf(child);
        out.push({
          node: child,
          kind: child.kind,
          label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
          description: typeof item.description === 'string' ? item.description : '',
          icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : null,
          contextValue: item.contextValue ?? '',
          command: item.command ? { command: item.command.command, arguments: item.command.arguments ?? [] } : null,
          children: await walk(child),
        });
      }
      return out;
    };
    return walk();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export interface TreeSnapshot {
  /** The element itself, as the context menus pass it to commands. */
  node: ModelTreeNode;
  kind: ModelTreeNode['kind'];
  label: string;
  description: string;
  icon: string | null;
  contextValue: string;
  command: { command: string; arguments: unknown[] } | null;
  children: TreeSnapshot[];
}
