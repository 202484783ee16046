import type { Rng } from '../infer/rng';

export type ArgKind = 'real' | 'int';

/** Log density (value only). flags: constant-argument bits | PROPTO (see flags.ts). */
export type LogDensityFn = (flags: number, a0: number, a1: number, a2: number, a3: number) => number;
/** Log density with partials: writes d/d(arg i) into out[i] for every non-constant real argument. */
export type LogDensityPartialsFn = (out: Float64Array, flags: number, a0: number, a1: number, a2: number, a3: number) => number;
/** log cdf / log ccdf (never propto). */
export type LogCdfFn = (a0: number, a1: number, a2: number, a3: number) => number;
export type LogCdfPartialsFn = (out: Float64Array, a0: number, a1: number, a2: number, a3: number) => number;
/** Draw one variate from the family's parameters (the arguments after the variate). */
export type RngFn = (rng: Rng, p0: number, p1: number, p2: number) => number;

/**
 * A univariate distribution family: one object per Stan family, with scalar kernels that never
 * allocate. Kernels are called with the family's natural arity; JS ignores extra arguments, so
 * the vectoriser calls every family with four.
 */
export interface UnivariateFamily {
  readonly name: string;
  /** lpmf (integer variate) or lpdf. */
  readonly discrete: boolean;
  /** Stan's argument names, variate first: ['y', 'mu', 'sigma']. */
  readonly args: readonly string[];
  readonly argKinds: readonly ArgKind[];
  readonly logDensity: LogDensityFn;
  readonly logDensityWithPartials: LogDensityPartialsFn;
  readonly lcdf?: LogCdfFn;
  readonly lcdfWithPartials?: LogCdfPartialsFn;
  readonly lccdf?: LogCdfFn;
  readonly lccdfWithPartials?: LogCdfPartialsFn;
  readonly rng: RngFn;
}
