// The probability distributions, as data: one entry per (distribution, argument form). Each entry
// expands into the _lpdf/_lupdf (or _lpmf/_lupmf) rows, the _cdf/_lcdf/_lccdf rows when Stan has
// them, and the _rng row.

export interface DistributionSpec {
  name: string;
  kind: 'pdf' | 'pmf';
  variate: string; // the type (pseudo-type) of the outcome, the argument before `|`
  params: string[];
  cdf?: boolean;
  rng?: string; // return type of the _rng function (R / Ri: vectorised real / int)
  rngArgs?: string[]; // when the _rng arguments are not the params
}

const c = (name: string, params: string[], cdf = true, rng: string | undefined = 'R'): DistributionSpec => ({
  name,
  kind: 'pdf',
  variate: 'reals',
  params,
  cdf,
  rng,
});
const d = (name: string, params: string[], cdf = true, rng: string | undefined = 'Ri'): DistributionSpec => ({
  name,
  kind: 'pmf',
  variate: 'ints',
  params,
  cdf,
  rng,
});
const r = 'reals';
const x = 'matrix|row_vector';
const alpha = 'real|vector';

export const distributions: DistributionSpec[] = [
  // continuous, univariate, vectorised
  c('normal', [r, r]),
  { name: 'std_normal', kind: 'pdf', variate: 'reals', params: [], cdf: true, rng: 'real' },
  { name: 'normal_id_glm', kind: 'pdf', variate: 'real|vector', params: [x, alpha, 'vector', alpha] },
  c('student_t', [r, r, r]),
  c('cauchy', [r, r]),
  c('double_exponential', [r, r]),
  c('logistic', [r, r]),
  c('lognormal', [r, r]),
  c('exponential', [r]),
  c('gamma', [r, r]),
  c('inv_gamma', [r, r]),
  c('weibull', [r, r]),
  c('frechet', [r, r]),
  c('chi_square', [r]),
  c('inv_chi_square', [r]),
  c('scaled_inv_chi_square', [r, r]),
  c('beta', [r, r]),
  c('beta_proportion', [r, r]),
  c('uniform', [r, r]),
  c('pareto', [r, r]),
  c('pareto_type_2', [r, r, r]),
  c('von_mises', [r, r]),
  c('skew_normal', [r, r, r]),
  c('skew_double_exponential', [r, r, r]),
  c('exp_mod_normal', [r, r, r]),
  c('gumbel', [r, r]),
  c('rayleigh', [r]),
  c('loglogistic', [r, r]),
  c('wiener', [r, r, r, r], false, undefined),
  // the full diffusion model: a, t0, w, v, sv (, sw, st0), optionally followed by a precision
  ...[5, 6, 7, 8].map((n): DistributionSpec => ({ name: 'wiener', kind: 'pdf', variate: 'real', params: Array<string>(n).fill('real') })),
  // discrete, univariate, vectorised
  d('poisson', [r]),
  d('poisson_log', [r], false),
  d('binomial', ['ints', r]),
  d('binomial_logit', ['ints', r], false, undefined),
  d('bernoulli', [r]),
  d('bernoulli_logit', [r], false),
  d('neg_binomial', [r, r]),
  d('neg_binomial_2', [r, r]),
  d('neg_binomial_2_log', [r, r], false),
  d('beta_binomial', ['ints', r, r]),
  d('discrete_range', ['ints', 'ints']),
  d('beta_neg_binomial', [r, r, r]),
  { name: 'hypergeometric', kind: 'pmf', variate: 'int', params: ['int', 'int', 'int'], rng: 'int' },
  { name: 'categorical', kind: 'pmf', variate: 'ints', params: ['vector'], rng: 'int' },
  { name: 'categorical_logit', kind: 'pmf', variate: 'ints', params: ['vector'], rng: 'int' },
  { name: 'ordered_logistic', kind: 'pmf', variate: 'int', params: ['real', 'vector'], rng: 'int' },
  { name: 'ordered_logistic', kind: 'pmf', variate: 'array[] int', params: ['vector', 'vector|array[] vector'] },
  { name: 'ordered_probit', kind: 'pmf', variate: 'int', params: ['real', 'vector'], rng: 'int' },
  { name: 'ordered_probit', kind: 'pmf', variate: 'array[] int', params: ['vector|real', 'vector|array[] vector'] },
  { name: 'multinomial', kind: 'pmf', variate: 'array[] int', params: ['vector'], rng: 'array[] int', rngArgs: ['vector', 'int'] },
  { name: 'multinomial_logit', kind: 'pmf', variate: 'array[] int', params: ['vector'], rng: 'array[] int', rngArgs: ['vector', 'int'] },
  { name: 'dirichlet_multinomial', kind: 'pmf', variate: 'array[] int', params: ['vector'], rng: 'array[] int', rngArgs: ['vector', 'int'] },
  { name: 'poisson_binomial', kind: 'pmf', variate: 'ints', params: ['vector'], cdf: true, rng: 'int' },
  // generalised linear models
  { name: 'poisson_log_glm', kind: 'pmf', variate: 'ints', params: [x, alpha, 'vector'] },
  { name: 'binomial_logit_glm', kind: 'pmf', variate: 'ints', params: ['ints', x, alpha, 'vector'] },
  { name: 'bernoulli_logit_glm', kind: 'pmf', variate: 'ints', params: [x, alpha, 'vector'] },
  { name: 'neg_binomial_2_log_glm', kind: 'pmf', variate: 'ints', params: [x, alpha, 'vector', r] },
  { name: 'ordered_logistic_glm', kind: 'pmf', variate: 'ints', params: [x, 'vector', 'vector'] },
  { name: 'categorical_logit_glm', kind: 'pmf', variate: 'ints', params: [x, 'vector', 'matrix'] },
  // multivariate
  { name: 'multi_normal', kind: 'pdf', variate: 'vectors', params: ['vectors', 'matrix'] },
  { name: 'multi_normal_cholesky', kind: 'pdf', variate: 'vectors', params: ['vectors', 'matrix'] },
  { name: 'multi_normal_prec', kind: 'pdf', variate: 'vectors', params: ['vectors', 'matrix'] },
  { name: 'multi_student_t', kind: 'pdf', variate: 'vectors', params: ['real', 'vectors', 'matrix'] },
  { name: 'multi_student_t_cholesky', kind: 'pdf', variate: 'vectors', params: ['real', 'vectors', 'matrix'] },
  { name: 'multi_gp', kind: 'pdf', variate: 'matrix', params: ['matrix', 'vector'] },
  { name: 'multi_gp_cholesky', kind: 'pdf', variate: 'matrix', params: ['matrix', 'vector'] },
  { name: 'gaussian_dlm_obs', kind: 'pdf', variate: 'matrix', params: ['matrix', 'matrix', 'matrix|vector', 'matrix', 'vector', 'matrix'] },
  { name: 'dirichlet', kind: 'pdf', variate: 'vector|array[] vector|row_vector|array[] row_vector', params: ['vector|array[] vector|row_vector|array[] row_vector'], rng: 'vector', rngArgs: ['vector'] },
  { name: 'lkj_corr', kind: 'pdf', variate: 'matrix', params: ['real'], rng: 'matrix', rngArgs: ['int', 'real'] },
  { name: 'lkj_corr_cholesky', kind: 'pdf', variate: 'matrix', params: ['real'], rng: 'matrix', rngArgs: ['int', 'real'] },
  { name: 'lkj_cov', kind: 'pdf', variate: 'matrix', params: ['vector', 'vector', 'real'] },
  { name: 'wishart', kind: 'pdf', variate: 'matrix', params: ['real', 'matrix'], rng: 'matrix' },
  { name: 'wishart_cholesky', kind: 'pdf', variate: 'matrix', params: ['real', 'matrix'], rng: 'matrix' },
  { name: 'inv_wishart', kind: 'pdf', variate: 'matrix', params: ['real', 'matrix'], rng: 'matrix' },
  { name: 'inv_wishart_cholesky', kind: 'pdf', variate: 'matrix', params: ['real', 'matrix'], rng: 'matrix' },
];

