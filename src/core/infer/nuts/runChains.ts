import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ChainWorkerReply, ChainWorkerRequest } from './chainWorker';
import { checkRunOptions, NutsRunOptions, resolveChainOptions, NutsChainOptions } from './nutsOptions';
import { combineChains, invalidRun, emptyDiagnostics, NutsChainResult, NutsResult } from './nutsResult';
import { TargetFactorySpec } from './targetFactory';
import { acquireWorker, releaseWorker } from './workerPool';

/** A chain that produced nothing (not started before a cancel, or its worker died). */
function emptyChain(chain: number, dim: number, o: NutsChainOptions, status: NutsChainResult['status'], message?: string): NutsChainResult {
  return {
    chain, seed: o.seed, status, ...(message ? { message } : {}), dim, draws: new Float64Array(0), numDraws: 0,
    sampler: emptyDiagnostics(0), stepsize: NaN, inverseMetric: new Float64Array(0), metric: o.metric,
    init: new Float64Array(0), initTries: 0, divergences: 0, warmupDivergences: 0, treedepthSaturations: 0,
    maxDepth: o.maxDepth, gradientEvaluations: 0, timing: { warmupSeconds: 0, samplingSeconds: 0 },
  };
}

/**
 * Which targets a pooled worker may keep: equal specs build equal targets. JSON, with Maps written as
 * their entries (plain JSON writes every Map as {}) and typed arrays as a digest of their bytes.
 */
function specKey(spec: TargetFactorySpec): string {
  try {
    return JSON.stringify(spec, keyValue);
  } catch {
    return `unkeyed:${Math.random()}`; // not serialisable as JSON: never reused
  }
}

function keyValue(_key: string, v: unknown): unknown {
  if (v instanceof Map) return { map: [...v] };
  if (ArrayBuffer.isView(v)) {
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    return { [v.constructor.name]: createHash('sha256').update(bytes).digest('hex') };
  }
  return v;
}

/**
 * Runs the chains in parallel worker threads, each building its own target from `spec`
 * (default min(chains, os.availableParallelism()) threads; chains queue for a free worker).
 * Workers come from a warm pool and go back to it (see workerPool.ts): a later run of the same
 * spec reuses their target.
 * Chain k draws from new Rng(seed, k), so the draws do not depend on the number of threads.
 * Aborting `signal` raises a shared flag every worker checks at each leapfrog step; a worker still
 * busy after terminateAfterMs (a model stuck in a loop) is terminated. Never rejects for model
 * problems: they come back as a 'failed' status with a message.
 */
export function runChains(spec: TargetFactorySpec, options: NutsRunOptions = {}): Promise<NutsResult> {
  const t0 = performance.now();
  const o = resolveChainOptions(options);
  const numChains = options.chains ?? 4;
  const invalid = checkRunOptions(o, numChains);
  if (invalid) return Promise.resolve(invalidRun(invalid, o.seed));
  const threads = Math.max(1, Math.min(numChains, options.threads ?? os.availableParallelism()));
  const script = options.workerScript ?? path.join(__dirname, 'chainWorker.js');
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const results: (NutsChainResult | undefined)[] = new Array(numChains).fill(undefined);
  let names: string[] = [];
  let next = 0;

  return new Promise<NutsResult>((resolve) => {
    const live = new Set<Worker>();
    const running = new Map<Worker, number>();
    const detach = new Map<Worker, () => void>();
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const finishIfDone = (): void => {
      if (settled || live.size > 0) return;
      settled = true;
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      const aborted = Atomics.load(flag, 0) !== 0;
      const all = results.map((r, k) => r ?? emptyChain(k, names.length, o, aborted ? 'cancelled' : 'failed', aborted ? undefined : 'the chain did not run'));
      resolve(combineChains(names, o.seed, all, (performance.now() - t0) / 1000));
    };

    const retire = (w: Worker): void => {
      if (!live.delete(w)) return;
      running.delete(w);
      void w.terminate();
      finishIfDone();
    };

    // a worker with no more chains to run is healthy: back to the pool
    const release = (w: Worker): void => {
      if (!live.delete(w)) return;
      running.delete(w);
      detach.get(w)?.();
      releaseWorker(script, w);
      finishIfDone();
    };

    const assign = (w: Worker): void => {
      if (next >= numChains || Atomics.load(flag, 0) !== 0) return release(w);
      const chain = next++;
      running.set(w, chain);
      w.postMessage({ type: 'run', chain, options: o, cancel } satisfies ChainWorkerRequest);
    };

    const onAbort = (): void => {
      Atomics.store(flag, 0, 1);
      if (killTimer) return;
      killTimer = setTimeout(() => {
        for (const w of [...live]) {
          const chain = running.get(w);
          if (chain !== undefined && !results[chain]) {
            results[chain] = emptyChain(chain, names.length, o, 'cancelled', `the chain did not stop within ${options.terminateAfterMs ?? 1000} ms of the cancel (the model may be stuck in a loop); its worker was terminated`);
          }
          retire(w);
        }
      }, options.terminateAfterMs ?? 1000);
      killTimer.unref?.();
    };

    const key = specKey(spec);
    for (let i = 0; i < threads; i++) {
      const w = acquireWorker(script);
      live.add(w);
      const onMessage = (msg: ChainWorkerReply): void => {
        switch (msg.type) {
          case 'ready':
            names = msg.coordinateNames;
            assign(w);
            break;
          case 'progress':
            options.onProgress?.({ chain: msg.chain, iteration: msg.iteration, total: msg.total, phase: msg.phase });
            break;
          case 'result':
            results[msg.result.chain] = msg.result;
            running.delete(w);
            assign(w);
            break;
          case 'error': {
            const chain = running.get(w);
            if (chain !== undefined) results[chain] = emptyChain(chain, names.length, o, 'failed', msg.message);
            // no chain yet: the target could not be built, which no other worker will do better
            else for (; next < numChains; next++) results[next] = emptyChain(next, names.length, o, 'failed', msg.message);
            retire(w);
            break;
          }
        }
      };
      const onError = (err: Error): void => {
        const chain = running.get(w);
        const message = `worker error: ${err.message}`;
        if (chain !== undefined && !results[chain]) results[chain] = emptyChain(chain, names.length, o, 'failed', message);
        // a worker that dies before its first chain (e.g. a bad workerScript) takes the queue with it
        else if (chain === undefined && live.size === 1) for (; next < numChains; next++) results[next] = emptyChain(next, names.length, o, 'failed', message);
        retire(w);
      };
      const onExit = (): void => retire(w);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      // only our own listeners come off: the Worker's internal ones must stay
      detach.set(w, () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      });
      w.postMessage({ type: 'load', key, spec } satisfies ChainWorkerRequest);
    }
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
  });
}
