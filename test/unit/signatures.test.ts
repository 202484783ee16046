// The functions-library table: every row parses, the library of issue 3 is covered, and overload
// resolution with Stan's promotion rules picks the right row and result type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveOverload } from '../../src/core/stan/signatures/match';
import { parseRow } from '../../src/core/stan/signatures/signature';
import { allRows, higherOrderSignatures, librarySignatures } from '../../src/core/stan/signatures/table';
import {
  arrayOf,
  COMPLEX,
  INT,
  parseTypeText,
  promotionCost,
  REAL,
  ROW_VECTOR,
  type StanType,
  typeToString,
  VECTOR,
  COMPLEX_VECTOR,
} from '../../src/core/stan/types';

const t = (s: string): StanType => {
  const x = parseTypeText(s);
  assert.ok(x, `cannot parse type ${s}`);
  return x;
};

function call(name: string, ...args: string[]): string | undefined {
  const r = resolveOverload(librarySignatures(name), args.map(t));
  return r.ok ? typeToString(r.match.ret) : undefined;
}

test('every row of the table parses', () => {
  for (const row of allRows) assert.doesNotThrow(() => parseRow(row), row);
  assert.ok(allRows.length > 200);
});

test('types print in Stan syntax and parse back', () => {
  for (const s of ['int', 'real', 'complex', 'vector', 'array[] real', 'array[,] int', 'array[,,] matrix', 'complex_row_vector', 'tuple(real, array[] int)']) {
    assert.equal(typeToString(t(s)), s);
  }
  assert.equal(parseTypeText('array[] array[] real'), undefined);
});

test('promotion: int -> real -> complex, elementwise in arrays of equal dimensions', () => {
  assert.equal(promotionCost(INT, INT), 0);
  assert.equal(promotionCost(INT, REAL), 1);
  assert.equal(promotionCost(INT, COMPLEX), 2);
  assert.equal(promotionCost(REAL, COMPLEX), 1);
  assert.equal(promotionCost(REAL, INT), -1);
  assert.equal(promotionCost(arrayOf(INT, 1), arrayOf(REAL, 1)), 1);
  assert.equal(promotionCost(arrayOf(INT, 1), arrayOf(REAL, 2)), -1);
  assert.equal(promotionCost(VECTOR, COMPLEX_VECTOR), 1);
  assert.equal(promotionCost(VECTOR, ROW_VECTOR), -1);
  assert.equal(promotionCost(arrayOf(REAL, 1), VECTOR), -1);
});

test('issue 3 distributions have their density, cdf and rng rows', () => {
  const continuous = ['normal', 'student_t', 'cauchy', 'double_exponential', 'logistic', 'lognormal', 'exponential', 'gamma', 'inv_gamma', 'weibull', 'frechet', 'chi_square', 'inv_chi_square', 'scaled_inv_chi_square', 'beta', 'uniform', 'pareto', 'von_mises', 'skew_normal', 'exp_mod_normal', 'gumbel', 'rayleigh', 'std_normal', 'beta_proportion'];
  for (const d of continuous) {
    for (const suffix of ['lpdf', 'lupdf', 'lcdf', 'lccdf', 'rng']) assert.ok(librarySignatures(`${d}_${suffix}`).length > 0, `${d}_${suffix}`);
  }
  const discrete = ['poisson', 'binomial', 'bernoulli', 'neg_binomial', 'neg_binomial_2', 'beta_binomial'];
  for (const d of discrete) {
    for (const suffix of ['lpmf', 'lupmf', 'cdf', 'lcdf', 'lccdf', 'rng']) assert.ok(librarySignatures(`${d}_${suffix}`).length > 0, `${d}_${suffix}`);
  }
  const others = ['normal_id_glm_lpdf', 'poisson_log_lpmf', 'poisson_log_glm_lpmf', 'binomial_logit_lpmf', 'bernoulli_logit_lpmf', 'bernoulli_logit_glm_lpmf', 'neg_binomial_2_log_lpmf', 'categorical_lpmf', 'categorical_logit_lpmf', 'multinomial_lpmf', 'ordered_logistic_lpmf', 'ordered_probit_lpmf', 'dirichlet_lpdf', 'multi_normal_lpdf', 'multi_normal_cholesky_lpdf', 'multi_normal_prec_lpdf', 'multi_student_t_lpdf', 'multi_gp_lpdf', 'lkj_corr_lpdf', 'lkj_corr_cholesky_lpdf', 'wishart_lpdf', 'inv_wishart_lpdf', 'hypergeometric_lpmf', 'categorical_logit_glm_lpmf', 'gaussian_dlm_obs_lpdf', 'dirichlet_multinomial_lpmf', 'poisson_binomial_lpmf', 'loglogistic_lpdf', 'wiener_lpdf', 'lkj_corr_cholesky_rng', 'multi_normal_rng', 'dirichlet_rng', 'categorical_rng'];
  for (const n of others) assert.ok(librarySignatures(n).length > 0, n);
});

