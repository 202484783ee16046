import { MessagePort, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LogDensityTarget } from '../target';
import { NutsChain } from './nutsChain';
import { NutsChainOptions } from './nutsOptions';
import { NutsChainResult } from './nutsResult';
import { createTargetFromSpec, TargetFactorySpec } from './targetFactory';
import type { PooledWorkerData } from './workerPool';

/** What a chain worker is started with (workerData). */
export interface ChainWorkerData {
  kind: 'vigil/nuts-chains';
  spec: TargetFactorySpec;
  options: NutsChainOptions;
  /** Int32Array(1) over this buffer: non-zero asks every chain to stop at its next leapfrog step. */
  cancel: SharedArrayBuffer;
}

/**
 * Messages between the runner and a chain worker. A worker started with ChainWorkerData builds its
 * target at once and runs with those options; a pooled worker (PooledWorkerData) is told what to
 * build by 'load' (kept while the key stays the same) and gets the options and cancel flag per run.
 */
export type ChainWorkerRequest =
  | { type: 'load'; key: string; spec: TargetFactorySpec }
  | { type: 'run'; chain: number; options?: NutsChainOptions; cancel?: SharedArrayBuffer };
export type ChainWorkerReply =
  | { type: 'ready'; coordinateNames: string[] }
  | { type: 'progress'; chain: number; iteration: number; total: number; phase: 'warmup' | 'sampling' | 'done' }
  | { type: 'result'; result: NutsChainResult }
  | { type: 'error'; message: string };

function transferList(r: NutsChainResult): ArrayBuffer[] {
  const bufs = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView): void => void bufs.add(a.buffer as ArrayBuffer);
  const addDiag = (d: NutsChainResult['sampler']): void => Object.values(d).forEach(add);
  add(r.draws); add(r.inverseMetric); add(r.init); addDiag(r.sampler);
  if (r.warmup) { add(r.warmup.draws); addDiag(r.warmup.sampler); }
  return [...bufs];
}

async function buildTarget(port: MessagePort, spec: TargetFactorySpec): Promise<LogDensityTarget | null> {
  try {
    const target = await createTargetFromSpec(spec);
    port.postMessage({ type: 'ready', coordinateNames: [...target.coordinateNames] } satisfies ChainWorkerReply);
    return target;
  } catch (e) {
    port.postMessage({ type: 'error', message: `could not build the target: ${e instanceof Error ? e.message : String(e)}` } satisfies ChainWorkerReply);
    return null;
  }
}

/**
 * Serves chain requests on `port`: builds the target (from the start data, or on 'load'), then runs
 * each requested chain to the end (or until the shared cancel flag is set) and posts its result.
 * Exported so a bundled worker entry can host it too.
 */
export async function serveNutsChains(port: MessagePort, data: ChainWorkerData | PooledWorkerData): Promise<void> {
  let target: LogDensityTarget | null = null;
  let key: string | null = null;
  let loading: Promise<unknown> = Promise.resolve();
  const options = 'pooled' in data ? null : data.options;
  const startFlag = 'pooled' in data ? null : new Int32Array(data.cancel);
  port.on('message', (msg: ChainWorkerRequest) => {
    if (msg.type === 'load') {
      loading = loading.then(async () => {
        if (target && key === msg.key) {
          port.postMessage({ type: 'ready', coordinateNames: [...target.coordinateNames] } satisfies ChainWorkerReply);
          return;
        }
        key = null;
        target = await buildTarget(port, msg.spec);
        if (target) key = msg.key;
      });
      return;
    }
    if (msg.type !== 'run') return;
    try {
      const opts = msg.options ?? options;
      const flag = msg.cancel ? new Int32Array(msg.cancel) : startFlag;
      if (!target || !opts || !flag) throw new Error('the chain worker has no target or options');
      const chain = new NutsChain(target, opts, msg.chain, flag, (p) =>
        port.postMessage({ type: 'progress', ...p } satisfies ChainWorkerReply));
      if (Atomics.load(flag, 0) !== 0) chain.cancel();
      chain.run();
      const result = chain.result();
      port.postMessage({ type: 'result', result } satisfies ChainWorkerReply, transferList(result));
    } catch (e) {
      port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies ChainWorkerReply);
    }
  });
  if (!('pooled' in data)) target = await buildTarget(port, data.spec);
}

if (!isMainThread && parentPort && (workerData as ChainWorkerData | undefined)?.kind === 'vigil/nuts-chains') {
  void serveNutsChains(parentPort, workerData as ChainWorkerData | PooledWorkerData);
}
