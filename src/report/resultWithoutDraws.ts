// What the extension host keeps of a run's result: everything but the draws and the correlation
// matrices, which can run to tens of megabytes (403 names × 5000 draws for stochastic volatility). The
// worker turns those into the panel state, and serializes the full result for storage and export, so the
// host never clones, parses or stringifies them on its own thread.
import { isCompareReport, type CompareReport, type FitResult } from '../core/result/fitResult';

function fitWithoutDraws(r: FitResult): FitResult {
  return { ...r, draws: {} };
}

export function resultWithoutDraws(r: FitResult | CompareReport): FitResult | CompareReport {
  if (!isCompareReport(r)) return fitWithoutDraws(r);
  return {
    ...r,
    approximation: fitWithoutDraws(r.approximation),
    reference: r.reference ? fitWithoutDraws(r.reference) : null,
    joint: { ...r.joint, correlation: null },
  };
}
