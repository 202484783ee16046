/**
 * The comparison of a variational posterior with a reference (exact, NUTS or imported draws):
 * measures per flattened name, the joint picture, and warnings with source ranges.
 * Entry point: compareDraws(input) → CompareReport.
 */
export { compareDraws } from './compareDraws';
export type {
  ApproximationInput, ApproximationMethod, CompareInput, ConvergenceVerdict, ExactMarginal, NutsHealthInput, ReferenceInput, ReferenceKind,
} from './compareInput';
export type {
  CompareReport, CompareWarning, CorrelationPair, CorrelationReport, FunnelFinding, JointReport, KhatReport, MarginalSummary,
  ParameterMeasures, ReferenceHealth, WarningKind, WarningSeverity,
} from './compareReport';
export { defaultCompareThresholds, resolveThresholds } from './thresholds';
export type { CompareThresholds } from './thresholds';
export { wasserstein1 } from './wasserstein';
export { intervalOverlap, massInside } from './coverage';
export { marginalSummary, parameterMeasures } from './measures';
export { correlation, correlationChanges, correlationMatrix, selectCorrelationNames, strongPairs } from './correlation';
export { declarationRanges, stanVariableOf } from './declarationRanges';
export type { DeclarationInfo } from './declarationRanges';
export { scaleRelations } from './scaleRelations';
export type { ScaleRelation } from './scaleRelations';
export { detectFunnels, funnelCorrelation, nonCenteredSuggestion } from './funnel';
export { assessReferenceHealth, referenceLabel } from './referenceHealth';
export { khatReport } from './khatReport';
