// The diagnostics panel: one WebviewPanel per model (context not retained when hidden; the webview
// re-asks with panel/ready and the host re-sends), a serializer that restores it after a reload, a
// strict CSP with a nonce, and local resources only.
import * as vscode from 'vscode';
import type { HostToWebview } from '../protocol';
import { cspNonce, panelPage } from '../report/panelPage';
import type { PanelState, PanelToWebview, RenderedSummary, WebviewToPanel } from '../report/panelState';

export const panelViewType = 'vigil.diagnostics';

export interface PanelHandlers {
  /** State to show for a model with no live state (the last stored run), or null. */
  restore(model: vscode.Uri): Promise<PanelState | null>;
  reveal(model: vscode.Uri, range: NonNullable<Extract<WebviewToPanel, { type: 'panel/revealRange' }>['range']>, parameter: string | null): void;
  cancel(model: vscode.Uri): void;
}

export class ModelPanel {
  state: PanelState | null = null;
  // Messages of the run in progress, replayed after a panel/ready (the webview may have been reloaded).
  live: (HostToWebview | PanelToWebview)[] = [];
  ready = false;
  rendered: RenderedSummary | null = null;
  readonly renderedEmitter = new vscode.EventEmitter<RenderedSummary>();

  constructor(readonly model: vscode.Uri, readonly panel: vscode.WebviewPanel) {}

  post(m: HostToWebview | PanelToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }
}

export class DiagnosticsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ModelPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly handlers: PanelHandlers) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(panelViewType, {
        deserializeWebviewPanel: async (panel, saved: unknown) => {
          const model = typeof (saved as PanelState | undefined)?.model === 'string' ? vscode.Uri.parse((saved as PanelState).model) : null;
          if (!model) {
            panel.dispose();
            return;
          }
          const p = this.adopt(model, panel);
          p.state = (await handlers.restore(model)) ?? (saved as PanelState);
        },
      }),
    );
  }

  /** Opens (or reveals) the panel of `model`. */
  show(model: vscode.Uri, preserveFocus = true): ModelPanel {
    const existing = this.panels.get(model.toString());
    if (existing) {
      existing.panel.reveal(undefined, preserveFocus);
      return existing;
    }
    // Without '.stan': the editor tab of the model keeps a title of its own.
    const name = (model.path.split('/').pop() ?? 'model').replace(/\.stan$/, '');
    const panel = vscode.window.createWebviewPanel(panelViewType, `Vigil: ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, {});
    return this.adopt(model, panel);
  }

  /** Every open panel. */
  shown(): ModelPanel[] {
    return [...this.panels.values()];
  }

  get(model: vscode.Uri): ModelPanel | undefined {
    return this.panels.get(model.toString());
  }

  /** A run started: the panel shows it live from now on. */
  runStarted(model: vscode.Uri, message: HostToWebview): void {
    const p = this.show(model);
    p.live = [message];
    p.post(message);
  }

  /** A worker message of the model's run (progress, end). */
  forward(model: vscode.Uri, message: HostToWebview): void {
    const p = this.get(model);
    if (!p) return;
    // The result itself is large and not drawn as is: the host follows with panel/state.
    if (message.type === 'fit/result') return;
    p.live.push(message);
    p.post(message);
  }

  setState(model: vscode.Uri, state: PanelState, reveal = true): void {
    const p = reveal ? this.show(model) : this.get(model);
    if (!p) return;
    p.state = state;
    p.live = [];
    p.post({ type: 'panel/state', state });
  }

  /** What the webview last reported drawing (tests and the status of the handshake). */
  rendered(model: vscode.Uri): RenderedSummary | null {
    return this.get(model)?.rendered ?? null;
  }

  onRendered(model: vscode.Uri): vscode.Event<RenderedSummary> | undefined {
    return this.get(model)?.renderedEmitter.event;
  }

  private adopt(model: vscode.Uri, panel: vscode.WebviewPanel): ModelPanel {
    const p = new ModelPanel(model, panel);
    this.panels.set(model.toString(), p);
    const webview = panel.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'vigil.svg');
    webview.html = this.html(webview);
    const subs: vscode.Disposable[] = [];
    subs.push(
      webview.onDidReceiveMessage((m: WebviewToPanel | { type: 'fit/cancel' }) => {
        switch (m.type) {
          case 'panel/ready':
            p.ready = true;
            void this.sendCurrent(p);
            break;
          case 'panel/revealRange':
            if (m.range) this.handlers.reveal(model, m.range, m.parameter);
            break;
          case 'panel/rendered':
            p.rendered = m.summary;
            p.renderedEmitter.fire(m.summary);
            break;
          case 'fit/cancel':
            this.handlers.cancel(model);
            break;
        }
      }),
      // Hidden panels lose their webview context: it says panel/ready again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) p.ready = false;
      }),
      panel.onDidDispose(() => {
        if (this.panels.get(model.toString()) === p) this.panels.delete(model.toString());
        p.renderedEmitter.dispose();
        for (const s of subs) s.dispose();
      }),
    );
    return p;
  }

  private async sendCurrent(p: ModelPanel): Promise<void> {
    if (!p.state && p.live.length === 0) p.state = await this.handlers.restore(p.model);
    if (p.state) p.post({ type: 'panel/state', state: p.state });
    for (const m of p.live) p.post(m);
  }

  private html(webview: vscode.Webview): string {
    const nonce = cspNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const css = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css'));
    return panelPage({
      csp: [`img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`],
      head: [`<link rel="stylesheet" href="${css}">`, '<title>Vigil diagnostics</title>'],
      app: '<p>Loading…</p>',
      body: [`<script nonce="${nonce}" src="${script}"></script>`],
    });
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
