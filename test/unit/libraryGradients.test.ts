// Every function of the library list, called with PARAMETER arguments inside the model block:
// compiled, then the gradient checked against central finite differences (Richardson-extrapolated) at
// random unconstrained points, and the gradient code's value against the value code's. Each case runs
// twice: straight-line (the adjoint code where the model qualifies) and inside a loop (the tape).
// Values themselves are checked against R in libraryValues.test.ts.
import assert from 'node:assert/strict';
import test from 'node:test';
import { compileModel } from '../../src/core/codegen/loadModel';
import { Rng } from '../../src/core/infer/rng';
import type { CompiledModel } from '../../src/core/model/CompiledModel';

// Parameters a case may use (found by name in its expression).
const PARAMS: Record<string, string> = {
  a: 'real a;',
  b: 'real b;',
  p: 'real<lower=0> p;',
  q: 'real<lower=0> q;',
  u: 'real<lower=0, upper=1> u;',
  g: 'real<lower=1> g;',
  n: 'real<upper=0> n;',
  v: 'vector[3] v;',
  w: 'vector[3] w;',
  vp: 'vector<lower=0>[3] vp;',
  vu: 'vector<lower=0, upper=1>[3] vu;',
  vg: 'vector<lower=1>[3] vg;',
  vn: 'vector<upper=0>[3] vn;',
  r: 'row_vector[3] r;',
  M: 'matrix[3, 3] M;',
  N: 'matrix[3, 2] N;',
  S: 'cov_matrix[3] S;',
  L: 'cholesky_factor_cov[3] L;',
  xs: 'array[3] real xs;',
  xp: 'array[3] real<lower=0> xp;',
  av: 'array[2] vector[3] av;',
  a2: 'array[2, 3] real a2;',
  ar: 'array[2] row_vector[3] ar;',
};
// Parameter-dependent locals (declared in the model block before the statement), with the parameters
// they need. A is diagonally dominant at every point the test draws (|M[i,j]| <= 0.6), so invertible.
const LOCALS: Record<string, [string, string[]]> = {
  A: ['matrix[3, 3] A = M + diag_matrix(rep_vector(4, 3));', ['M']],
};
const DATA = {
  xd: [0.3, -1.2, 0.8],
  rd: [0.5, 0.1, -0.7],
  Xd: [[2.5, 0.3, -0.4], [0.2, 3.1, 0.6], [-0.5, 0.4, 1.9]],
  Sd: [[2, 0.5, 0.2], [0.5, 1.5, -0.3], [0.2, -0.3, 1.2]],
  Ld: [[1.5, 0, 0], [0.4, 1.2, 0], [-0.3, 0.6, 0.9]],
  Nd: [[0.3, 1.1], [-0.6, 0.2], [0.9, -0.4]],
  xr: [0.1, 0.9, 2.2],
  id: [3, 1, 2],
};
const DATA_DECL = 'data { vector[3] xd; row_vector[3] rd; matrix[3, 3] Xd; matrix[3, 3] Sd; matrix[3, 3] Ld; matrix[3, 2] Nd; array[3] real xr; array[3] int id; }';

// A container result is reduced to a scalar that depends on every element and its position.
const reduce = (x: string) => `dot_self(to_vector(${x}) + linspaced_vector(num_elements(${x}), 0.1, 1.3))`;

// [functions covered, expression]: the expression is a real scalar, or a container written C(...).
type Case = [string, string];

const unary: [string, string][] = [
  ['exp', 'a'], ['log', 'p'], ['log1p', 'p'], ['expm1', 'a'], ['log1m', 'u'], ['log1p_exp', 'a'], ['log1m_exp', 'n'],
  ['inv_logit', 'a'], ['logit', 'u'], ['log_inv_logit', 'a'], ['log1m_inv_logit', 'a'], ['Phi', 'a'], ['Phi_approx', 'a'],
  ['inv_Phi', 'u'], ['erf', 'a'], ['erfc', 'a'], ['lgamma', 'p'], ['tgamma', 'p'], ['digamma', 'p'], ['sqrt', 'p'],
  ['cbrt', 'a'], ['square', 'a'], ['inv', 'p'], ['inv_sqrt', 'p'], ['inv_square', 'p'], ['abs', 'a'], ['fabs', 'a'],
  ['sin', 'a'], ['cos', 'a'], ['tan', 'a'], ['asin', 'u'], ['acos', 'u'], ['atan', 'a'], ['sinh', 'a'], ['cosh', 'a'],
  ['tanh', 'a'], ['asinh', 'a'], ['acosh', 'g'], ['atanh', 'u'], ['log2', 'p'], ['log10', 'p'], ['exp2', 'a'],
];
const VEC_OF: Record<string, string> = { a: 'v', p: 'vp', u: 'vu', g: 'vg', n: 'vn' };

