import { LogDensityTarget } from '../target';
import { NutsChain } from './nutsChain';
import { checkRunOptions, NutsRunOptions, resolveChainOptions } from './nutsOptions';
import { combineChains, invalidRun, NutsChainResult, NutsResult } from './nutsResult';

const SLICE_MS = 15; // work between yields to the event loop, so an abort is seen promptly

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the chains one after another in this thread (for in-process targets such as tests'),
 * yielding to the event loop every ~15 ms of work so that `signal` can cancel the run. Same seed,
 * same draws as runChains in workers.
 */
export async function runChainsInThread(target: LogDensityTarget, options: NutsRunOptions = {}): Promise<NutsResult> {
  const t0 = performance.now();
  const o = resolveChainOptions(options);
  const numChains = options.chains ?? 4;
  const invalid = checkRunOptions(o, numChains);
  if (invalid) return Promise.resolve(invalidRun(invalid, o.seed));
  const results: NutsChainResult[] = [];
  const flag = new Int32Array(1);
  const onAbort = (): void => void (flag[0] = 1);
  options.signal?.addEventListener('abort', onAbort);
  try {
    for (let k = 0; k < numChains; k++) {
      const chain = new NutsChain(target, o, k, flag, options.onProgress);
      if (options.signal?.aborted) chain.cancel();
      while (!chain.done) {
        chain.run(SLICE_MS);
        if (chain.done) break;
        await yieldToEventLoop();
        if (options.signal?.aborted) chain.cancel();
      }
      results.push(chain.result());
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return combineChains([...target.coordinateNames], o.seed, results, (performance.now() - t0) / 1000);
}
