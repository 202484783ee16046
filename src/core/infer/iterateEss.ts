import { essFromAutocovariance } from '../diagnose';

/**
 * ESS of one window of optimiser iterates as posterior's ess_mean (split in two halves, the middle
 * iterate of an odd window dropped; NaN when constant or non-finite), with each lag's autocovariance
 * summed directly, only up to Geyer's cutoff: iterates forget within tens of steps, so this costs a
 * few passes over the window where the FFT of essMean costs four transforms of twice its length.
 */
export function iterateEss(x: Float64Array): number {
  const N = x.length;
  const n = Math.floor(N / 2);
  if (n < 3) return NaN;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < N; i++) {
    if (!Number.isFinite(x[i])) return NaN;
    if (x[i] < lo) lo = x[i];
    if (x[i] > hi) hi = x[i];
  }
  if (Math.abs(hi - lo) < Number.EPSILON) return NaN;
  const ma = windowMean(x, 0, n), mb = windowMean(x, N - n, N);
  // the two halves, centred, side by side
  const c = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    c[i] = x[i] - ma;
    c[n + i] = x[N - n + i] - mb;
  }
  const acov = (t: number) => {
    let s = 0;
    for (let i = 0, j = t; j < n; i++, j++) s += c[i] * c[j] + c[n + i] * c[n + j];
    return s / (2 * n);
  };
  const grand = (ma + mb) / 2;
  return essFromAutocovariance(acov, n, 2, (ma - grand) ** 2 + (mb - grand) ** 2);
}

/** Plain mean of x[from..to) (the iterate judges' own: one pass, no compensation). */
export function windowMean(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  return s / (to - from);
}