const CASES: Case[] = [
  ...unary.map(([f, x]): Case => [f, `${f}(${x})`]),
  ...unary.map(([f, x]): Case => [`${f} (vector)`, `C(${f}(${VEC_OF[x]}))`]),
  ['exp (matrix)', 'C(exp(M))'],
  ['elementwise functions inside densities', 'normal_lpdf(xd | tan(v) + erf(w), 1.5) + normal_lpdf(xd | Phi(v) .* inv_sqrt(vp), 2) + normal_lpdf(xd | log1m_exp(vn), p + 1)'],
  ['log (array)', 'C(log(xp))'],
  ['piecewise constant', 'floor(a) * a + ceil(a) * a + round(a) * a + trunc(a) * a + step(a) * a + int_step(a) * a + is_inf(a) + is_nan(a) + a'],
  ['piecewise constant (vector)', 'C(floor(v) .* v + round(v))'],
  // binary scalar functions: both parameters, then one data argument
  ['pow', 'pow(p, a)'], ['pow (data base)', 'pow(2.5, a)'], ['pow (data exponent)', 'pow(p, 1.7)'],
  ['^', 'p ^ a + p ^ 2.5 + 1.5 ^ a'],
  ['fmin/fmax', 'fmin(a, b) + fmax(a, b) + fmin(a, 0.1) + fmax(0.2, b)'],
  ['fdim', 'fdim(a, b) + fdim(b, a) + fdim(a, -0.1)'],
  ['fmod', 'fmod(a + 3, p + 0.5) + fmod(2.7, p + 0.5)'],
  ['hypot', 'hypot(a, b) + hypot(a, 1.5)'],
  ['atan2', 'atan2(a, b) + atan2(0.4, b)'],
  ['lbeta', 'lbeta(p, q) + lbeta(p, 2.5)'],
  ['lchoose/binomial_coefficient_log', 'lchoose(p + 3, u) + binomial_coefficient_log(p + 4, q)'],
  ['log_diff_exp', 'log_diff_exp(a + p, a) + log_diff_exp(2, n)'],
  ['log_sum_exp (two)', 'log_sum_exp(a, b) + log_sum_exp(a, 0.4)'],
  ['log_mix', 'log_mix(u, a, b) + log_mix(0.3, a, b)'],
  // arguments that are expressions (their value, not just their node, reaches the function)
  ['expression arguments', 'pow(a + 3, b - 1) + fmax(a + 1, 2 * b) + lbeta(p + 1, 2 - u) + tan(a / 2 + 0.1)'],
  ['min/max of two integers', 'a * min(id[1], id[2]) + b * max(id[1], id[3])'],
  // vectorised binary functions
  ['pow (vector)', 'C(pow(vp, w)) + C(pow(vp, a)) + C(pow(p, v)) + C(pow(vp, 1.5))'],
  ['fmax/fmin (vector)', 'C(fmax(v, w)) + C(fmin(v, 0.1))'],
  ['hypot/atan2/lbeta (vector)', 'C(hypot(v, w)) + C(atan2(v, a)) + C(lbeta(vp, q))'],
  ['log_diff_exp/log_sum_exp (vector)', 'C(log_diff_exp(v + vp, v)) + C(log_sum_exp(v, w))'],
  ['.^', 'C(vp .^ w) + C(vp .^ 2) + C(2 .^ v)'],
  // reductions
  ['sum', 'sum(v) * sum(r) + sum(M) + sum(xs) + sum(square(v))'],
  ['prod', 'prod(v) + prod(xs) + prod(M)'],
  ['mean', 'mean(v) + mean(M) * mean(xs) + mean(r)'],
  ['variance', 'variance(v) + variance(M) + variance(xs) + variance(r)'],
  ['sd', 'sd(v) + sd(M) + sd(xs) + sd(r)'],
  ['min/max', 'min(v) + max(v) * max(M) + min(xs) + max(r)'],
  ['dot_product', 'dot_product(v, w) + dot_product(v, xd) + dot_product(xd, w) + dot_product(r, v) + dot_product(xs, xr)'],
  ['dot_self', 'dot_self(v) + dot_self(r)'],
  ['squared_distance/distance', 'squared_distance(v, w) + squared_distance(v, xd) + distance(v, w) + distance(r, xd\') + distance(a, b)'],
  ['log_sum_exp (container)', 'log_sum_exp(v) + log_sum_exp(M) + log_sum_exp(xs) + log_sum_exp(r)'],
  // construction and slicing
  ['rep_vector/rep_row_vector', 'C(rep_vector(a, 3)) + C(rep_row_vector(a, 2))'],
  ['rep_matrix', 'C(rep_matrix(a, 2, 3)) + C(rep_matrix(v, 2)) + C(rep_matrix(r, 2))'],
  ['rep_array', 'C(rep_array(a, 2)) + C(rep_array(v, 2)[2]) + C(rep_array(a, 2, 2)[1])'],
  ['to_vector/to_row_vector', 'C(to_vector(M)) + C(to_vector(r)) + C(to_vector(xs)) + C(to_row_vector(v)) + C(to_row_vector(M))'],
  ['to_matrix', 'C(to_matrix(v, 3, 1)) + C(to_matrix(M)) + C(to_matrix(to_vector(M), 1, 9)) + C(to_matrix(xs, 1, 3)) + C(to_matrix(v, 1, 3, 0)) + C(to_matrix(a2)) + C(to_matrix(ar)) + C(to_matrix(r))'],
  ['to_array_1d/to_array_2d', 'C(to_array_1d(v)) + C(to_array_1d(M)) + C(to_array_1d(a2)) + C(to_array_2d(M)[2])'],
  ['append_row', 'C(append_row(v, w)) + C(append_row(a, v)) + C(append_row(v, a)) + C(append_row(M, r)) + C(append_row(r, M)) + C(append_row(v, xd))'],
  ['append_col', 'C(append_col(M, v)) + C(append_col(r, a)) + C(append_col(a, r)) + C(append_col(v, M)) + C(append_col(r, rd))'],
  ['head/tail/segment', 'C(head(v, 2)) + C(tail(r, 2)) + C(segment(v, 2, 2)) + C(head(xs, 2)) + C(segment(xs, 1, 2))'],
  ['block/col/row/sub_col/sub_row', 'C(block(M, 1, 2, 2, 2)) + C(col(M, 2)) + C(row(M, 3)) + C(sub_col(M, 1, 2, 2)) + C(sub_row(M, 2, 1, 2))'],
  ['diag_matrix/diagonal', 'C(diag_matrix(v)) + C(diagonal(M))'],
  ['identity_matrix/linspaced_vector/one_hot_vector', 'C(identity_matrix(3) * v) + C(linspaced_vector(3, 0, 1) .* v) + C(one_hot_vector(3, 2) .* v)'],
  ['zeros/ones', 'C(zeros_vector(3) + v) + C(ones_vector(3) .* v) + C(zeros_row_vector(3) + r) + C(ones_row_vector(3) .* r) + a * sum(ones_array(2)) + a * sum(zeros_array(2))'],
  ['cumulative_sum', 'C(cumulative_sum(v)) + C(cumulative_sum(r)) + C(cumulative_sum(xs))'],
  ['sort_asc/sort_desc', 'C(sort_asc(v)) + C(sort_desc(v)) + C(sort_asc(xs)) + C(sort_desc(r))'],
  ['sort_indices/rank', 'a * sum(sort_indices_asc(v)) + b * sort_indices_desc(v)[1] + a * rank(v, 2) + b * rank(xs, 1)'],
  ['reverse', 'C(reverse(v)) + C(reverse(r)) + C(reverse(xs))'],
  ['sizes', 'a * (num_elements(M) + size(v) + rows(M) + cols(N) + dims(M)[1] + size(xs))'],
  // linear algebra
  ['transpose', 'C(M\') + C(v\') + C(N\')'],
  ['products', 'C(M * v) + C(r * M) + C(M * M) + C(v * r) + r * v + C(M * N) + C(Xd * M) + C(M * Xd) + C(rd * M) + C(M * xd)'],
  ['elementwise operators', 'C(M .* M) + C(M ./ (M + 5)) + C(M + Xd) + C(M - 2) + C(3 * M) + C(M / a) + C(-M) + C(v ./ vp) + C(1 ./ vp) + C(a / vp) + C(vp ./ a)'],
  ['columns_dot_product', 'C(columns_dot_product(M, A)) + C(columns_dot_product(v, w)) + C(columns_dot_product(r, rd)) + C(columns_dot_product(Xd, M))'],
  ['rows_dot_product', 'C(rows_dot_product(M, A)) + C(rows_dot_product(v, w)) + C(rows_dot_product(r, rd)) + C(rows_dot_product(M, Xd))'],
  ['columns_dot_self/rows_dot_self', 'C(columns_dot_self(M)) + C(rows_dot_self(N)) + C(columns_dot_self(v))'],
  ['crossprod/tcrossprod', 'C(crossprod(N)) + C(tcrossprod(N)) + C(crossprod(M))'],
  ['quad_form', 'quad_form(S, v) + C(quad_form(S, N)) + quad_form(Sd, v) + C(quad_form(S, Nd)) + quad_form(A, xd)'],
  ['quad_form_sym', 'quad_form_sym(S, v) + C(quad_form_sym(S, N)) + quad_form_sym(Sd, v) + C(quad_form_sym(S, Nd))'],
  ['quad_form_diag', 'C(quad_form_diag(S, v)) + C(quad_form_diag(Sd, v)) + C(quad_form_diag(S, xd)) + C(quad_form_diag(M, r))'],
  ['trace_quad_form', 'trace_quad_form(S, N) + trace_quad_form(Sd, N) + trace_quad_form(S, Nd) + trace_quad_form(A, v)'],
  ['diag_pre_multiply/diag_post_multiply', 'C(diag_pre_multiply(v, M)) + C(diag_post_multiply(M, v)) + C(diag_pre_multiply(xd, M)) + C(diag_post_multiply(Xd, r)) + C(diag_pre_multiply(r, Xd))'],
  ['add_diag', 'C(add_diag(M, a)) + C(add_diag(M, v)) + C(add_diag(Xd, a)) + C(add_diag(Xd, v)) + C(add_diag(M, 1.5))'],
  ['cholesky_decompose', 'C(cholesky_decompose(S)) + C(cholesky_decompose(crossprod(A)))'],
  ['inverse', 'C(inverse(A)) + C(inverse(S))'],
  ['inverse_spd', 'C(inverse_spd(S)) + C(inverse_spd(crossprod(A)))'],
  ['log_determinant', 'log_determinant(A) + log_determinant(S) + log_determinant(-A)'],
  ['determinant', 'determinant(A) + determinant(S) + determinant(-A)'],
  ['mdivide_left', 'C(mdivide_left(A, v)) + C(mdivide_left(A, xd)) + C(mdivide_left(Xd, v)) + C(mdivide_left(A, N)) + C(mdivide_left(S, Nd))'],
  ['\\ operator', 'C(A \\ v) + C(A \\ N) + C(Xd \\ v)'],
  ['mdivide_right', 'C(mdivide_right(r, A)) + C(mdivide_right(rd, A)) + C(mdivide_right(r, Xd)) + C(mdivide_right(N\', A)) + C(mdivide_right(Nd\', S))'],
  ['/ operator (matrix)', 'C(r / A) + C(N\' / A) + C(rd / A)'],
  ['mdivide_left_tri_low', 'C(mdivide_left_tri_low(L, v)) + C(mdivide_left_tri_low(L, xd)) + C(mdivide_left_tri_low(Ld, v)) + C(mdivide_left_tri_low(L, N)) + C(mdivide_left_tri_low(A, v))'],
  ['mdivide_right_tri_low', 'C(mdivide_right_tri_low(r, L)) + C(mdivide_right_tri_low(rd, L)) + C(mdivide_right_tri_low(r, Ld)) + C(mdivide_right_tri_low(N\', L)) + C(mdivide_right_tri_low(r, A))'],
  ['softmax/log_softmax', 'C(softmax(v)) + C(log_softmax(v)) + C(softmax(v) .* log_softmax(w))'],
  ['multiply_lower_tri_self_transpose', 'C(multiply_lower_tri_self_transpose(L)) + C(multiply_lower_tri_self_transpose(M)) + C(multiply_lower_tri_self_transpose(N))'],
  ['gp_exp_quad_cov', 'C(gp_exp_quad_cov(xr, p, q)) + C(gp_exp_quad_cov(xs, p, q)) + C(gp_exp_quad_cov(av, p, q)) + C(gp_exp_quad_cov(xr, 1.5, q)) + C(gp_exp_quad_cov(xs, xr, p, q))'],
  ['cov_exp_quad', 'C(cov_exp_quad(xr, p, q)) + C(cov_exp_quad(xs, p, 0.7))'],
  ['trace', 'trace(M) + trace(S)'],
];

