// Helpers shared by the integration tests (not a test file itself: index.ts loads only *.test.js).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'vigil-dev.vigil';

// The extension's exports (see VigilApi in src/extension.ts).
export interface VigilExports {
  activationTimeMs: number;
  codeLoadingMs: number;
  activateCallMs: number;
}

export function vigil(): vscode.Extension<VigilExports> {
  const ext = vscode.extensions.getExtension<VigilExports>(extensionId);
  assert.ok(ext, `extension ${extensionId} is not loaded`);
  return ext;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open (test/fixtures/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc);
}

// Leaves the fixtures as found: drops unsaved edits and closes the editors.
export async function revertAndCloseAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// Runs `run` with user settings of `section` set to `values` (e.g. 'vigil.reference', { draws: 500 }),
// and removes them afterwards, pass or fail.
export async function withSettings<T>(section: string, values: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration(section);
  try {
    for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
    return await run();
  } finally {
    for (const key of Object.keys(values)) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

// Polls until `probe()` satisfies `accept`, failing with the last value seen after `timeoutMs`.
export async function waitFor<T>(probe: () => T, accept: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = probe();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = probe();
  }
  return last;
}

// As waitFor, for asynchronous probes (commands).
export async function pollAsync<T>(probe: () => Thenable<T>, accept: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await probe();
  while (!accept(v)) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(v).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await probe();
  }
  return v;
}

export function vigilDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vigil');
}

// The 0-based position of the first occurrence of `needle` in the document.
export function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `'${needle}' not found in ${doc.uri.path}`);
  return doc.positionAt(offset);
}

function describe(v: unknown): string {
  try {
    // Tree snapshots carry their nodes (URIs, records): too long to read in a failure.
    return JSON.stringify(v, (k, x) => (k === 'node' ? undefined : x));
  } catch {
    return String(v);
  }
}