test('issue 3 functions exist', () => {
  const names = 'exp log log1p expm1 log1m log1p_exp log1m_exp log_diff_exp log_sum_exp log_mix inv_logit logit log_inv_logit log1m_inv_logit Phi Phi_approx inv_Phi erf erfc lgamma tgamma digamma lbeta lchoose binomial_coefficient_log sqrt cbrt square pow inv inv_sqrt inv_square abs fabs fmin fmax fdim fmod floor ceil round trunc sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh atan2 hypot step int_step is_inf is_nan sum prod mean variance sd min max dot_product dot_self squared_distance distance rep_vector rep_row_vector rep_matrix rep_array to_vector to_row_vector to_matrix to_array_1d to_array_2d append_row append_col head tail segment block col row sub_col sub_row diag_matrix diagonal identity_matrix linspaced_vector one_hot_vector zeros_vector ones_vector cumulative_sum sort_asc sort_desc sort_indices_asc rank reverse num_elements size rows cols dims transpose columns_dot_product rows_dot_product crossprod tcrossprod quad_form quad_form_diag quad_form_sym trace_quad_form diag_pre_multiply diag_post_multiply add_diag cholesky_decompose inverse inverse_spd mdivide_left mdivide_right mdivide_left_tri_low mdivide_right_tri_low log_determinant determinant softmax log_softmax multiply_lower_tri_self_transpose gp_exp_quad_cov cov_exp_quad pi e sqrt2 log2 log10 not_a_number positive_infinity negative_infinity machine_precision fma lmultiply multiply_log log_falling_factorial choose exp2 gp_matern32_cov gp_periodic_cov matrix_exp eigenvalues_sym eigenvectors_sym singular_values qr_thin_Q qr_thin_R inv_cloglog inc_beta owens_t bessel_first_kind modified_bessel_first_kind falling_factorial rising_factorial linspaced_array append_array csr_matrix_times_vector csr_extract_w hmm_marginal'.split(' ');
  for (const n of names) assert.ok(librarySignatures(n).length > 0, n);
  for (const n of ['ode_rk45', 'ode_rk45_tol', 'ode_bdf', 'ode_bdf_tol', 'ode_adams', 'ode_ckrk', 'reduce_sum', 'map_rect', 'integrate_1d', 'algebra_solver_newton', 'solve_newton', 'integrate_ode_rk45']) {
    assert.ok(higherOrderSignatures(n).length > 0, n);
  }
});

