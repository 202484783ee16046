// Higher-order and variadic library functions: their first argument names a user-defined function.
// Each entry: the fixed arguments after that function, the type of the result, and what the function
// passed must look like. With `variadic`, any further call arguments are passed on to the function
// after its leading arguments (and must match its remaining parameters).
// In fnArgs, "$N" means "the type of fixed argument N" (reduce_sum slices its array argument).

export interface HigherOrderSpec {
  name: string;
  fixed: string[]; // row syntax, "data " prefix allowed
  ret: string;
  fnRet: string;
  fnArgs: string[];
  variadic: boolean;
  // Set for functions still accepted by Stan but scheduled for removal: the warning's advice.
  deprecated?: string;
}

const ode = (name: string, tol: boolean): HigherOrderSpec => ({
  name,
  fixed: ['vector', 'real', 'array[] real', ...(tol ? ['data real', 'data real', 'data int'] : [])],
  ret: 'array[] vector',
  fnRet: 'vector',
  fnArgs: ['real', 'vector'],
  variadic: true,
});

const oldSolverArgs = ['vector', 'vector', 'data array[] real', 'data array[] int'];
const oldSolverFn = { fnRet: 'vector', fnArgs: ['vector', 'vector', 'data array[] real', 'data array[] int'], variadic: false };

// The pre-2.24 ODE interface: deprecated (stanc3 schedules removal for Stan 3.0), still accepted.
const oldOde = (name: string, replacement: string, tol: boolean): HigherOrderSpec => ({
  name,
  fixed: ['array[] real', 'real', 'array[] real', 'array[] real', 'data array[] real', 'data array[] int', ...(tol ? ['data real', 'data real', 'data real'] : [])],
  ret: 'array[,] real',
  fnRet: 'array[] real',
  fnArgs: ['real', 'array[] real', 'array[] real', 'data array[] real', 'data array[] int'],
  variadic: false,
  deprecated: `is deprecated and will be removed in Stan 3.0; use '${replacement}', whose ODE function takes (real t, vector y, ...) and returns vector`,
});

export const higherOrderSpecs: HigherOrderSpec[] = [
  ...(['rk45', 'bdf', 'adams'] as const).flatMap((s) => [oldOde(`integrate_ode_${s}`, `ode_${s}`, false), oldOde(`integrate_ode_${s}`, `ode_${s}`, true)]),
  oldOde('integrate_ode', 'ode_rk45', false),
  ...['ode_rk45', 'ode_bdf', 'ode_adams', 'ode_ckrk'].flatMap((n) => [ode(n, false), ode(`${n}_tol`, true)]),
  ...['reduce_sum', 'reduce_sum_static'].map((name) => ({
    name,
    fixed: ['A', 'int'],
    ret: 'real',
    fnRet: 'real',
    fnArgs: ['$0', 'int', 'int'],
    variadic: true,
  })),
  {
    name: 'map_rect',
    fixed: ['vector', 'array[] vector', 'data array[,] real', 'data array[,] int'],
    ret: 'vector',
    fnRet: 'vector',
    fnArgs: ['vector', 'vector', 'data array[] real', 'data array[] int'],
    variadic: false,
  },
  ...[[], ['data real']].map((extra) => ({
    name: 'integrate_1d',
    fixed: ['real', 'real', 'array[] real', 'data array[] real', 'data array[] int', ...extra],
    ret: 'real',
    fnRet: 'real',
    fnArgs: ['real', 'real', 'array[] real', 'data array[] real', 'data array[] int'],
    variadic: false,
  })),
  ...['algebra_solver', 'algebra_solver_newton'].flatMap((name) => [
    { name, fixed: oldSolverArgs, ret: 'vector', ...oldSolverFn },
    { name, fixed: [...oldSolverArgs, 'data real', 'data real', 'data int'], ret: 'vector', ...oldSolverFn },
  ]),
  ...['solve_newton', 'solve_powell'].flatMap((name) => [
    { name, fixed: ['vector'], ret: 'vector', fnRet: 'vector', fnArgs: ['vector'], variadic: true },
    {
      name: `${name}_tol`,
      fixed: ['vector', 'data real', 'data real', 'data int'],
      ret: 'vector',
      fnRet: 'vector',
      fnArgs: ['vector'],
      variadic: true,
    },
  ]),
  {
    name: 'dae',
    fixed: ['vector', 'vector', 'data real', 'data array[] real'],
    ret: 'array[] vector',
    fnRet: 'vector',
    fnArgs: ['real', 'vector', 'vector'],
    variadic: true,
  },
  {
    name: 'dae_tol',
    fixed: ['vector', 'vector', 'data real', 'data array[] real', 'data real', 'data real', 'data int'],
    ret: 'array[] vector',
    fnRet: 'vector',
    fnArgs: ['real', 'vector', 'vector'],
    variadic: true,
  },
];

// Library functions removed in Stan 2.33 that Vigil still accepts (older published models use them),
// with a warning naming the replacement.
export const deprecatedLibraryFunctions: Record<string, string> = {
  fabs: 'abs',
  multiply_log: 'lmultiply',
  binomial_coefficient_log: 'lchoose',
  cov_exp_quad: 'gp_exp_quad_cov',
};

// Library functions that were removed from Stan, with what replaces them.
export const removedFunctions: Record<string, string> = {
  get_lp: "was removed in Stan 2.33; use 'target()'",
  increment_log_prob: "was removed; use the statement 'target += ...;'",
  if_else: "was removed; use the conditional operator 'cond ? a : b'",
};
