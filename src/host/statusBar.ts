// A status-bar item while fits run: what is running and how far; clicking it cancels.
import * as vscode from 'vscode';

export class FitStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vigil.fitStatus', vscode.StatusBarAlignment.Left, 10);
  private readonly running = new Map<string, string>();

  constructor() {
    this.item.name = 'Vigil fit';
    this.item.command = 'vigil.cancelFit';
    this.item.tooltip = 'Vigil: a fit is running. Click to cancel.';
  }

  set(id: string, text: string): void {
    this.running.set(id, text);
    this.refresh();
  }

  clear(id: string): void {
    this.running.delete(id);
    this.refresh();
  }

  get text(): string | null {
    return this.running.size > 0 ? this.item.text : null;
  }

  private refresh(): void {
    const texts = [...this.running.values()];
    if (texts.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) Vigil: ${texts[texts.length - 1]}${texts.length > 1 ? ` (+${texts.length - 1})` : ''}`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
