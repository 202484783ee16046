/**
 * Convergence and importance-sampling diagnostics, as R's posterior 1.4 and loo 2.5.1 compute
 * them (checked against fixtures made by test/fixtures/diagnose/make_fixtures.R).
 * Draws are chains of one scalar quantity: Float64Array[] of equal lengths, or one Float64Array.
 * Where posterior returns NA (constant or non-finite draws, too few draws) these return NaN.
 */
export { asChains, flattenChains, splitChains } from './draws';
export type { Chains, ChainsInput } from './draws';
export { rhat, rhatBasic } from './rhat';
export { essBasic, essBulk, essFromAutocovariance, essMean, essMedian, essQuantile, essSd, essTail } from './ess';
export { mcseMean, mcseMedian, mcseQuantile, mcseSd } from './mcse';
export { mad, median, quantile } from './quantile';
export { autocovariance } from './autocovariance';
export { zScale, foldDraws, averageRanks } from './rank';
export { summariseChains, summariseDraws } from './summarise';
export type { DrawsSummary } from './summarise';
export { psis, paretoTailLength } from './psis';
export type { PsisResult } from './psis';
export { gpdfit, gpdQuantile } from './gpdfit';
export type { GpdFit, GpdfitOptions } from './gpdfit';
export { paretoKThreshold } from './paretoKThreshold';
export { importanceResample } from './importanceResample';
export type { ResampleMethod, Uniform } from './importanceResample';
