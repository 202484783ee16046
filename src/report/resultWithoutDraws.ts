// What the extension host keeps of a run's result: everything but the draws and the correlation
// matrices, which can run to tens of megabytes (403 names × 5000 draws for stochastic volatility). The
// worker turns those into the panel state, and serializes the full result for storage and export, so the
// host never clones, parses or stringifies them on its own thread.
import type { CompareReport, FitResult } from '../core/result/fitResult';

function fitWithoutDraws(r: FitResult): FitResult {
  return { ...r, draws: {} };
}

export function resultWithoutDraws(r: FitResult | CompareReport): FitResult | CompareReport {
  if (r.schema !== 'vigil.report') return fitWithoutDraws(r as FitResult);
  const c = r as CompareReport;
  return {
    ...c,
    approximation: fitWithoutDraws(c.approximation),
    reference: c.reference ? fitWithoutDraws(c.reference) : null,
    joint: { ...c.joint, correlation: null },
  };
}
