// The library-function tables of the code generator: for each Stan function, its value form and, where
// it is differentiable, its tape form (see emitCall.ts).
// Scalar functions: value form (a JS function expression), and the Tape method when it has one; the
// other differentiable ones are in scalarFunctions.ts (R.sf), the rest piecewise constant.
export const UNARY: Record<string, [string, string | null]> = {
  exp: ['Math.exp', 'exp'],
  log: ['Math.log', 'log'],
  sqrt: ['Math.sqrt', 'sqrt'],
  square: ['R.m.square', 'square'],
  inv: ['R.m.inv', 'inv'],
  log1p: ['Math.log1p', 'log1p'],
  expm1: ['Math.expm1', 'expm1'],
  log1m: ['R.m.log1m', 'log1m'],
  log1p_exp: ['R.m.log1pExp', 'log1p_exp'],
  inv_logit: ['R.m.invLogit', 'inv_logit'],
  logit: ['R.m.logit', 'logit'],
  log_inv_logit: ['R.m.logInvLogit', 'log_inv_logit'],
  log1m_inv_logit: ['R.m.log1mInvLogit', 'log1m_inv_logit'],
  lgamma: ['R.m.lgamma', 'lgamma'],
  abs: ['Math.abs', 'abs'],
  fabs: ['Math.abs', 'abs'],
  tanh: ['Math.tanh', 'tanh'],
  sin: ['Math.sin', 'sin'],
  cos: ['Math.cos', 'cos'],
  atan: ['Math.atan', 'atan'],
  tan: ['Math.tan', null],
  asin: ['Math.asin', null],
  acos: ['Math.acos', null],
  sinh: ['Math.sinh', null],
  cosh: ['Math.cosh', null],
  asinh: ['Math.asinh', null],
  acosh: ['Math.acosh', null],
  atanh: ['Math.atanh', null],
  cbrt: ['Math.cbrt', null],
  log2: ['Math.log2', null],
  log10: ['Math.log10', null],
  exp2: ['R.m.exp2', null],
  floor: ['Math.floor', null],
  ceil: ['Math.ceil', null],
  round: ['Math.round', null],
  trunc: ['Math.trunc', null],
  tgamma: ['R.m.tgamma', null],
  digamma: ['R.m.digamma', null],
  erf: ['R.m.erf', null],
  erfc: ['R.m.erfc', null],
  Phi: ['R.m.Phi', null],
  inv_Phi: ['R.m.invPhi', null],
  Phi_approx: ['R.m.PhiApprox', null],
  inv_sqrt: ['R.m.invSqrt', null],
  inv_square: ['R.m.invSquare', null],
  step: ['R.m.step', null],
  int_step: ['R.m.intStep', null],
  is_inf: ['R.m.isInf', null],
  is_nan: ['R.m.isNan', null],
  log1m_exp: ['R.sf.log1m_exp.f', null],
  trigamma: ['R.sf.trigamma.f', null],
  inv_cloglog: ['R.sf.inv_cloglog.f', null],
  std_normal_qf: ['R.m.invPhi', null],
  std_normal_log_qf: ['R.sf.std_normal_log_qf.f', null],
};

// Two-argument scalar functions: value form and tape method (both arguments nodes) when there is one;
// the others, and every vectorised call, use scalarFunctions.ts (R.bf).
export const BINARY: Record<string, [string, string | null]> = {
  pow: ['Math.pow', 'pow'],
  fmin: ['Math.min', 'fmin'],
  fmax: ['Math.max', 'fmax'],
  log_sum_exp: ['R.m.logSumExp2', 'log_sum_exp2'],
  atan2: ['Math.atan2', 'atan2'],
  hypot: ['Math.hypot', null],
  fdim: ['R.m.fdim', null],
  fmod: ['R.m.fmod', null],
  lbeta: ['R.m.lbeta', null],
  lchoose: ['R.m.lchoose', null],
  binomial_coefficient_log: ['R.m.lchoose', null],
  log_diff_exp: ['R.m.logDiffExp', null],
};

