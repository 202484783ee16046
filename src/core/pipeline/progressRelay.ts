// Adapts the engines' progress callbacks to ProgressUpdates: ELBO entries are batched so throttling
// downstream never loses one, and NUTS chain states are kept so each update carries every chain.
import type { FitProgress } from '../infer/progress';
import type { NutsProgress } from '../infer/nuts';
import type { ChainProgress, ElboEntry, ProgressUpdate, RunStage } from './pipelineTypes';

export function viProgress(stage: RunStage, emit: ((u: ProgressUpdate) => void) | undefined): ((p: FitProgress) => void) | undefined {
  if (!emit) return undefined;
  return (p) => {
    const elbo: ElboEntry[] | undefined = p.entry ? [{ ...p.entry }] : undefined;
    emit({ stage, phase: p.phase, iteration: p.iteration, maxIterations: p.maxIterations, ...(elbo ? { elbo } : {}), ...(p.message ? { message: p.message } : {}) });
  };
}

export function nutsProgress(stage: RunStage, numChains: number, total: number, emit: ((u: ProgressUpdate) => void) | undefined): ((p: NutsProgress) => void) | undefined {
  if (!emit) return undefined;
  const chains: ChainProgress[] = Array.from({ length: numChains }, (_, chain) => ({ chain, iteration: 0, total, phase: 'warmup' as const }));
  return (p) => {
    if (p.chain >= 0 && p.chain < numChains) chains[p.chain] = { chain: p.chain, iteration: p.iteration, total: p.total, phase: p.phase };
    const done = chains.reduce((a, c) => a + c.iteration, 0);
    const phase = chains.every((c) => c.phase === 'done') ? 'done' : chains.some((c) => c.phase === 'warmup') ? 'warmup' : 'sampling';
    emit({ stage, phase, iteration: done, maxIterations: total * numChains, chains: chains.map((c) => ({ ...c })) });
  };
}
