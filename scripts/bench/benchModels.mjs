// The models the rstan comparisons use: test models (test/fixtures/models, with their data), a
// one-parameter model (its gradient costs nothing, so rstan's time for it is R's per-call overhead),
// and gradient.mjs's logistic regression with N = 5000, D = 20 on the same generated data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './rstanBridge.mjs';

export function fixtureModel(name) {
  const dir = path.join(root, 'test/fixtures/models');
  return { name, source: readFileSync(path.join(dir, `${name}.stan`), 'utf8'), data: JSON.parse(readFileSync(path.join(dir, `${name}.data.json`), 'utf8')) };
}

export const oneParameterModel = { name: 'bench_one_parameter', source: 'parameters { real x; }\nmodel { x ~ normal(0, 1); }\n', data: {} };

// The same generator and seed as scripts/bench/gradient.mjs, so both benchmarks see the same data.
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

export function logisticLargeModel(N = 5000, D = 20) {
  const rnd = lcg(42);
  const X = Array.from({ length: N }, () => Array.from({ length: D }, () => rnd() * 2 - 1));
  const beta0 = Array.from({ length: D }, () => rnd() - 0.5);
  const y = X.map((row) => (rnd() < 1 / (1 + Math.exp(-row.reduce((s, x, d) => s + x * beta0[d], 0.3))) ? 1 : 0));
  const source = `data { int<lower=0> N; int<lower=0> D; matrix[N, D] X; array[N] int<lower=0, upper=1> y; }
parameters { real alpha; vector[D] beta; }
model { alpha ~ normal(0, 2); beta ~ normal(0, 1); y ~ bernoulli_logit(alpha + X * beta); }
`;
  return { name: `bench_logistic_N${N}_D${D}`, label: `logistic regression N=${N} D=${D}`, source, data: { N, D, X, y } };
}

export const gradientModels = ['eight_schools_noncentered', 'eight_schools_centered', 'linear_regression', 'hierarchical_binomial', 'radon_varying_slopes', 'normal_known_sigma'];
export const viModels = ['normal_known_sigma', 'eight_schools_noncentered', 'linear_regression', 'logistic_regression'];
export const nutsModels = ['eight_schools_noncentered', 'eight_schools_centered', 'linear_regression', 'logistic_regression', 'hierarchical_binomial', 'radon_varying_slopes'];