function expand(expr: string): string {
  // C(...) with balanced parentheses -> reduce(...)
  let out = '';
  for (let i = 0; i < expr.length; i++) {
    if (expr.startsWith('C(', i) && (i === 0 || !/[A-Za-z0-9_]/.test(expr[i - 1]))) {
      let depth = 1, j = i + 2;
      for (; depth > 0; j++) depth += expr[j] === '(' ? 1 : expr[j] === ')' ? -1 : 0;
      out += reduce(expand(expr.slice(i + 2, j - 1)));
      i = j - 1;
    } else out += expr[i];
  }
  return out;
}

function program(expr: string, loop: boolean): string {
  const body = expand(expr);
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(body);
  const locals = Object.entries(LOCALS).filter(([name]) => used(name));
  const needed = new Set(Object.keys(PARAMS).filter(used));
  for (const [, [, deps]] of locals) deps.forEach((d) => needed.add(d));
  const params = Object.keys(PARAMS).filter((k) => needed.has(k)).map((k) => PARAMS[k]).join(' ');
  const stmt = loop ? `for (k in 1:1) { target += ${body}; }` : `target += ${body};`;
  return `${DATA_DECL}\nparameters { ${params} }\nmodel { ${locals.map(([, [d]]) => d).join(' ')} ${stmt} }`;
}

