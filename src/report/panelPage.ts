// The HTML page that hosts the panel app (dist/webview.js), in the VS Code webview (assets by URI) and
// in the self-contained report (assets inlined). Its Content-Security-Policy starts from
// default-src 'none' and admits scripts by nonce only.
import { randomBytes } from 'node:crypto';

export function cspNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface PanelPageParts {
  csp: string[]; // directives after default-src 'none'
  head: string[]; // lines after the charset, CSP and viewport metas: title, stylesheet, ...
  app: string; // what #app holds until the app renders
  body: string[]; // lines after #app: the scripts
}

export function panelPage(p: PanelPageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${["default-src 'none'", ...p.csp].join('; ')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.head.join('\n')}
</head>
<body>
<div id="app">${p.app}</div>
${p.body.join('\n')}
</body>
</html>`;
}
