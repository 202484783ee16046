/**
 * The GLM and multivariate kernels (value + partials in one call, partials ADDED into caller-owned
 * arrays, matrices column-major K x K, symmetric-matrix partials written to both triangles).
 * See README.md for the contract.
 */
export { normalIdGlmLpdf } from './distributions/normalIdGlm';
export { poissonLogGlmLpmf } from './distributions/poissonLogGlm';
export { bernoulliLogitGlmLpmf } from './distributions/bernoulliLogitGlm';
export type { GlmGrads } from './distributions/glmScratch';
export { dirichletLpdf, dirichletRng } from './distributions/dirichlet';
export { categoricalLpmf, categoricalRng } from './distributions/categorical';
export { categoricalLogitLpmf, categoricalLogitRng } from './distributions/categoricalLogit';
export { multinomialLpmf, multinomialRng } from './distributions/multinomial';
export { orderedLogisticLpmf, orderedLogisticRng } from './distributions/orderedLogistic';
export { multiNormalLpdf } from './distributions/multiNormal';
export { multiNormalCholeskyLpdf, type MvnGrads } from './distributions/multiNormalCholesky';
export { multiStudentTLpdf } from './distributions/multiStudentT';
export { lkjCorrCholeskyLpdf, lkjCorrCholeskyRng } from './distributions/lkjCorrCholesky';
export { lkjCorrLpdf } from './distributions/lkjCorr';
export { lkjLogConstant, lkjLogConstantDeriv } from './distributions/lkjConstant';
export { wishartLpdf, type WishartGrads } from './distributions/wishart';
export { invWishartLpdf } from './distributions/invWishart';
export { multiNormalRng, multiNormalCholeskyRng, multiStudentTRng, wishartRng } from './distributions/multivariateRng';
