// The built panel app (dist/webview.js) and its stylesheet (media/panel.css), read from the package so
// the HTML report can inline them: a report must open from a file with no network.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface WebviewAssets {
  script: string;
  css: string;
}

let cached: WebviewAssets | undefined;

/** Finds the folder holding dist/webview.js and media/panel.css, from dist/ (bundled) or out/src/report. */
export function webviewAssets(): WebviewAssets {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const script = path.join(dir, 'dist', 'webview.js');
    const css = path.join(dir, 'media', 'panel.css');
    if (existsSync(script) && existsSync(css)) {
      cached = { script: readFileSync(script, 'utf8'), css: readFileSync(css, 'utf8') };
      return cached;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('dist/webview.js not found: run `npm run build` first');
}
