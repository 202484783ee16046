import * as path from 'node:path';
import { LogDensityTarget } from '../target';

/**
 * How a worker thread builds its own copy of a target: require(`module`) and call its export
 * `export` (default 'createTarget') with `args`. Everything here must survive structured cloning.
 * A compiled Stan model is described the same way: the module is the compiler's loader and the
 * args carry the emitted JavaScript source and the data.
 */
export interface TargetFactorySpec {
  /** An absolute path (or a package name) that require() resolves inside the worker. */
  module: string;
  /** The exported factory: (args) => LogDensityTarget | Promise<LogDensityTarget>. */
  export?: string;
  args?: unknown;
}

export type TargetFactory = (args: unknown) => LogDensityTarget | Promise<LogDensityTarget>;

const registry = new Map<string, TargetFactory>();

/**
 * Registers a factory under a name that specs may give as `module` (checked before require).
 * A bundled worker, where module paths do not exist, registers e.g. 'vigil:stan' at load time.
 */
export function registerTargetFactory(name: string, factory: TargetFactory): void {
  registry.set(name, factory);
}

/** Builds the target a spec describes (used by the worker; also usable in-thread). */
export async function createTargetFromSpec(spec: TargetFactorySpec): Promise<LogDensityTarget> {
  const registered = registry.get(spec.module);
  if (registered) return checkTarget(await registered(spec.args), spec.module);
  if (!path.isAbsolute(spec.module) && spec.module.startsWith('.')) {
    throw new Error(`target factory module must be an absolute path or a package name, got '${spec.module}'`);
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(spec.module) as Record<string, unknown>;
  const name = spec.export ?? 'createTarget';
  const factory = mod[name];
  if (typeof factory !== 'function') throw new Error(`module '${spec.module}' has no exported function '${name}'`);
  return checkTarget(await (factory as TargetFactory)(spec.args), `'${name}' in '${spec.module}'`);
}

function checkTarget(target: LogDensityTarget, what: string): LogDensityTarget {
  if (!target || typeof target.dim !== 'number' || typeof target.logDensityGradient !== 'function') {
    throw new Error(`${what} did not return a LogDensityTarget`);
  }
  return target;
}
