import { fmt } from './adviContext';
import { iterateEss, windowMean } from './iterateEss';
import type { IterateTrace } from './iterateTrace';

/** Fewest effective iterates for an MCSE of the iterate average to be trusted (viabel's W_min / 8). */
export const MIN_ESS = 25;

/** How the optimiser iterates over a window look, judged on the summaries [means (n), log sds (n)]. */
export interface Verdict {
  window: number;
  /** Max split-R̂ over the quantities (1 when all are constant). */
  rhat: number;
  /** Max movement of a quantity across the window: |mean of its second half − first half|, in posterior sds. */
  drift: number;
  /** Max MCSE of the window averages in sd units (means relative to the sd, log sds absolute); an upper bound where the ESS cannot be trusted. When not precise: the first quantity found above the threshold. */
  mcse: number;
  /** Smallest ESS of the iterates judged (NaN when every quantity is constant). */
  ess: number;
  /** Every quantity has R̂ below the threshold. */
  stationary: boolean;
  /** Stationary, and every MCSE below its threshold. */
  precise: boolean;
  /** The quantity that decides the verdict: the worst for R̂ when not stationary, else the least precise. */
  worst: string;
}

/**
 * Judges the last `window` rows of the summaries (Dhaka et al. 2020): stationary when every split-R̂
 * is below `rhatThreshold`; the iterate average precise when every MCSE (sd of the iterates / √ESS,
 * in posterior sds) is below `mcseThreshold` and every ESS at least MIN_ESS (viabel's ESS_min): with
 * fewer effective iterates the ESS is itself unreliable, and the MCSE reported is the bound by the
 * iterates' sd (ESS ≥ 1). A constant quantity is exact.
 */
export function judgeIterates(trace: IterateTrace, window: number, names: readonly string[], rhatThreshold: number, mcseThreshold: number): Verdict {
  const P = trace.width;
  const n = P / 2;
  const series = new Float64Array(window);
  const avgLogSd = new Float64Array(n);
  for (let k = n; k < P; k++) avgLogSd[k - n] = windowMean(trace.series(k, window, series), 0, window);
  const scale = (k: number) => (k < n ? Math.exp(avgLogSd[k]) : 1);
  const sds = new Float64Array(P);
  const rough = new Float64Array(P);
  let rhat = 1, drift = 0;
  let worst = '';
  for (let k = 0; k < P; k++) {
    const s = seriesStats(trace.series(k, window, series));
    sds[k] = s.sd;
    rough[k] = (s.sd * Math.sqrt(s.lag1Time / window)) / scale(k);
    drift = Math.max(drift, s.drift / scale(k));
    if (s.rhat > rhat) { rhat = s.rhat; worst = names[k]; } // NaN (constant) is stationary
  }
  const stationary = rhat < rhatThreshold;
  if (!stationary) return { window, rhat, drift, mcse: NaN, ess: NaN, stationary, precise: false, worst };
  // the ESS costs passes over the window per quantity: take the quantities in the order of a rough
  // MCSE (lag-1 autocorrelation) and stop at the first that is not precise
  const order = Array.from({ length: P }, (_, k) => k).sort((a, b) => rough[b] - rough[a]);
  let mcse = 0;
  let minEss = NaN;
  let moved = 0;
  for (const k of order) {
    if (sds[k] === 0) continue; // constant: exact
    const ess = iterateEss(trace.series(k, window, series));
    if (Number.isNaN(ess)) continue; // constant to machine precision
    moved++;
    if (!(ess >= minEss)) minEss = ess;
    if (ess < MIN_ESS) {
      // an MCSE from this few effective iterates is itself unreliable (viabel's ESS_min): report its bound
      mcse = Math.max(mcse, sds[k] / scale(k));
      worst = names[k];
      break;
    }
    const e = sds[k] / Math.sqrt(ess) / scale(k);
    if (e > mcse) { mcse = e; worst = names[k]; }
    if (!(mcse < mcseThreshold)) break;
  }
  if (moved === 0) {
    // nothing moved at all: not an optimum (noisy gradients always move the iterates) but a stuck optimiser
    return { window, rhat, drift, mcse: 0, ess: NaN, stationary: false, precise: false, worst: 'every quantity (the iterates did not move at all)' };
  }
  return { window, rhat, drift, mcse, ess: minEss, stationary, precise: mcse < mcseThreshold && !(minEss < MIN_ESS), worst };
}

/**
 * One pass over a window: split-R̂ as posterior's rhat_basic on one chain (two halves, the middle
 * draw of an odd window dropped; NaN when constant), the move between the halves' means, the sd, and
 * the integrated autocorrelation time of an AR(1) with the window's lag-1 autocorrelation (at least 1).
 */
function seriesStats(x: Float64Array): { rhat: number; drift: number; sd: number; lag1Time: number } {
  const N = x.length;
  const h = Math.floor(N / 2);
  const m1 = windowMean(x, 0, h), m2 = windowMean(x, N - h, N), m = windowMean(x, 0, N);
  let v1 = 0, v2 = 0, c0 = 0, c1 = 0;
  for (let i = 0; i < h; i++) {
    v1 += (x[i] - m1) ** 2;
    v2 += (x[N - h + i] - m2) ** 2;
  }
  for (let i = 0; i < N; i++) {
    const d = x[i] - m;
    c0 += d * d;
    if (i > 0) c1 += d * (x[i - 1] - m);
  }
  const within = (v1 + v2) / (2 * (h - 1));
  const between = (h * (m1 - m2) ** 2) / 2;
  const rhat = within > 0 ? Math.sqrt((between / within + h - 1) / h) : NaN;
  const r = c0 > 0 ? Math.min(0.99, c1 / c0) : 0;
  return { rhat, drift: Math.abs(m2 - m1), sd: Math.sqrt(c0 / (N - 1)), lag1Time: Math.max(1, (1 + r) / (1 - r)) };
}

/** The verdict behind a stop, in words: "R̂ 1.031, MCSE 0.021 sd". */
export function describeStop(v: Verdict): string {
  return `R̂ ${v.rhat.toFixed(3)}, MCSE ${fmt(v.mcse, 2)} sd`;
}

/** Why a verdict does not (yet) allow stopping, in words. */
export function describeVerdict(v: Verdict | null, rhatThreshold: number, mcseThreshold: number): string {
  if (!v) return 'too few iterations to judge stationarity';
  if (!v.stationary) return `iterates not stationary (R̂ ${v.rhat.toFixed(3)} at ${v.worst}, threshold ${rhatThreshold}; it moved ${fmt(v.drift, 2)} sd across the last ${v.window} iterations)`;
  if (v.ess < MIN_ESS) return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but too autocorrelated to judge the average (ESS ${fmt(v.ess, 2)} < ${MIN_ESS}; MCSE bound ${fmt(v.mcse, 2)} sd at ${v.worst})`;
  return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but the iterate average is not yet precise (MCSE ${fmt(v.mcse, 2)} sd at ${v.worst}, threshold ${mcseThreshold})`;
}
