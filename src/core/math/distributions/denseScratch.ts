/**
 * Growable module-level work arrays for the multivariate kernels, so that repeated calls of the
 * same size allocate nothing. Slot i is independent of slot j; a kernel owns its slots only for
 * the duration of one call.
 */
const slots: Float64Array[] = [];

export function work(slot: number, n: number): Float64Array {
  let a = slots[slot];
  if (a === undefined || a.length < n) {
    a = new Float64Array(Math.max(n, 16, a === undefined ? 0 : 2 * a.length));
    slots[slot] = a;
  }
  return a;
}
