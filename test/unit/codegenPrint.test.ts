// The IR and the generated JavaScript are printable text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compileToJs } from '../../src/core/codegen/loadModel';
import { printIR } from '../../src/core/ir/printIR';

const src = `
functions { real f(real x) { return 2 * x; } }
data { int<lower=0> N; vector[N] y; }
parameters { real mu; simplex[3] p; }
model {
  for (n in 1:N) y[n] ~ normal(f(mu), 1) T[-10, ];
  target += dirichlet_lpdf(p | rep_vector(1, 3));
}`;

test('printIR shows resolved calls, constraints and dropped constants', () => {
  const r = compileToJs(src);
  assert.ok(r.ok, r.ok ? '' : r.diagnostics.map((d) => d.message).join('; '));
  if (!r.ok) return;
  const text = printIR(r.ir);
  assert.equal(
    text,
    [
      'function f(real x) -> real',
      '  {',
      '    return (2 * x)',
      '  }',
      'data:',
      '  int <lower=0, upper=inf> N',
      '  vector y [N]',
      'transformed data:',
      'parameters:',
      '  real mu',
      '  vector <simplex> p [3]',
      'transformed parameters:',
      'model:',
      '  for n in 1:N',
      '    target += normal_lpdf~(y[n] | user f(mu), 1) T[(-10), ]',
      '  target += dirichlet_lpdf(p | rep_vector(1, 3))',
      'generated quantities:',
      '',
    ].join('\n'),
  );
});

test('the generated JavaScript is a printable, self-contained function body', () => {
  const r = compileToJs(src);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.match(r.js, /^"use strict";/);
  assert.match(r.js, /function lpV\(theta, jacobian\)/);
  assert.match(r.js, /function lpG\(theta, jacobian, grad\)/);
  assert.match(r.js, /function f_f_0_v1\(v_x\)/); // user function, instance for a parameter argument
  // It parses as a function body taking the runtime explicitly.
  assert.doesNotThrow(() => new Function('R', 'G', 'T', 'D', r.js));
});
