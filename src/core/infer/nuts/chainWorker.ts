import { MessagePort, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LogDensityTarget } from '../target';
import { NutsChain } from './nutsChain';
import { NutsChainOptions } from './nutsOptions';
import { NutsChainResult } from './nutsResult';
import { createTargetFromSpec, TargetFactorySpec } from './targetFactory';

/** What a chain worker is started with (workerData). */
export interface ChainWorkerData {
  kind: 'vigil/nuts-chains';
  spec: TargetFactorySpec;
  options: NutsChainOptions;
  /** Int32Array(1) over this buffer: non-zero asks every chain to stop at its next leapfrog step. */
  cancel: SharedArrayBuffer;
}

/** Messages between the runner and a chain worker. */
export type ChainWorkerRequest = { type: 'run'; chain: number };
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

/**
 * Serves chain requests on `port`: builds the target once from the spec, then runs each requested
 * chain to the end (or until the shared cancel flag is set) and posts its result. Exported so a
 * bundled worker entry can host it too.
 */
export async function serveNutsChains(port: MessagePort, data: ChainWorkerData): Promise<void> {
  let target: LogDensityTarget;
  try {
    target = await createTargetFromSpec(data.spec);
  } catch (e) {
    port.postMessage({ type: 'error', message: `could not build the target: ${e instanceof Error ? e.message : String(e)}` } satisfies ChainWorkerReply);
    return;
  }
  const flag = new Int32Array(data.cancel);
  port.on('message', (msg: ChainWorkerRequest) => {
    if (msg.type !== 'run') return;
    try {
      const chain = new NutsChain(target, data.options, msg.chain, flag, (p) =>
        port.postMessage({ type: 'progress', ...p } satisfies ChainWorkerReply));
      if (Atomics.load(flag, 0) !== 0) chain.cancel();
      chain.run();
      const result = chain.result();
      port.postMessage({ type: 'result', result } satisfies ChainWorkerReply, transferList(result));
    } catch (e) {
      port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies ChainWorkerReply);
    }
  });
  port.postMessage({ type: 'ready', coordinateNames: [...target.coordinateNames] } satisfies ChainWorkerReply);
}

if (!isMainThread && parentPort && (workerData as ChainWorkerData | undefined)?.kind === 'vigil/nuts-chains') {
  void serveNutsChains(parentPort, workerData as ChainWorkerData);
}
