// The whole engine as one path: check -> data -> compile -> fit / reference / compare -> results.
// Used by the worker (src/worker.ts), the CLI and the tests.
export * from './pipelineTypes';
export { prepareModel, parseDataValues, sha256 } from './prepareModel';
export type { PreparedModel, PrepareOutcome } from './prepareModel';
export { runVariationalFit, fitPrepared } from './runVariationalFit';
export type { VariationalRun } from './runVariationalFit';
export { runNutsFit, nutsPrepared } from './runNutsFit';
export type { NutsRun } from './runNutsFit';
export { runReference, referencePrepared } from './runReference';
export type { ReferenceRun } from './runReference';
export { runCompare, buildCompareReport, referenceInput } from './runCompare';
export type { CompareRequest } from './runCompare';
export { importDraws } from './importDraws';
export { parseCmdStanCsv, stanName } from './parseCmdStanCsv';
export { formatRunError } from './runError';
export { modelTarget } from './modelTarget';
export { constrainDraws, outputNames } from './constrainDraws';
