import * as os from 'node:os';
import { Worker } from 'node:worker_threads';

/** What a pooled chain worker is started with (workerData): it then waits for 'load' and 'run'. */
export interface PooledWorkerData {
  kind: 'vigil/nuts-chains';
  pooled: true;
}

const IDLE_MS = 60_000; // an idle worker (and the model it compiled) is kept this long

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
  onGone: () => void;
}

const idle = new Map<string, Idle[]>(); // by worker script

function dropIdle(script: string, w: Worker): void {
  const list = idle.get(script);
  const k = list ? list.findIndex((x) => x.worker === w) : -1;
  if (!list || k < 0) return;
  forget(list[k]);
  list.splice(k, 1);
}

// removeAllListeners() would also remove the Worker's internal ones: only ours come off
function forget(x: Idle): void {
  clearTimeout(x.timer);
  x.worker.off('exit', x.onGone);
  x.worker.off('error', x.onGone);
}

/**
 * A warm chain worker for `script`: an idle one from an earlier run (which keeps the target it
 * built, so a run of the same model skips start-up, compilation and much of the JIT warm-up), or a
 * new one. The caller owns it until release() or terminate().
 */
export function acquireWorker(script: string): Worker {
  const list = idle.get(script);
  const got = list?.pop();
  if (got) {
    forget(got);
    got.worker.ref();
    return got.worker;
  }
  return new Worker(script, { workerData: { kind: 'vigil/nuts-chains', pooled: true } satisfies PooledWorkerData });
}

/**
 * Gives back a healthy worker that has finished its chains (the caller has taken its own listeners
 * off). It is unref'd (an idle pool never keeps
 * the process alive) and terminated after a minute unused, or at once when the pool is full.
 */
export function releaseWorker(script: string, w: Worker): void {
  const list = idle.get(script) ?? [];
  idle.set(script, list);
  if (list.length >= os.availableParallelism()) {
    void w.terminate();
    return;
  }
  const timer = setTimeout(() => {
    dropIdle(script, w);
    void w.terminate();
  }, IDLE_MS);
  timer.unref();
  // a worker that dies while idle leaves the pool
  const onGone = (): void => dropIdle(script, w);
  w.on('exit', onGone);
  w.on('error', onGone);
  w.unref();
  list.push({ worker: w, timer, onGone });
}

/** Terminates every idle worker (e.g. when the extension deactivates). */
export async function closeWorkerPool(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((x) => {
    forget(x);
    return x.worker.terminate();
  }));
}
