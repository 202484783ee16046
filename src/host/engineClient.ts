// Runs fits in dist/worker.js on a worker_threads Worker (one per run), so the extension host never
// computes. Cancel asks the worker first; a worker that does not answer (a runaway model loop) is
// terminated well within a second and the run is reported as such.
import { Worker } from 'node:worker_threads';
import { timed } from './blockMeter';
import type { CompareReport, FitResult, RunError, WorkerMessage, WorkerRequest } from '../protocol';

export type RunRequest = Exclude<WorkerRequest, { type: 'fit/cancel' }>;

export type RunOutcome =
  | { kind: 'result'; result: FitResult | CompareReport; warnings: RunError[] }
  | { kind: 'error'; errors: RunError[] }
  | { kind: 'cancelled' }
  | { kind: 'terminated'; afterMs: number }
  | { kind: 'crashed'; message: string };

export interface RunHandle {
  id: string;
  request: RunRequest;
  cancel(): void;
  done: Promise<RunOutcome>;
}

// How long a cancelled worker gets to answer before it is terminated.
export const cancelGraceMs = 600;

let counter = 0;

export function newRunId(): string {
  counter += 1;
  return `run-${Date.now().toString(36)}-${counter}`;
}

export class EngineClient {
  private readonly running = new Map<string, RunHandle>();

  constructor(private readonly workerPath: string) {}

  get active(): RunHandle[] {
    return [...this.running.values()];
  }

  start(request: RunRequest, onMessage: (m: WorkerMessage) => void): RunHandle {
    const worker = timed('start worker', () => new Worker(this.workerPath));
    let settle!: (o: RunOutcome) => void;
    const done = new Promise<RunOutcome>((resolve) => (settle = resolve));
    let finished = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (o: RunOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(killTimer);
      this.running.delete(request.id);
      void worker.terminate();
      settle(o);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (finished || m.id !== request.id) return;
      if (m.type === 'fit/progress') onMessage(m);
      else {
        onMessage(m);
        if (m.type === 'fit/result') finish({ kind: 'result', result: m.result, warnings: m.warnings ?? [] });
        else if (m.type === 'fit/error') finish({ kind: 'error', errors: m.errors });
        else finish({ kind: 'cancelled' });
      }
    });
    worker.on('error', (e) => finish({ kind: 'crashed', message: e instanceof Error ? e.message : String(e) }));
    worker.on('exit', (code) => finish({ kind: 'crashed', message: `the engine worker exited (code ${code}) without a result` }));
    const handle: RunHandle = {
      id: request.id,
      request,
      done,
      cancel: () => {
        if (finished || killTimer) return;
        const asked = Date.now();
        worker.postMessage({ type: 'fit/cancel', id: request.id } satisfies WorkerRequest);
        killTimer = setTimeout(() => finish({ kind: 'terminated', afterMs: Date.now() - asked }), cancelGraceMs);
      },
    };
    this.running.set(request.id, handle);
    worker.postMessage(request);
    return handle;
  }

  dispose(): void {
    for (const h of this.running.values()) h.cancel();
  }
}
