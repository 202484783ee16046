// Runs fits in dist/worker.js on a worker_threads Worker, so the extension host never computes. A worker
// that ends its run cleanly is kept for the next run (idle for at most spareIdleMs), so the NUTS chain
// workers it pools stay warm; closing it first closes that pool. Cancel asks the worker first; a worker
// that does not answer (a runaway model loop) is terminated well within a second and the run is
// reported as such.
import { Worker } from 'node:worker_threads';
import { timed } from './blockMeter';
import type { CompareReport, EngineCloseMessage, EngineClosedMessage, FitResult, RunError, StoredResult, WorkerMessage, WorkerRequest } from '../protocol';
import type { PanelState } from '../report/panelState';

export type RunRequest = Exclude<WorkerRequest, { type: 'fit/cancel' }>;

export type RunOutcome =
  // With HostRunOptions in the request: `result` without its draws, the panel state and the full result
  // serialized (see protocol.ts).
  | { kind: 'result'; result: FitResult | CompareReport; warnings: RunError[]; panel?: PanelState; stored?: StoredResult }
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
// How long a worker waits, idle, for the next run before it is closed.
const spareIdleMs = 120_000;
// How long a closing worker gets to close its chain-worker pool before it is terminated anyway.
const closeGraceMs = 2000;

interface Spare {
  worker: Worker;
  timer: NodeJS.Timeout;
  onGone: () => void;
}

let counter = 0;

export function newRunId(): string {
  counter += 1;
  return `run-${Date.now().toString(36)}-${counter}`;
}

export class EngineClient {
  private readonly running = new Map<string, RunHandle>();
  private spare: Spare | null = null;
  private disposed = false;

  constructor(private readonly workerPath: string) {}

  get active(): RunHandle[] {
    return [...this.running.values()];
  }

  start(request: RunRequest, onMessage: (m: WorkerMessage) => void): RunHandle {
    const worker = this.takeSpare() ?? timed('start worker', () => new Worker(this.workerPath));
    let settle!: (o: RunOutcome) => void;
    const done = new Promise<RunOutcome>((resolve) => (settle = resolve));
    let finished = false;
    let killTimer: NodeJS.Timeout | undefined;
    const onWorkerMessage = (m: WorkerMessage) => {
      if (finished || m.id !== request.id) return;
      onMessage(m);
      if (m.type === 'fit/result') finish({ kind: 'result', result: m.result, warnings: m.warnings ?? [], panel: m.panel, stored: m.stored });
      else if (m.type === 'fit/error') finish({ kind: 'error', errors: m.errors });
      else if (m.type === 'fit/cancelled') finish({ kind: 'cancelled' });
    };
    const onError = (e: unknown) => finish({ kind: 'crashed', message: e instanceof Error ? e.message : String(e) });
    const onExit = (code: number) => finish({ kind: 'crashed', message: `the engine worker exited (code ${code}) without a result` });
    const finish = (o: RunOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(killTimer);
      this.running.delete(request.id);
      worker.off('message', onWorkerMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      // A worker that answered is healthy: keep it for the next run. One that crashed or had to be
      // stopped is not.
      if (o.kind === 'result' || o.kind === 'error' || o.kind === 'cancelled') this.release(worker);
      else void worker.terminate();
      settle(o);
    };
    worker.on('message', onWorkerMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
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

  private takeSpare(): Worker | null {
    const s = this.spare;
    if (!s) return null;
    this.spare = null;
    clearTimeout(s.timer);
    s.worker.off('exit', s.onGone);
    s.worker.off('error', s.onGone);
    s.worker.ref();
    return s.worker;
  }

  private release(worker: Worker): void {
    // One spare at most, and none once disposed (a run cancelled by dispose() still answers).
    if (this.spare || this.disposed) {
      void closeWorker(worker);
      return;
    }
    const onGone = () => {
      if (this.spare?.worker === worker) this.takeSpare();
    };
    const timer = setTimeout(() => void this.closeIdle(), spareIdleMs);
    timer.unref();
    worker.on('exit', onGone);
    worker.on('error', onGone);
    // An idle worker never keeps the extension host alive.
    worker.unref();
    this.spare = { worker, timer, onGone };
  }

  /** Closes the idle worker, if any, and the chain workers it keeps (deactivation; tests). */
  async closeIdle(): Promise<void> {
    const worker = this.takeSpare();
    if (worker) await closeWorker(worker);
  }

  dispose(): void {
    this.disposed = true;
    for (const h of this.running.values()) h.cancel();
    void this.closeIdle();
  }
}

// Asks the worker to close its NUTS chain-worker pool, then terminates it.
async function closeWorker(worker: Worker): Promise<void> {
  let onMessage: (m: EngineClosedMessage | WorkerMessage) => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    timer = setTimeout(resolve, closeGraceMs);
    onMessage = (m) => {
      if (m?.type === 'engine/closed') resolve();
    };
    worker.on('message', onMessage);
    worker.once('exit', () => resolve());
    worker.postMessage({ type: 'engine/close' } satisfies EngineCloseMessage);
  });
  clearTimeout(timer);
  worker.off('message', onMessage);
  await worker.terminate();
}
