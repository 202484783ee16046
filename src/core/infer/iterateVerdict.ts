import { essMean, rhatBasic } from '../diagnose';
import { fmt } from './adviContext';
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
  /** Smallest ESS of the iterates (NaN when every quantity is constant). */
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
 * in posterior sds) is below `mcseThreshold`. With fewer than MIN_ESS effective iterates the ESS is
 * itself unreliable and the MCSE is bounded by the iterates' sd (ESS ≥ 1).
 */
export function judgeIterates(trace: IterateTrace, window: number, names: readonly string[], rhatThreshold: number, mcseThreshold: number): Verdict {
  const P = trace.width;
  const n = P / 2;
  const series = new Float64Array(window);
  const half = Math.floor(window / 2);
  const avgLogSd = new Float64Array(n);
  for (let k = n; k < P; k++) avgLogSd[k - n] = meanOf(trace.series(k, window, series), 0, window);
  const scale = (k: number) => (k < n ? Math.exp(avgLogSd[k]) : 1);
  let rhat = 1, drift = 0;
  let worst = '';
  for (let k = 0; k < P; k++) {
    trace.series(k, window, series);
    const r = rhatBasic(series); // NaN for a constant series, which is stationary
    drift = Math.max(drift, Math.abs(meanOf(series, half, window) - meanOf(series, 0, half)) / scale(k));
    if (r > rhat) { rhat = r; worst = names[k]; }
  }
  const stationary = rhat < rhatThreshold;
  if (!stationary) return { window, rhat, drift, mcse: NaN, ess: NaN, stationary, precise: false, worst };
  // the ESS costs an FFT per quantity: take the quantities in the order of a rough MCSE (lag-1
  // autocorrelation) and stop at the first that is not precise
  const rough = new Float64Array(P);
  const sds = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    trace.series(k, window, series);
    sds[k] = sdOf(series);
    rough[k] = (sds[k] * Math.sqrt(lag1Time(series) / window)) / scale(k);
  }
  const order = Array.from({ length: P }, (_, k) => k).sort((a, b) => rough[b] - rough[a]);
  let mcse = 0;
  let minEss = NaN;
  for (const k of order) {
    if (sds[k] === 0) continue; // constant: exact
    const ess = essMean(trace.series(k, window, series));
    if (!(ess >= minEss)) minEss = ess;
    const e = (ess >= MIN_ESS ? sds[k] / Math.sqrt(ess) : sds[k]) / scale(k);
    if (e > mcse) { mcse = e; worst = names[k]; }
    if (!(mcse < mcseThreshold)) break;
  }
  return { window, rhat, drift, mcse, ess: minEss, stationary, precise: mcse < mcseThreshold, worst };
}

/** Integrated autocorrelation time of an AR(1) with the series' lag-1 autocorrelation (at least 1). */
function lag1Time(x: Float64Array): number {
  const m = meanOf(x, 0, x.length);
  let c0 = 0, c1 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    c0 += d * d;
    if (i > 0) c1 += d * (x[i - 1] - m);
  }
  const r = c0 > 0 ? Math.min(0.99, c1 / c0) : 0;
  return Math.max(1, (1 + r) / (1 - r));
}

/** The verdict behind a stop, in words: "R̂ 1.031, MCSE 0.021 sd". */
export function describeStop(v: Verdict): string {
  return `R̂ ${v.rhat.toFixed(3)}, MCSE ${fmt(v.mcse, 2)} sd`;
}

/** Why a verdict does not (yet) allow stopping, in words. */
export function describeVerdict(v: Verdict | null, rhatThreshold: number, mcseThreshold: number): string {
  if (!v) return 'too few iterations to judge stationarity';
  if (!v.stationary) return `iterates not stationary (R̂ ${v.rhat.toFixed(3)} at ${v.worst}, threshold ${rhatThreshold}; it moved ${fmt(v.drift, 2)} sd across the last ${v.window} iterations)`;
  if (!(v.ess >= MIN_ESS)) return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but too autocorrelated to judge the average (ESS ${fmt(v.ess, 2)} < ${MIN_ESS}; MCSE bound ${fmt(v.mcse, 2)} sd at ${v.worst})`;
  return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but the iterate average is not yet precise (MCSE ${fmt(v.mcse, 2)} sd at ${v.worst}, threshold ${mcseThreshold})`;
}

function meanOf(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  return s / (to - from);
}

function sdOf(x: Float64Array): number {
  const m = meanOf(x, 0, x.length);
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
  return Math.sqrt(v / (x.length - 1));
}
