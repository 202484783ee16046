// `vigil check --print ir|js <file>` as a user runs it: bin/vigil.js loading the bundled dist/cli.js; and
// how a model the checker accepts but the compiler does not support yet (an ODE solver) is reported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCliBuilt, runBuiltCli } from '../support/builtCli';

before(ensureCliBuilt);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'vigil-print-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const vigil = (args: string[]) => runBuiltCli(args, scratch);

const eight = `data { int<lower=0> J; array[J] real y; array[J] real<lower=0> sigma; }
parameters { real mu; real<lower=0> tau; vector[J] theta_tilde; }
transformed parameters { vector[J] theta = mu + tau * theta_tilde; }
model { mu ~ normal(0, 5); tau ~ cauchy(0, 5); theta_tilde ~ normal(0, 1); y ~ normal(theta, sigma); }
`;
writeFileSync(path.join(scratch, 'eight.stan'), eight);
writeFileSync(
  path.join(scratch, 'ode.stan'),
  `functions { vector rhs(real t, vector y, real k) { return -k * y; } }
data { int T; array[T] real ts; vector[1] y0; }
parameters { real<lower=0> k; }
model {
  array[T] vector[1] yhat = ode_rk45(rhs, y0, 0.0, ts, k);
  k ~ normal(0, 1);
}
`,
);

test('vigil check --print ir prints the lowered program', () => {
  const r = vigil(['check', '--print', 'ir', 'eight.stan']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /theta_tilde/);
  assert.match(r.stdout, /normal/);
  assert.match(r.stdout, /cauchy/);
  assert.doesNotMatch(r.stdout, /function lpG/);
});

test('vigil check --print js prints the generated code, which builds a model', () => {
  const r = vigil(['check', '--print', 'js', 'eight.stan']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /function lpV\(theta, jacobian\)/);
  assert.match(r.stdout, /function lpG\(theta, jacobian, grad\)/);
  // The printed text is the factory body compileModel runs: it must at least parse as a function.
  assert.doesNotThrow(() => new Function('R', 'G', 'T', 'D', r.stdout));
});

test('vigil check --print js on a model the compiler does not support names the call and its position', () => {
  const r = vigil(['check', '--print', 'js', 'ode.stan']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /ode\.stan:5:\d+: error: .*'ode_rk45' is not yet supported/);
});

test('vigil check accepts an ODE solver; vigil eval reports it as not yet supported at the call', () => {
  const checked = vigil(['check', 'ode.stan']);
  assert.equal(checked.code, 0, checked.stderr + checked.stdout);
  assert.match(checked.stdout, /no errors/);
  writeFileSync(path.join(scratch, 'ode.data.json'), '{"T": 2, "ts": [1, 2], "y0": [1]}');
  writeFileSync(path.join(scratch, 'points.json'), '[[0.1]]');
  const r = vigil(['eval', 'ode.stan', '--data', 'ode.data.json', '--unconstrained', 'points.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /ode\.stan:5:29: error: .*'ode_rk45' is not yet supported/);
});

test('vigil check --print rejects an unknown form', () => {
  const r = vigil(['check', '--print', 'wasm', 'eight.stan']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /ast|ir|js/);
});