// Central difference with one Richardson step: error O(h^4).
function finiteDifference(m: CompiledModel, th: Float64Array, i: number): number {
  const at = (d: number) => {
    const x = Float64Array.from(th);
    x[i] += d;
    return m.logDensity(x);
  };
  const h = 1e-3 * Math.max(1, Math.abs(th[i]));
  const d1 = (at(h) - at(-h)) / (2 * h);
  const d2 = (at(h / 2) - at(-h / 2)) / h;
  return (4 * d2 - d1) / 3;
}

function check(label: string, m: CompiledModel, th: Float64Array): void {
  const g = new Float64Array(m.dim);
  const lp = m.logDensityGradient(th, g);
  assert.ok(Number.isFinite(lp), `${label}: log density ${lp} (${m.lastError})`);
  const lv = m.logDensity(th);
  assert.ok(Math.abs(lp - lv) <= 1e-11 * Math.max(1, Math.abs(lp)), `${label}: gradient code value ${lp} vs value code ${lv}`);
  for (let i = 0; i < m.dim; i++) {
    const fd = finiteDifference(m, th, i);
    const tol = 1e-6 * Math.max(1, Math.abs(fd)) + 1e-9 * Math.abs(lp);
    assert.ok(Math.abs(fd - g[i]) <= tol, `${label}: d/d${m.unconstrainedNames[i]} = ${g[i]}, finite difference ${fd}`);
  }
}

