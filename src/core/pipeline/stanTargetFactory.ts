// How a NUTS chain worker builds its own copy of a compiled Stan model: the spec carries the source and
// the data as the data loader validated them (a Map, cloned to the worker as it is); the worker compiles
// them (a few ms, no second validation) and adapts the model to a LogDensityTarget.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileModel, type ModelData } from '../codegen/loadModel';
import type { LogDensityTarget } from '../infer/target';
import type { TargetFactorySpec } from '../infer/nuts';
import { modelTarget } from './modelTarget';

export interface StanTargetArgs {
  source: string;
  data: ModelData;
}

// The name a bundled chain worker registers this factory under (see chainWorkerEntry.ts).
export const STAN_TARGET_FACTORY = 'vigil:stan';

export function createStanTarget(args: unknown): LogDensityTarget {
  const { source, data } = args as StanTargetArgs;
  const compiled = compileModel(source, data);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  return modelTarget(compiled.model);
}

// Where the chain workers come from. Compiled by tsc (out/), this module sits beside its .js file and the
// engine's chainWorker.js is found by runChains itself; bundled by esbuild (dist/), the module path does not
// exist and dist/chainWorker.js (chainWorkerEntry.ts) registers the factory by name.
export function stanTargetSpec(args: StanTargetArgs): { spec: TargetFactorySpec; workerScript?: string } {
  const local = path.join(__dirname, 'stanTargetFactory.js');
  if (existsSync(local)) return { spec: { module: local, export: 'createStanTarget', args } };
  return { spec: { module: STAN_TARGET_FACTORY, args }, workerScript: path.join(__dirname, 'chainWorker.js') };
}
