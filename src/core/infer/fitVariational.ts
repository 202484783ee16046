import { fitAdvi } from './advi';
import type { AdviOptions } from './adviOptions';
import { fitPathfinder, PathfinderOptions } from './pathfinder';
import type { LogDensityTarget } from './target';
import type { VariationalResult, ViMethod } from './viResult';

export type VariationalOptions =
  | ({ method: 'meanfield' | 'fullrank' } & AdviOptions)
  | ({ method: 'pathfinder' } & PathfinderOptions);

/** One entry for every variational method: ADVI (mean-field, full-rank) or Pathfinder. */
export function fitVariational(target: LogDensityTarget, options: VariationalOptions): Promise<VariationalResult> {
  if (options.method === 'pathfinder') return fitPathfinder(target, options);
  return fitAdvi(target, options);
}

export const VI_METHODS: readonly ViMethod[] = ['meanfield', 'fullrank', 'pathfinder'];