// Functions whose derivative is zero almost everywhere: evaluated on values, the result is data.
export const PIECEWISE_CONSTANT = new Set(['floor', 'ceil', 'round', 'trunc', 'step', 'int_step', 'is_inf', 'is_nan']);

export const CONSTANTS: Record<string, string> = {
  pi: 'Math.PI',
  e: 'Math.E',
  sqrt2: 'Math.SQRT2',
  log2: 'Math.LN2',
  log10: 'Math.LN10',
  not_a_number: 'NaN',
  positive_infinity: 'Infinity',
  negative_infinity: '(-Infinity)',
  machine_precision: 'Number.EPSILON',
};

export const MATRIX_DENSITIES: Record<string, string> = {
  lkj_corr: 'lkjCorr',
  wishart: 'wishart',
  inv_wishart: 'invWishart',
  ordered_logistic: 'orderedLogistic',
};

// GLM densities (glmDensities.ts, as R.gd.<name>), called like the matrix densities.
export const GLM_DENSITIES: Record<string, string> = {
  bernoulli_logit_glm: 'bernoulliLogitGlm',
  poisson_log_glm: 'poissonLogGlm',
  normal_id_glm: 'normalIdGlm',
};

export const MULTIVARIATE: Record<string, string> = {
  dirichlet: 'R.mvd.dirichlet',
  lkj_corr_cholesky: 'R.mvd.lkjCorrCholesky',
  multi_normal_cholesky: 'R.mvd.multiNormalCholesky',
  multi_normal: 'R.mvd.multiNormal',
};

// Container functions: value form only; in gradient code parameter-dependent arguments use the tape
// form when one exists (see CONTAINER_GRAD) or are not yet supported.
export const CONTAINER: Record<string, string> = {
  sum: 'R.c.sum',
  dot_self: 'R.c.dotSelf',
  dot_product: 'R.dot',
  num_elements: 'R.c.numElements',
  size: 'R.c.size',
  rows: 'R.c.rows',
  cols: 'R.c.cols',
  rep_vector: 'R.c.repVector',
  rep_row_vector: 'R.c.repVector',
  rep_array: 'R.c.repArray',
  rep_matrix: 'R.c.repMatrix',
  to_vector: 'R.c.toVector',
  to_row_vector: 'R.c.toVector',
  to_array_1d: 'R.c.toArray1d',
  softmax: 'R.c.softmax',
  log_softmax: 'R.c.logSoftmax',
  cumulative_sum: 'R.c.cumulativeSum',
  head: 'R.c.head',
  tail: 'R.c.tail',
  segment: 'R.c.segment',
  diag_pre_multiply: 'R.c.diagPreMultiply',
  col: 'R.c.col',
  row: 'R.c.row',
  identity_matrix: 'R.c.identityMatrix',
  linspaced_vector: 'R.c.linspaced',
  quad_form_diag: 'R.c.quadFormDiag',
  add_diag: 'R.c.addDiag',
  sort_indices_asc: 'R.c.sortIndicesAsc',
  sort_indices_desc: 'R.c.sortIndicesDesc',
  rank: 'R.c.rank',
  mdivide_left_tri_low: 'R.la.mdivideLeftTriLow',
  mdivide_right_tri_low: 'R.la.mdivideRightTriLow',
  qr_thin_Q: 'R.la.qrThinQ',
  qr_thin_R: 'R.la.qrThinR',
  zeros_vector: 'R.c.zerosVector',
  zeros_row_vector: 'R.c.zerosVector',
  ones_vector: 'R.c.onesVector',
  ones_row_vector: 'R.c.onesVector',
  zeros_array: 'R.c.zerosArray',
  zeros_int_array: 'R.c.zerosArray',
  ones_array: 'R.c.onesArray',
  ones_int_array: 'R.c.onesArray',
  uniform_simplex: 'R.c.uniformSimplex',
  one_hot_vector: 'R.c.oneHotVector',
  one_hot_row_vector: 'R.c.oneHotVector',
  one_hot_array: 'R.c.oneHotArray',
  one_hot_int_array: 'R.c.oneHotArray',
  linspaced_row_vector: 'R.c.linspaced',
  linspaced_array: 'R.c.linspacedArray',
};

