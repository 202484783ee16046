import type { UnivariateFamily } from './family';
import { setMathError, MATH_ERR_SIZE } from './mathError';

/** One argument of a vectorised call: a scalar or any array-like (Float64Array, number[]). */
export type VecArg = number | ArrayLike<number>;

const scratch = new Float64Array(4);

function sizeOf(fn: string, args: ArrayLike<VecArg>): number {
  let n = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'number') continue;
    if (n === -1) n = a.length;
    else if (a.length !== n) {
      setMathError(fn, 'Arguments', a.length, 'must have consistent sizes', MATH_ERR_SIZE);
      return -2;
    }
  }
  return n; // -1: all scalars
}

function at(a: VecArg, i: number): number {
  return typeof a === 'number' ? a : a[i];
}

// The broadcast sum both vectorised forms share: element i's term from value(...) or, when `grads` is
// given, from withPartials(scratch, ...), whose partials are then added into grads as documented below.
function broadcastSum(
  fn: string,
  args: ArrayLike<VecArg>,
  grads: ArrayLike<Float64Array | null> | null,
  value: (v0: number, v1: number, v2: number, v3: number) => number,
  withPartials: (out: Float64Array, v0: number, v1: number, v2: number, v3: number) => number,
): number {
  const n = sizeOf(fn, args);
  if (n === -2) return NaN;
  const N = n === -1 ? 1 : n;
  const k = args.length;
  const a0 = args[0], a1 = k > 1 ? args[1] : 0, a2 = k > 2 ? args[2] : 0, a3 = k > 3 ? args[3] : 0;
  let total = 0;
  for (let i = 0; i < N; i++) {
    const v0 = at(a0, i), v1 = at(a1, i), v2 = at(a2, i), v3 = at(a3, i);
    if (grads === null) {
      total += value(v0, v1, v2, v3);
      continue;
    }
    total += withPartials(scratch, v0, v1, v2, v3);
    for (let j = 0; j < k; j++) {
      const g = grads[j];
      if (g === null || g === undefined) continue;
      if (typeof args[j] === 'number') g[0] += scratch[j];
      else g[i] += scratch[j];
    }
  }
  return total;
}

/**
 * Stan's vectorised signatures: every argument a scalar or an array of one common size N; the
 * result is the sum over elements (0 when N = 0). If `grads` is given, grads[i] receives the
 * partials of argument i ADDED into it: grads[i][0] for a scalar argument (summed over elements),
 * grads[i][n] for element n of an array argument. Pass null for arguments you do not need.
 * Returns NaN (with the error slot set) on invalid arguments or mismatched sizes.
 */
export function vectorLogDensity(
  fam: UnivariateFamily,
  flags: number,
  args: ArrayLike<VecArg>,
  grads: ArrayLike<Float64Array | null> | null,
): number {
  return broadcastSum(
    fam.name + (fam.discrete ? '_lpmf' : '_lpdf'),
    args,
    grads,
    (v0, v1, v2, v3) => fam.logDensity(flags, v0, v1, v2, v3),
    (out, v0, v1, v2, v3) => fam.logDensityWithPartials(out, flags, v0, v1, v2, v3),
  );
}

/** Vectorised lcdf/lccdf: the sum of the elementwise log cdfs, partials added as above. */
export function vectorLogCdf(
  fam: UnivariateFamily,
  upper: boolean,
  args: ArrayLike<VecArg>,
  grads: ArrayLike<Float64Array | null> | null,
): number {
  const f = upper ? fam.lccdf : fam.lcdf;
  const fp = upper ? fam.lccdfWithPartials : fam.lcdfWithPartials;
  const fn = fam.name + (upper ? '_lccdf' : '_lcdf');
  if (!f || !fp) return setMathError(fn, 'Function', NaN, 'is not available', MATH_ERR_SIZE);
  return broadcastSum(fn, args, grads, f, fp);
}
