// Exact posteriors: closed forms for conjugate models, quadrature for one or two dimensions.
export { exactPosterior, conjugatePosterior, type ExactPosteriorInput } from './exactPosterior';
export { exactPosteriorFromSource } from './exactPosteriorFromSource';
export type { ExactParameterSummary, ExactPosteriorFailure, ExactPosteriorOk, ExactPosteriorResult } from './exactTypes';
export { quadraturePosterior } from './quadraturePosterior';
export { type QuadratureTarget, quadratureTargetFromModel } from './quadratureTarget';
export { drawToJson } from './drawToJson';