// The functions the library must cover (issue 3), each of which some case above calls.
const LISTED = `exp log log1p expm1 log1m log1p_exp log1m_exp log_diff_exp log_sum_exp log_mix inv_logit logit
log_inv_logit log1m_inv_logit Phi Phi_approx inv_Phi erf erfc lgamma tgamma digamma lbeta lchoose
binomial_coefficient_log sqrt cbrt square pow inv inv_sqrt inv_square abs fabs fmin fmax fdim fmod floor ceil
round trunc sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh atan2 hypot step int_step is_inf is_nan
sum prod mean variance sd min max dot_product dot_self squared_distance distance rep_vector rep_row_vector
rep_matrix rep_array to_vector to_row_vector to_matrix to_array_1d to_array_2d append_row append_col head tail
segment block col row sub_col sub_row diag_matrix diagonal identity_matrix linspaced_vector one_hot_vector
zeros_vector ones_vector cumulative_sum sort_asc sort_desc sort_indices_asc rank reverse num_elements size rows
cols dims columns_dot_product rows_dot_product crossprod tcrossprod quad_form quad_form_diag quad_form_sym
trace_quad_form diag_pre_multiply diag_post_multiply add_diag cholesky_decompose inverse inverse_spd mdivide_left
mdivide_right mdivide_left_tri_low mdivide_right_tri_low log_determinant determinant softmax log_softmax
multiply_lower_tri_self_transpose gp_exp_quad_cov cov_exp_quad`.split(/\s+/);

test('every function of the list is called by some case', () => {
  const missing = LISTED.filter((f) => !CASES.some(([, expr]) => new RegExp(`\\b${f}\\(`).test(expr)));
  assert.deepEqual(missing, []);
});

for (const [label, expr] of CASES) {
  test(`gradient of ${label} with parameter arguments matches finite differences`, () => {
    for (const loop of [false, true]) {
      const src = program(expr, loop);
      const r = compileModel(src, DATA);
      if (!r.ok) {
        assert.fail(`${label} (${loop ? 'tape' : 'straight'}): ${r.diagnostics.map((d) => d.message).join('; ')}\n${src}`);
      }
      const rng = new Rng(17, label.length);
      for (let s = 0; s < 3; s++) {
        const th = Float64Array.from({ length: r.model.dim }, () => 0.6 * (2 * rng.uniform() - 1));
        check(`${label} (${loop ? 'tape' : 'straight'}, point ${s})`, r.model, th);
      }
    }
  });
}