// Tape forms of container functions whose arguments may be parameters: code template over the
// (already emitted) arguments; `lift` says data arguments are lifted to nodes first.
export const CONTAINER_GRAD: Record<string, (a: string[], mask: number) => string> = {
  sum: (a) => `G.sumG(T, ${a[0]})`,
  dot_self: (a) => `G.dotSelfG(T, ${a[0]})`,
  dot_product: (a, m) => `G.dotG(T, ${a[0]}, ${a[1]}, ${m})`,
  num_elements: (a) => `R.c.numElements(${a[0]})`,
  size: (a) => `R.c.size(${a[0]})`,
  rows: (a) => `R.c.rows(${a[0]})`,
  cols: (a) => `R.c.cols(${a[0]})`,
  rep_vector: (a) => `R.c.repVector(${a[0]}, ${a[1]}, true)`,
  rep_row_vector: (a) => `R.c.repVector(${a[0]}, ${a[1]}, true)`,
  rep_array: (a) => `R.c.repArray(${a.join(', ')})`,
  to_vector: (a) => `R.c.toVector(${a[0]}, true)`,
  to_row_vector: (a) => `R.c.toVector(${a[0]}, true)`,
  to_array_1d: (a) => `R.c.toArray1d(${a[0]})`,
  head: (a) => `R.c.head(${a[0]}, ${a[1]})`,
  tail: (a) => `R.c.tail(${a[0]}, ${a[1]})`,
  segment: (a) => `R.c.segment(${a[0]}, ${a[1]}, ${a[2]})`,
  col: (a) => `R.c.col(${a[0]}, ${a[1]})`,
  row: (a) => `R.c.row(${a[0]}, ${a[1]})`,
  softmax: (a) => `R.c.softmaxOps(T, ${a[0]})`,
  log_softmax: (a) => `R.c.logSoftmaxOps(T, ${a[0]})`,
  cumulative_sum: (a) => `R.c.cumulativeSumOps(T, ${a[0]})`,
  diag_pre_multiply: (a) => `R.c.diagPreMultiplyOps(T, ${a[0]}, ${a[1]})`,
  mdivide_left_tri_low: (a) => `R.la.mdivideLeftTriLowOps(T, ${a[0]}, ${a[1]})`,
  mdivide_right_tri_low: (a) => `R.la.mdivideRightTriLowOps(T, ${a[0]}, ${a[1]})`,
  quad_form_diag: (a) => `R.c.quadFormDiagOps(T, ${a[0]}, ${a[1]})`,
  add_diag: (a) => `R.c.addDiagOps(T, ${a[0]}, ${a[1]})`,
  rep_matrix: (a) => `R.c.repMatrix(${a.join(', ')})`,
  // Integer results: computed on the values.
  sort_indices_asc: (a) => `R.c.sortIndicesAsc(G.valueOf(T, ${a[0]}))`,
  sort_indices_desc: (a) => `R.c.sortIndicesDesc(G.valueOf(T, ${a[0]}))`,
  rank: (a) => `R.c.rank(G.valueOf(T, ${a[0]}), ${a[1]})`,
};
// Container functions whose tape form needs some arguments as nodes (by position).
export const LIFT_SOME: Record<string, number[]> = { quad_form_diag: [0, 1] };
// Container functions whose tape form needs every real argument as nodes.
export const LIFT_ALL = new Set(['mdivide_left_tri_low', 'mdivide_right_tri_low', 'add_diag', 'rep_matrix', 'rep_array', 'softmax', 'log_softmax', 'cumulative_sum', 'diag_pre_multiply', 'rep_vector', 'rep_row_vector']);

