// Whether a stored result was made from the current model, data and settings (else it is stale). The
// stored hash covers the reference the run asked for, which an explicit argument (tree, tests) may have
// chosen instead of the setting: every reference kind a run can ask for is tried.
import * as vscode from 'vscode';
import type { DataFiles } from './dataFiles';
import { readFitSettings } from './fitSettings';
import { inputHash, type RunRecord } from './runs';

export async function isRunCurrent(model: vscode.Uri, modelText: string, record: RunRecord, dataFiles: DataFiles): Promise<boolean> {
  if (record.hash.length === 0) return true;
  const data = await dataFiles.find(model);
  const dataText = data ? await readText(data) : null;
  const settings = readFitSettings(model);
  const approx = 'approximation' in record.result ? record.result.approximation : record.result;
  const method = record.kind === 'reference' ? undefined : approx.method;
  const kinds = record.kind === 'fit' ? [undefined] : [settings.referenceKind, 'auto', 'exact', 'nuts'].map((kind) => ({ kind }));
  return kinds.some((reference) => inputHash(modelText, dataText, { settings, kind: record.kind, method, reference }) === record.hash);
}

/** The text of a file as the user sees it: an open editor's (maybe unsaved) text, else the file's. */
export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}
