import { essMean, rhatBasic } from '../diagnose';
import { fmt } from './adviContext';
import type { IterateTrace } from './iterateTrace';

/** Fewest effective iterates for an MCSE of the iterate average to be trusted. */
export const MIN_ESS = 25;

/** How the optimiser iterates over a window look. */
export interface Verdict {
  /** Max split-R̂ over the judged quantities (1 when all are constant). */
  rhat: number;
  /** Max MCSE of their window averages (means in units of the sd); NaN when not judged, Infinity when too few effective iterates. */
  mcse: number;
  window: number;
  /** Smallest effective sample size of the iterates over the window (when judged). */
  ess?: number;
  /** Name of the worst quantity for R̂ (or MCSE when stationary). */
  worst: string;
}

/**
 * Max split-R̂ of the last `window` rows of the summaries [means (n), log sds (n)]; when below
 * `rhatThreshold` and `withMcse`, also the max MCSE of their window averages, the means' in units
 * of the averaged sd, the log sds' absolute (a relative error in the sd).
 */
export function judgeIterates(trace: IterateTrace, window: number, names: readonly string[], withMcse: boolean, rhatThreshold = Infinity): Verdict {
  const P = trace.width;
  const n = P / 2;
  const series = new Float64Array(window);
  let rhat = 0;
  let worst = '';
  for (let k = 0; k < P; k++) {
    const r = rhatBasic(trace.series(k, window, series));
    if (r > rhat) { rhat = r; worst = names[k]; } // NaN: a constant series, which is stationary
  }
  if (rhat === 0) rhat = 1;
  if (!withMcse || !(rhat < rhatThreshold)) return { rhat, mcse: NaN, window, worst };
  const avg = trace.average(window);
  let mcse = 0;
  let minEss = Infinity;
  for (let k = 0; k < P; k++) {
    trace.series(k, window, series);
    const ess = essMean(series);
    if (Number.isNaN(ess)) continue; // constant: exact
    minEss = Math.min(minEss, ess);
    const scale = k < n ? Math.exp(avg[n + k]) : 1;
    const e = sdOf(series) / Math.sqrt(ess) / scale;
    if (e > mcse) { mcse = e; worst = names[k]; }
  }
  // an MCSE from a handful of effective draws is itself unreliable: count it as not precise yet
  if (minEss < MIN_ESS) mcse = Infinity;
  return { rhat, mcse, window, worst, ess: minEss };
}

/** Why a verdict does not (yet) allow stopping, in words. */
export function describeVerdict(v: Verdict | null, rhatThreshold: number, mcseThreshold: number): string {
  if (!v) return 'too few iterations to judge stationarity';
  if (!(v.rhat < rhatThreshold)) return `iterates not stationary (R̂ ${v.rhat.toFixed(3)} at ${v.worst}, threshold ${rhatThreshold})`;
  if (v.ess !== undefined && v.ess < MIN_ESS) return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but too autocorrelated to judge the average (ESS ${fmt(v.ess, 2)} < ${MIN_ESS})`;
  if (Number.isNaN(v.mcse)) return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but the iterate average was not yet judged`;
  return `iterates stationary (R̂ ${v.rhat.toFixed(3)}) but the iterate average is not yet precise (MCSE ${fmt(v.mcse, 2)} at ${v.worst}, threshold ${mcseThreshold})`;
}

function sdOf(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
  return Math.sqrt(v / (x.length - 1));
}