test('vectorised distributions accept reals and reject what Stan rejects', () => {
  assert.equal(call('normal_lpdf', 'vector', 'real', 'vector'), 'real');
  assert.equal(call('normal_lpdf', 'array[] int', 'int', 'row_vector'), 'real');
  assert.equal(call('normal_lpdf', 'matrix', 'real', 'real'), undefined);
  assert.equal(call('normal_lpdf', 'vector', 'real'), undefined);
  assert.equal(call('poisson_lpmf', 'array[] int', 'vector'), 'real');
  assert.equal(call('poisson_lpmf', 'vector', 'vector'), undefined);
  assert.equal(call('binomial_lpmf', 'array[] int', 'array[] int', 'vector'), 'real');
  assert.equal(call('multi_normal_lpdf', 'array[] vector', 'vector', 'matrix'), 'real');
});

test('_rng results follow the shape of their arguments', () => {
  assert.equal(call('normal_rng', 'real', 'real'), 'real');
  assert.equal(call('normal_rng', 'vector', 'real'), 'array[] real');
  assert.equal(call('poisson_rng', 'real'), 'int');
  assert.equal(call('poisson_log_rng', 'vector'), 'array[] int');
  assert.equal(call('multi_normal_rng', 'vector', 'matrix'), 'vector');
  assert.equal(call('multi_normal_rng', 'array[] vector', 'matrix'), 'array[] vector');
  assert.equal(call('categorical_rng', 'vector'), 'int');
});

test('elementwise functions keep their argument shape with real elements', () => {
  assert.equal(call('exp', 'int'), 'real');
  assert.equal(call('exp', 'array[,] int'), 'array[,] real');
  assert.equal(call('log', 'matrix'), 'matrix');
  assert.equal(call('pow', 'vector', 'int'), 'vector');
  assert.equal(call('pow', 'real', 'array[] real'), 'array[] real');
  assert.equal(call('pow', 'vector', 'row_vector'), undefined);
  assert.equal(call('abs', 'int'), 'int');
  assert.equal(call('abs', 'array[] int'), 'array[] int');
  assert.equal(call('abs', 'vector'), 'vector');
  assert.equal(call('choose', 'int', 'int'), 'int');
  assert.equal(call('bessel_first_kind', 'array[] int', 'vector'), 'vector');
});

test('overloads: fewest promotions win', () => {
  assert.equal(call('min', 'int', 'int'), 'int');
  assert.equal(call('min', 'int', 'real'), undefined); // Stan has fmin for reals
  assert.equal(call('fmin', 'int', 'real'), 'real');
  assert.equal(call('max', 'array[] int'), 'int');
  assert.equal(call('add', 'int', 'int'), 'int');
  assert.equal(call('add', 'vector', 'int'), 'vector');
  assert.equal(call('multiply', 'matrix', 'vector'), 'vector');
  assert.equal(call('multiply', 'row_vector', 'vector'), 'real');
  assert.equal(call('multiply', 'vector', 'vector'), undefined);
  assert.equal(call('divide', 'int', 'int'), 'int');
  assert.equal(call('pow_op', 'int', 'int'), 'real');
});

test('generic rows: rep_array, append_array, head, reverse, size', () => {
  assert.equal(call('rep_array', 'vector', 'int', 'int'), 'array[,] vector');
  assert.equal(call('rep_array', 'int', 'int'), 'array[] int');
  assert.equal(call('append_array', 'array[] int', 'array[] real'), 'array[] real');
  assert.equal(call('append_array', 'array[] int', 'array[,] real'), undefined);
  assert.equal(call('head', 'array[] vector', 'int'), 'array[] vector');
  assert.equal(call('reverse', 'row_vector'), 'row_vector');
  assert.equal(call('size', 'array[,] real'), 'int');
  assert.equal(call('to_matrix', 'array[] real', 'int', 'int'), 'matrix');
  assert.equal(call('to_matrix', 'array[,] int'), 'matrix');
  assert.equal(call('log_sum_exp', 'vector'), 'real');
  assert.equal(call('gp_exp_quad_cov', 'array[] vector', 'real', 'real'), 'matrix');
  assert.equal(call('eigendecompose_sym', 'matrix'), 'tuple(matrix, vector)');
});
