// The self-contained HTML report: the panel app (dist/webview.js) and its stylesheet inlined, the
// report's PanelState embedded as JSON. Opens from a file:// URL with no network: the page's CSP
// allows nothing but its own inline script and style (by nonce) and data: images.
import type { CompareReport, FitResult } from '../core/result/fitResult';
import { buildPanelState, type PanelStateOptions } from './buildPanelState';
import { cspNonce, panelPage } from './panelPage';
import type { PanelState } from './panelState';
import { webviewAssets } from './webviewAssets';

// Light-theme values for the VS Code variables the panel reads (the webview gets them from VS Code).
const lightTheme = `
:root, body {
  --vscode-foreground: #1f1f1f; --vscode-descriptionForeground: #616161; --vscode-editor-background: #ffffff;
  --vscode-editorWidget-border: #d4d4d4; --vscode-charts-orange: #d18616; --vscode-charts-blue: #1a85ff;
  --vscode-charts-red: #e51400; --vscode-charts-yellow: #bf8803; --vscode-errorForeground: #c72e0f;
  --vscode-testing-iconPassed: #388a34; --vscode-editorWarning-foreground: #bf8803;
  --vscode-font-family: system-ui, -apple-system, "Segoe UI", sans-serif; --vscode-font-size: 13px;
  --vscode-editor-font-family: ui-monospace, Menlo, Consolas, monospace; --vscode-input-background: #ffffff;
  --vscode-input-foreground: #1f1f1f; --vscode-input-border: #cecece; --vscode-list-hoverBackground: #f0f0f0;
}
body { max-width: 1200px; margin: 0 auto; }`;

export function renderHtmlReport(report: CompareReport | FitResult, options: PanelStateOptions = {}): string {
  return renderPanelStateHtml(buildPanelState(report, options));
}

export function renderPanelStateHtml(state: PanelState): string {
  const { script, css } = webviewAssets();
  const nonce = cspNonce();
  const page = panelPage({
    csp: [`script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, 'img-src data:', 'font-src data:'],
    head: ['<meta name="generator" content="Vigil">', `<title>${escapeHtml(`Vigil report: ${state.title}`)}</title>`, `<style nonce="${nonce}">${lightTheme}\n${css}</style>`],
    app: '',
    body: [`<script type="application/json" id="vigil-state">${jsonForScript(state)}</script>`, `<script nonce="${nonce}">${scriptForInline(script)}</script>`],
  });
  return page + '\n';
}

// JSON inside <script>: '<' escaped so no '</script>' or '<!--' can end or confuse the element.
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// The bundle inline: '</script' would end the element early ('<\/' means the same in JS strings/regexes).
function scriptForInline(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--').replace(/\/\/# sourceMappingURL=.*$/m, '');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
