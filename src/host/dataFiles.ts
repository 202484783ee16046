// Which data file goes with a model: the one chosen with "Select Data File" (remembered per model in
// workspace state), else model.data.json, else model.json beside it. A model without a data block
// needs none.
import * as vscode from 'vscode';
import { analyzeStan } from '../core/stan/analyze';

const stateKey = (model: vscode.Uri) => `vigil.dataFile:${model.toString()}`;

export class DataFiles {
  constructor(private readonly state: vscode.Memento) {}

  /** The data file for `model`, or null when none is chosen or found beside it. */
  async find(model: vscode.Uri): Promise<vscode.Uri | null> {
    const chosen = this.state.get<string>(stateKey(model));
    if (chosen) {
      const uri = vscode.Uri.parse(chosen);
      if (await exists(uri)) return uri;
    }
    const base = model.path.replace(/\.stan$/, '');
    for (const suffix of ['.data.json', '.json']) {
      const uri = model.with({ path: `${base}${suffix}` });
      if (await exists(uri)) return uri;
    }
    return null;
  }

  async remember(model: vscode.Uri, data: vscode.Uri | null): Promise<void> {
    await this.state.update(stateKey(model), data?.toString());
  }

  /** "Select Data File": a file dialog (or `data` when a caller passes one); remembered for the model. */
  async select(model: vscode.Uri, data?: vscode.Uri): Promise<vscode.Uri | null> {
    let picked = data ?? null;
    if (!picked) {
      const uris = await vscode.window.showOpenDialog({
        title: `Data for ${vscode.workspace.asRelativePath(model)}`,
        defaultUri: vscode.Uri.joinPath(model, '..'),
        canSelectMany: false,
        filters: { 'CmdStan JSON data': ['json'] },
        openLabel: 'Use as Data',
      });
      picked = uris?.[0] ?? null;
    }
    if (picked) await this.remember(model, picked);
    return picked;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Whether the program declares data (the checker is cheap and already loaded for the Problems panel). */
export function declaresData(source: string): boolean {
  const data = analyzeStan(source).program.data;
  return data !== null && data.statements.length > 0;
}
