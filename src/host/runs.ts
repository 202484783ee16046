// The last results per model, kept in workspace storage (one JSON file per model and kind) so they are
// shown again on reopening, and marked stale when the model, data or settings change (content hash).
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { timed } from './blockMeter';
import type { CompareReport, FitResult } from '../protocol';

export type RunKind = 'fit' | 'reference' | 'compare';

export interface RunRecord {
  model: string; // URI string
  kind: RunKind;
  when: string; // ISO time
  hash: string; // of model text + data text + settings
  result: FitResult | CompareReport;
}

export function inputHash(modelText: string, dataText: string | null, settings: unknown): string {
  return createHash('sha256').update(modelText).update('\0').update(dataText ?? '').update('\0').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

export class Runs {
  private readonly memory = new Map<string, RunRecord>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Uri | undefined) {}

  private key(model: vscode.Uri, kind: RunKind): string {
    return `${kind}:${model.toString()}`;
  }

  private file(model: vscode.Uri, kind: RunKind): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    const name = createHash('sha1').update(model.toString()).digest('hex').slice(0, 16);
    return vscode.Uri.joinPath(this.storage, 'runs', `${name}.${kind}.json`);
  }

  async save(model: vscode.Uri, kind: RunKind, hash: string, result: FitResult | CompareReport): Promise<RunRecord> {
    const record: RunRecord = { model: model.toString(), kind, when: new Date().toISOString(), hash, result };
    this.memory.set(this.key(model, kind), record);
    this.changed.fire(model);
    const file = this.file(model, kind);
    if (file) {
      try {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
        const bytes = timed('store result', () => new TextEncoder().encode(JSON.stringify(record)));
        await vscode.workspace.fs.writeFile(file, bytes);
      } catch {
        // Persistence is a convenience: the result is still shown this session.
      }
    }
    return record;
  }

  /** The last record of `kind` for the model (from memory, else from storage). */
  async get(model: vscode.Uri, kind: RunKind): Promise<RunRecord | undefined> {
    const hit = this.memory.get(this.key(model, kind));
    if (hit) return hit;
    const file = this.file(model, kind);
    if (!file) return undefined;
    try {
      const record = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8')) as RunRecord;
      this.memory.set(this.key(model, kind), record);
      return record;
    } catch {
      return undefined;
    }
  }

  /** The most recent record with a result to show: a comparison first, else a fit, else a reference. */
  async latest(model: vscode.Uri): Promise<RunRecord | undefined> {
    const all = (await Promise.all((['compare', 'fit', 'reference'] as RunKind[]).map((k) => this.get(model, k)))).filter((r): r is RunRecord => !!r);
    all.sort((a, b) => b.when.localeCompare(a.when));
    return all[0];
  }

  /** Synchronous, memory only (code lenses). */
  peek(model: vscode.Uri, kind: RunKind): RunRecord | undefined {
    return this.memory.get(this.key(model, kind));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
