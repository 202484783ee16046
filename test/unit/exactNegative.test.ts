// Models without a conjugate form get a clear reason naming the parameter and the statement; with a
// compiled model of one or two dimensions they fall back to quadrature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeStan } from '../../src/core/stan/analyze';
import { loadData } from '../../src/core/data/loadData';
import { compileModel } from '../../src/core/codegen/loadModel';
import { exactPosterior } from '../../src/core/infer/exact/exactPosterior';
import type { ExactPosteriorResult } from '../../src/core/infer/exact/exactTypes';

const ROOT = path.resolve(__dirname, '../../..');

function exact(src: string, data: Record<string, unknown>, withModel = false): ExactPosteriorResult {
  const a = analyzeStan(src);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  const d = loadData(a.program, JSON.stringify(data));
  assert.deepEqual(d.diagnostics, []);
  let model;
  if (withModel) {
    const c = compileModel(src, data);
    assert.ok(c.ok);
    model = c.model;
  }
  return exactPosterior({ program: a.program, check: a.check, data: d.values, source: src, model });
}

function reason(r: ExactPosteriorResult): string {
  assert.equal(r.ok, false, r.ok ? r.explanation : '');
  return r.ok ? '' : r.reason;
}

test('hierarchical model (centered eight schools): the scale prior is named as the reason', () => {
  const src = fs.readFileSync(path.join(ROOT, 'examples/eight_schools_centered.stan'), 'utf8');
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/eight_schools_centered.data.json'), 'utf8'));
  const why = reason(exact(src, data, true));
  assert.match(why, /tau has a cauchy prior "tau ~ cauchy\(0, 5\)" \(line \d+\)/);
  assert.match(why, /no conjugate/);
  assert.match(why, /10 unconstrained dimensions, and quadrature is used only for one or two/);
});

test('a prior with a parameter argument (a scale) is not conjugate', () => {
  const why = reason(exact('data { int N; vector[N] y; } parameters { real mu; real<lower=0> tau; } model { tau ~ exponential(1); mu ~ normal(0, tau); y ~ normal(mu, 1); }', { N: 2, y: [1, 2] }));
  assert.match(why, /tau has an exponential prior "tau ~ exponential\(1\)"/);
});

test('a known-sd hierarchy is still exact: means linked by normal terms with data sds are jointly normal', () => {
  const r = exact('data { int J; vector[J] y; } parameters { real mu; vector[J] theta; } model { mu ~ normal(0, 5); theta ~ normal(mu, 2); y ~ normal(theta, 1); }', { J: 3, y: [1, 2, 4] });
  assert.ok(r.ok && r.kind === 'conjugate');
  // mu's marginal: y_j ~ normal(mu, sqrt(5)) independently, so precision 1/25 + 3/5
  const prec = 1 / 25 + 3 / 5;
  assert.ok(Math.abs(r.parameters.mu.mean - 7 / 5 / prec) < 1e-12);
  assert.ok(Math.abs(r.parameters.mu.sd - 1 / Math.sqrt(prec)) < 1e-12);
});

test('an sd parameter in a likelihood whose mean is a parameter with a fixed-sd prior (semi-conjugate)', () => {
  const src = 'data { int N; vector[N] y; } parameters { real mu; real<lower=0> sigma; } model { mu ~ normal(0, 10); sigma ~ inv_gamma(2, 2); y ~ normal(mu, sigma); }';
  const data = { N: 4, y: [1, 2, 1.5, 2.5] };
  const why = reason(exact(src, data));
  assert.match(why, /sigma's prior "sigma ~ inv_gamma\(2, 2\)" \(line 1\) is inv_gamma on the sd/);
  assert.match(why, /no compiled model was given/);
  const q = exact(src, data, true);
  assert.ok(q.ok && q.kind === 'quadrature', q.ok ? '' : q.reason);
  assert.match(q.explanation, /two unconstrained dimensions \(mu and sigma\)/);
});

test('other non-conjugate structures give reasons', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['data { int N; array[N] int y; } parameters { real alpha; } model { alpha ~ normal(0, 1); y ~ poisson_log(alpha); }', { N: 2, y: [1, 2] }, /alpha appears in "y ~ poisson_log\(alpha\)" \(line 1\), a poisson_log term; a closed form needs normal terms only/],
    ['data { int N; vector[N] y; } parameters { real<lower=0> lambda; } model { lambda ~ lognormal(0, 1); y ~ exponential(lambda); }', { N: 2, y: [1, 2] }, /lambda has a lognormal prior/],
    ['data { int N; vector[N] y; } parameters { real mu; } model { mu ~ normal(0, 1); y ~ normal(exp(mu), 1); }', { N: 2, y: [1, 2] }, /the mean in "y ~ normal\(exp\(mu\), 1\)" \(line 1\) is not a linear function of mu/],
    ['data { int N; vector[N] y; } parameters { real mu; } model { mu ~ normal(0, 1); y ~ normal(mu, 1); target += -mu^4; }', { N: 2, y: [1, 2] }, /adds to target an expression of mu that is not a density call/],
    ['parameters { real mu; } model { }', {}, /mu appears in no density term: its posterior is flat and improper/],
    ['data { int N; vector[N] y; } parameters { real<lower=1> mu; } model { y ~ normal(mu, 1); }', { N: 2, y: [1, 2] }, /mu has a type or bounds \(1, inf\) that no conjugate form covers/],
  ];
  for (const [src, data, re] of cases) assert.match(reason(exact(src, data)), re, src);
});

test('beta and gamma forms name a truncated term and a term that mixes elements', () => {
  const bern = { N: 3, y: [1, 0, 1] };
  assert.match(
    reason(exact('data { int N; array[N] int y; } parameters { real<lower=0,upper=1> th; } model { th ~ beta(2, 2) T[0.1, 0.9]; y ~ bernoulli(th); }', bern)),
    /"th ~ beta\(2, 2\) T\[0\.1, 0\.9\]" \(line 1\) is truncated, so no conjugate \(beta\) form applies/,
  );
  const counts = { N: 3, y: [1, 0, 4] };
  assert.match(
    reason(exact('data { int N; array[N] int y; } parameters { real<lower=0> lam; } model { lam ~ gamma(2, 1) T[0.5, ]; y ~ poisson(lam); }', counts)),
    /"lam ~ gamma\(2, 1\) T\[0\.5, \]" \(line 1\) is truncated, so no conjugate \(gamma\) form applies/,
  );
  assert.match(
    reason(exact('data { int N; array[N] int y; } parameters { vector<lower=0>[2] lam; } model { lam ~ gamma(2, 1); y ~ poisson(lam[1] * lam[2]); }', counts)),
    /"y ~ poisson\(lam\[1\] \* lam\[2\]\)" \(line 1\) involves lam together with other parameters, so no conjugate \(gamma\) form applies/,
  );
});
