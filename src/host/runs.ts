// The last results per model, kept in workspace storage so they are shown again on reopening, and marked
// stale when the model, data or settings change (content hash). Per model and kind, three files, each
// as the worker serialized it (the host never stringifies a result): the record (the result without its
// draws) read back on reopening for the lenses and the side panel; the panel state, read when a panel
// shows it; the full result, only copied (Export Report).
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { timed } from './blockMeter';
import type { CompareReport, FitResult, StoredResult } from '../protocol';
import type { PanelState } from '../report/panelState';

export type RunKind = 'fit' | 'reference' | 'compare';

export interface RunRecord {
  model: string; // URI string
  kind: RunKind;
  when: string; // ISO time
  hash: string; // of model text + data text + settings
  result: FitResult | CompareReport; // without its draws (resultWithoutDraws)
}

type Part = 'record' | 'panel' | 'result';

export function inputHash(modelText: string, dataText: string | null, settings: unknown): string {
  return createHash('sha256').update(modelText).update('\0').update(dataText ?? '').update('\0').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}

export class Runs {
  private readonly memory = new Map<string, RunRecord>();
  // Keys (kind:model) whose storage held no usable record when read: not read again this session (the
  // lenses and the side panel ask on every edit), until a run of that kind is saved.
  private readonly none = new Set<string>();
  private readonly panels = new WeakMap<RunRecord, PanelState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Uri | undefined) {}

  private key(model: vscode.Uri, kind: RunKind): string {
    return `${kind}:${model.toString()}`;
  }

  private file(model: vscode.Uri, kind: RunKind, part: Part): vscode.Uri | undefined {
    if (!this.storage) return undefined;
    const name = createHash('sha1').update(model.toString()).digest('hex').slice(0, 16);
    return vscode.Uri.joinPath(this.storage, 'runs', `${name}.${kind}${part === 'record' ? '' : `.${part}`}.json`);
  }

  /** Keeps a run: `result` (without its draws) and `panel` as received, `stored` as the worker serialized them. */
  async save(model: vscode.Uri, kind: RunKind, hash: string, result: FitResult | CompareReport, panel: PanelState, stored: StoredResult): Promise<RunRecord> {
    const record: RunRecord = { model: model.toString(), kind, when: new Date().toISOString(), hash, result };
    this.memory.set(this.key(model, kind), record);
    this.none.delete(this.key(model, kind));
    this.panels.set(record, panel);
    this.changed.fire(model);
    const [recordFile, panelFile, resultFile] = (['record', 'panel', 'result'] as Part[]).map((p) => this.file(model, kind, p));
    if (!recordFile || !panelFile || !resultFile) return record;
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(recordFile, '..'));
      // {"model": ..., "when": ..., "result": <the worker's bytes>}: the result is not stringified here.
      const { result: _, ...meta } = record;
      const head = new TextEncoder().encode(`${JSON.stringify(meta).slice(0, -1)},"result":`);
      const bytes = new Uint8Array(head.length + stored.result.length + 1);
      bytes.set(head);
      bytes.set(stored.result, head.length);
      bytes[bytes.length - 1] = '}'.charCodeAt(0);
      await vscode.workspace.fs.writeFile(resultFile, stored.full);
      await vscode.workspace.fs.writeFile(panelFile, stored.panel);
      await vscode.workspace.fs.writeFile(recordFile, bytes);
    } catch {
      // Persistence is a convenience: the result is still shown this session.
    }
    return record;
  }

  /** The last record of `kind` for the model (from memory, else from storage). */
  async get(model: vscode.Uri, kind: RunKind): Promise<RunRecord | undefined> {
    const key = this.key(model, kind);
    const hit = this.memory.get(key);
    if (hit || this.none.has(key)) return hit;
    const record = await this.read<RunRecord>(model, kind, 'record');
    // A run saved while the file was read is newer than anything the file held.
    const saved = this.memory.get(key);
    if (saved) return saved;
    // A record kept by an earlier version has no panel file beside it: it could be listed but not shown,
    // so it counts as no run (lenses, side panel and panel agree; a new run replaces it).
    if (!record?.result || typeof record.hash !== 'string' || !(await this.has(model, kind, 'panel'))) {
      this.none.add(key);
      return undefined;
    }
    this.memory.set(key, record);
    return record;
  }

  /** The panel state of a record (read from storage the first time), undefined when it is gone. */
  async panelOf(model: vscode.Uri, record: RunRecord): Promise<PanelState | undefined> {
    const kept = this.panels.get(record);
    if (kept) return kept;
    const panel = await this.read<PanelState>(model, record.kind, 'panel');
    if (panel) this.panels.set(record, panel);
    return panel;
  }

  /** Where the full result of the model's last run of `kind` is kept, when it is. */
  async fullResult(model: vscode.Uri, kind: RunKind): Promise<vscode.Uri | undefined> {
    return (await this.has(model, kind, 'result')) ? this.file(model, kind, 'result') : undefined;
  }

  private async has(model: vscode.Uri, kind: RunKind, part: Part): Promise<boolean> {
    const file = this.file(model, kind, part);
    if (!file) return false;
    try {
      await vscode.workspace.fs.stat(file);
      return true;
    } catch {
      return false;
    }
  }

  /** The most recent record with a result to show: a comparison, a fit or a reference, the newest. */
  async latest(model: vscode.Uri): Promise<RunRecord | undefined> {
    const all = (await Promise.all((['compare', 'fit', 'reference'] as RunKind[]).map((k) => this.get(model, k)))).filter((r): r is RunRecord => !!r);
    all.sort((a, b) => b.when.localeCompare(a.when));
    return all[0];
  }

  private async read<T>(model: vscode.Uri, kind: RunKind, part: Part): Promise<T | undefined> {
    const file = this.file(model, kind, part);
    if (!file) return undefined;
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
      return timed(`read stored ${part}`, () => JSON.parse(text)) as T;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
