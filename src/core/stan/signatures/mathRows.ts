// Scalar and elementwise mathematical functions of the Stan functions library (rows; see signature.ts).

const unaryReal = [
  'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh', 'digamma', 'erf',
  'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'floor', 'inv', 'inv_cloglog', 'inv_erfc', 'inv_logit',
  'inv_Phi', 'inv_sqrt', 'inv_square', 'lambert_w0', 'lambert_wm1', 'lgamma', 'log', 'log10', 'log1m',
  'log1m_exp', 'log1m_inv_logit', 'log1p', 'log1p_exp', 'log2', 'log_inv_logit', 'logit', 'Phi',
  'Phi_approx', 'round', 'sin', 'sinh', 'sqrt', 'square', 'std_normal_qf', 'std_normal_log_qf', 'tan',
  'tanh', 'tgamma', 'trigamma', 'trunc', 'step',
];

const complexUnary = [
  'exp', 'log', 'log10', 'sqrt', 'cos', 'sin', 'tan', 'cosh', 'sinh', 'tanh', 'acos', 'asin', 'atan',
  'acosh', 'asinh', 'atanh', 'conj', 'proj',
];

const binaryReal = [
  'pow', 'fmin', 'fmax', 'fdim', 'fmod', 'hypot', 'atan2', 'lbeta', 'lchoose', 'binomial_coefficient_log',
  'log_diff_exp', 'owens_t', 'lmultiply', 'multiply_log', 'log_falling_factorial', 'log_rising_factorial',
  'beta', 'gamma_p', 'gamma_q', 'log_modified_bessel_first_kind', 'log_inv_logit_diff', 'log_sum_exp',
];

export const mathRows: string[] = [
  `V ${unaryReal.join('|')}(V)`,
  `complex ${complexUnary.join('|')}(complex)`,
  `complex pow(complex, complex)`,
  'Vi abs(Vi)',
  'V abs(V)',
  'real abs|arg|norm|get_real|get_imag(complex)',
  'complex polar(real, real)',
  'complex to_complex()',
  'complex to_complex(real)',
  'complex to_complex(real, real)',
  'complex_vector to_complex(vector, vector)',
  'complex_row_vector to_complex(row_vector, row_vector)',
  'complex_matrix to_complex(matrix, matrix)',
  'vector get_real|get_imag(complex_vector)',
  'row_vector get_real|get_imag(complex_row_vector)',
  'matrix get_real|get_imag(complex_matrix)',
  `V ${binaryReal.join('|')}(V, V)`,
  'V falling_factorial|rising_factorial(V, Vi)',
  'int falling_factorial|rising_factorial(int, int)',
  'V bessel_first_kind|bessel_second_kind|modified_bessel_first_kind|modified_bessel_second_kind(Vi, V)',
  'V lmgamma(Vi, V)',
  'V binary_log_loss(Vi, V)',
  'V ldexp(V, Vi)',
  'Vi choose(Vi, Vi)',
  'V fma(V, V, V)',
  'V inc_beta|inv_inc_beta|log_inc_beta(V, V, V)',
  'real log_mix(real, real, real)',
  'real log_mix(vector|row_vector|array[] real, vector|row_vector|array[] real)',
  'real log_mix(vector|row_vector|array[] real, array[] vector|array[] row_vector)',
  'Vi to_int(data V)',
  'int int_step(int)',
  'int int_step(real)',
  'int is_inf|is_nan(real)',
  'real pi|e|sqrt2|log2|log10|not_a_number|positive_infinity|negative_infinity|machine_precision()',
  'int min|max(int, int)',
  'real hypergeometric_pFq(vector, vector, real)',
  'real hypergeometric_2F1(real, real, real, real)',
  'real hypergeometric_3F2(vector, vector, real)',
];
