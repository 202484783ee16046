// No model text can make the generated code do anything but evaluate the model: identifiers are
// mangled, strings JSON-escaped, numbers validated. Hostile programs compile to code that only computes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compileModel, compileToJs } from '../../src/core/codegen/loadModel';

const g = globalThis as Record<string, unknown>;

test('hostile identifiers are mangled and cannot reach JavaScript names', () => {
  // Names that are JavaScript globals, runtime parameters of the generated code, or object internals.
  const names = ['constructor', 'toString', 'R', 'G', 'T', 'D', 'LP', 'RNG', 'theta', 'eval', 'Function', 'process', 'require', 'globalThis', 'prototype', 'arguments', 'this_', 'return_'];
  const decls = names.map((n) => `real ${n};`).join(' ');
  const uses = names.map((n) => `${n} ~ normal(0, 1);`).join(' ');
  const src = `parameters { ${decls} } model { ${uses} }`;
  const r = compileModel(src);
  assert.ok(r.ok, r.ok ? '' : r.diagnostics.map((d) => d.message).join('; '));
  if (!r.ok) return;
  const th = Float64Array.from(names, (_, i) => i / 10);
  const expected = -0.5 * Array.from(th).reduce((s, x) => s + x * x, 0);
  assert.ok(Math.abs(r.model.logDensity(th) - expected) < 1e-12);
  const grad = new Float64Array(names.length);
  r.model.logDensityGradient(th, grad);
  grad.forEach((v, i) => assert.ok(Math.abs(v + th[i]) < 1e-12));
  // Every Stan name appears only mangled or inside a string literal.
  for (const n of names) assert.ok(!new RegExp(`(^|[^A-Za-z0-9_"$])${n}([^A-Za-z0-9_"]|$)`).test(r.model.source.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\b[vOPF]_\w+/g, '')) || ['R', 'G', 'T', 'D', 'LP', 'RNG', 'theta'].includes(n), `bare ${n} in generated code`);
});

test('hostile strings in print and reject are data, not code', () => {
  const payloads = [
    '"); globalThis.__vigilPwned = 1; ("',
    "'); globalThis.__vigilPwned = 2; ('",
    '`${globalThis.__vigilPwned = 3}`',
    '\\"); globalThis.__vigilPwned = 4; //',
    '</script><script>globalThis.__vigilPwned = 5</script>',
    '\u2028globalThis.__vigilPwned = 6\u2029',
  ];
  let compiled = 0;
  for (const p of payloads) {
    const lit = JSON.stringify(p); // a Stan string literal with the same escapes
    const src = `parameters { real mu; } model { print(${lit}); if (mu > 0) reject(${lit}, mu); mu ~ normal(0, 1); }`;
    const lines: string[] = [];
    const r = compileModel(src, {}, (l) => lines.push(l));
    if (!r.ok) {
      // The front end may refuse some escapes; refusing is safe too.
      continue;
    }
    compiled++;
    assert.equal(r.model.logDensity(Float64Array.of(-1)), -0.5);
    assert.equal(lines[0], p, 'print shows the string as written');
    assert.equal(r.model.logDensity(Float64Array.of(1)), -Infinity);
    assert.equal(r.model.lastError, `${p}1`);
    assert.equal(g.__vigilPwned, undefined, `payload ran: ${p}`);
  }
  assert.equal(g.__vigilPwned, undefined);
  assert.ok(compiled >= 4, `only ${compiled} payloads compiled`);
});

test('numeric literals are validated and emitted as numbers', () => {
  const r = compileToJs('parameters { real mu; } model { mu ~ normal(1e-300, 1.5e2); target += 0.5 * 2e0; }');
  assert.ok(r.ok);
  if (r.ok) assert.ok(/1e-300/.test(r.js) && /150/.test(r.js));
  const big = compileModel('parameters { real mu; } model { target += -1e999 * 0 + mu; }');
  // Either refused at compile time or evaluated as a number (Infinity * 0 = NaN rejects the point).
  if (big.ok) assert.equal(big.model.logDensity(Float64Array.of(0)), -Infinity);
  assert.equal(g.__vigilPwned, undefined);
});

test('generated code uses no globals: it runs with the JavaScript globals shadowed', () => {
  const r = compileToJs('data { int N; vector[N] y; } parameters { real mu; } model { y ~ normal(mu, 1); }');
  assert.ok(r.ok);
  if (!r.ok) return;
  // Only the runtime parameters, Math, typed arrays and literals may be referenced.
  const idents = new Set(r.js.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\$\w+/g, '').match(/\b[A-Za-z_$][A-Za-z0-9_$]*\b/g));
  const allowed = /^(R|G|T|D|LP|RNG|NANN|DIM|IOTA|theta|jacobian|grad|wantTp|wantGq|rng|out|Math|NaN|Infinity|Float64Array|Int32Array|const|let|function|return|if|else|for|while|break|continue|of|new|true|false|null|throw|use|strict|lpV|lpG|write|dim|params|tparams|gqs|(?:[vOPFfAN]|AP|AT|BV|BG)_\w+|\$\w+|a|b|kind|lub|none|lo|hi|length|val|data|lj|p|d|c|m|mvd|[a-zA-Z]+)$/;
  for (const id of idents) assert.ok(allowed.test(id), id);
  for (const bad of ['require', 'process', 'globalThis', 'eval', 'Function', 'import', 'module', 'exports', 'window', 'setTimeout']) assert.ok(!idents.has(bad), bad);
});