// Multivariate _rng functions whose result shape follows the location argument.
const extraRngRows: string[] = [
  ...['multi_normal', 'multi_normal_cholesky'].flatMap((n) => [
    `vector ${n}_rng(vector|row_vector, matrix)`,
    `array[] vector ${n}_rng(array[] vector|array[] row_vector, matrix)`,
  ]),
  ...['multi_student_t', 'multi_student_t_cholesky'].flatMap((n) => [
    `vector ${n}_rng(real, vector|row_vector, matrix)`,
    `array[] vector ${n}_rng(real, array[] vector|array[] row_vector, matrix)`,
  ]),
  'matrix gaussian_dlm_obs_rng(matrix, matrix, matrix|vector, matrix, vector, matrix, int)',
  'array[] int poisson_log_glm_rng(matrix, real|vector, vector)',
  'array[] int bernoulli_logit_glm_rng(matrix|row_vector, real|vector, vector)',
  'vector multi_gp_rng(matrix, vector)',
];

export function distributionRows(): string[] {
  const rows: string[] = [];
  for (const s of distributions) {
    const args = [s.variate, ...s.params].join(', ');
    const dens = s.kind === 'pdf' ? ['lpdf', 'lupdf'] : ['lpmf', 'lupmf'];
    rows.push(`real ${dens.map((suffix) => `${s.name}_${suffix}`).join('|')}(${args})`);
    if (s.cdf) rows.push(`real ${s.name}_cdf|${s.name}_lcdf|${s.name}_lccdf(${args})`);
    if (s.rng) rows.push(`${s.rng} ${s.name}_rng(${(s.rngArgs ?? s.params).join(', ')})`);
  }
  return [...rows, ...extraRngRows];
}

// Distribution names usable after `~` (the part before the suffix).
export function distributionNames(): Set<string> {
  return new Set(distributions.map((s) => s.name));
}
