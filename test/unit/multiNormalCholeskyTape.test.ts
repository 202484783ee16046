// multi_normal_cholesky's closed-form gradient node (gradient code) against the value code's
// scalar-by-scalar density and central finite differences, over the argument shapes Stan allows.
import test from 'node:test';
import { checkGradient, compile, point } from './codegenTestUtil';

const y = [[0.5, -1.2, 0.3], [1.1, 0.2, -0.4], [-0.3, 0.8, 1.5], [0.0, -0.5, 0.2]];
const L = `cholesky_factor_corr[3] Lc; vector<lower=0>[3] s;`;
const Lprior = `Lc ~ lkj_corr_cholesky(2); s ~ lognormal(0, 1);`;

const cases: [string, string, Record<string, unknown>, number][] = [
  ['an array of data vectors, one shared parameter mean',
    `data { int N; array[N] vector[3] y; } parameters { ${L} vector[3] mu; }
     model { ${Lprior} mu ~ normal(0, 2); y ~ multi_normal_cholesky(mu, diag_pre_multiply(s, Lc)); }`, { N: 4, y }, 9],
  ['an array of parameter vectors, an array of means',
    `parameters { ${L} array[4] vector[3] b; array[4] vector[3] m; }
     model { ${Lprior} for (n in 1:4) m[n] ~ normal(0, 1); b ~ multi_normal_cholesky(m, diag_pre_multiply(s, Lc)); }`, {}, 30],
  ['one parameter vector, target += with all constants',
    `parameters { ${L} vector[3] b; vector[3] mu; }
     model { ${Lprior} mu ~ normal(0, 1); target += multi_normal_cholesky_lpdf(b | mu, diag_pre_multiply(s, Lc)); }`, {}, 12],
  ['a data mean and a data factor: only y differentiates',
    `data { matrix[3, 3] Ld; vector[3] m; } parameters { vector[3] b; }
     model { b ~ multi_normal_cholesky(m, Ld); }`, { Ld: [[1, 0, 0], [0.5, 1.2, 0], [-0.3, 0.4, 0.8]], m: [0.1, -0.2, 0.3] }, 3],
  ['an array of data vectors, the mean a data vector, a parameter factor',
    `data { int N; array[N] vector[3] y; vector[3] m; } parameters { ${L} }
     model { ${Lprior} y ~ multi_normal_cholesky(m, diag_pre_multiply(s, Lc)); }`, { N: 4, y, m: [0.1, 0, -0.1] }, 6],
];

for (const [name, src, data, dim] of cases) {
  test(`multi_normal_cholesky gradient: ${name}`, () => {
    const m = compile(src, data);
    for (let k = 1; k <= 3; k++) checkGradient(m, point(dim, k));
  });
}
