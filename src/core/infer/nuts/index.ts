/**
 * NUTS as Stan's `sample` does it: multinomial NUTS with the generalized no-U-turn criterion,
 * windowed adaptation of the step size and the (diagonal or dense) metric, Stan's random inits,
 * chains in worker threads (runChains) or in this thread (runChainsInThread).
 */
export { runChains } from './runChains';
export { runChainsInThread } from './runChainsInThread';
export { NutsChain } from './nutsChain';
export { checkRunOptions, defaultNutsChainOptions, resolveChainOptions } from './nutsOptions';
export type { NutsChainOptions, NutsRunOptions, NutsProgress } from './nutsOptions';
export type { NutsChainResult, NutsResult, SamplerDiagnostics } from './nutsResult';
export { createTargetFromSpec, registerTargetFactory } from './targetFactory';
export type { TargetFactorySpec, TargetFactory } from './targetFactory';
export { serveNutsChains } from './chainWorker';
export { closeWorkerPool } from './workerPool';
export type { ChainWorkerData } from './chainWorker';
export { AdaptationWindows } from './adaptationWindows';
export { coordinateDraws, summariseNuts } from './summariseNuts';
