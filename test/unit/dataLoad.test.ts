import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram } from '../../src/core/stan/parser';
import { loadData } from '../../src/core/data/loadData';
import { parseJsonWithSpans } from '../../src/core/data/jsonWithSpans';
import { flatElementName } from '../../src/core/data/dataValue';

function load(model: string, json: string | null) {
  const { program, diagnostics } = parseProgram(model);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), [], 'test model must parse');
  return loadData(program, json);
}

const eightSchools = `data {
  int<lower=0> J;
  array[J] real y;
  array[J] real<lower=0> sigma;
}
parameters { real mu; }
model { mu ~ normal(0, 5); }`;

test('reads eight schools data with sizes taken from earlier variables', () => {
  const r = load(eightSchools, '{"J": 8, "y": [28, 8, -3, 7, -1, 1, 18, 12], "sigma": [15, 10, 16, 11, 9, 11, 10, 18], "extra": "ignored"}');
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.values.get('J')?.shape, []);
  assert.equal(r.values.get('J')?.values[0], 8);
  assert.deepEqual(Array.from(r.values.get('y')!.values), [28, 8, -3, 7, -1, 1, 18, 12]);
  assert.deepEqual(r.values.get('sigma')?.shape, [8]);
});

test('a wrong length names the variable, the expected type and what came, at the place in the file', () => {
  const json = '{\n  "J": 8,\n  "y": [28, 8, -3, 7, -1, 1, 18],\n  "sigma": [15, 10, 16, 11, 9, 11, 10, 18]\n}';
  const r = load(eightSchools, json);
  assert.equal(r.diagnostics.length, 1);
  const d = r.diagnostics[0];
  assert.equal(d.message, "data variable 'y': expected array[8] real, got 7 elements where 8 are needed");
  assert.equal(d.file, 'data');
  assert.deepEqual([d.span.start.line, d.span.start.col], [3, 8]);
});

test('a bound violation names the flattened element', () => {
  const r = load(eightSchools, '{"J": 3, "y": [1, 2, 3], "sigma": [1, 2, -1]}');
  assert.equal(r.diagnostics[0].message, "data variable 'sigma': 'sigma[3]' = -1 violates lower=0");
});

test('missing variables are each named; ints must be whole numbers', () => {
  const r = load(eightSchools, '{"J": 2.5}');
  assert.match(r.diagnostics[0].message, /data variable 'J': expected int, got 2\.5/);
  const r2 = load(eightSchools, '{"J": 2}');
  assert.deepEqual(r2.diagnostics.map((d) => d.message.split(':')[0]), ["data variable 'y'", "data variable 'sigma'"]);
  assert.match(r2.diagnostics[0].message, /missing: the model declares array\[2\] real y/);
});

test('no data file: a model without data needs none; one with data says what is missing', () => {
  assert.deepEqual(load('parameters { real x; } model { x ~ normal(0, 1); }', null).diagnostics, []);
  const r = load(eightSchools, null);
  assert.equal(r.diagnostics[0].file, 'model');
  assert.match(r.diagnostics[0].message, /no data file was given/);
});

test('Infinity, -Infinity and NaN strings are read as reals; integers are accepted for reals', () => {
  const r = load('data { vector[4] v; }', '{"v": ["Infinity", "-Infinity", "NaN", 3]}');
  assert.deepEqual(r.diagnostics, []);
  const v = Array.from(r.values.get('v')!.values);
  assert.equal(v[0], Infinity);
  assert.equal(v[1], -Infinity);
  assert.ok(Number.isNaN(v[2]));
  assert.equal(v[3], 3);
});

test('matrices and nested arrays are read row by row and checked at every level', () => {
  const m = 'data { int N; matrix[N, 2] X; array[2, 3] int k; }';
  const ok = load(m, '{"N": 2, "X": [[1, 2], [3, 4]], "k": [[1, 2, 3], [4, 5, 6]]}');
  assert.deepEqual(ok.diagnostics, []);
  assert.deepEqual(Array.from(ok.values.get('X')!.values), [1, 2, 3, 4]);
  assert.deepEqual(ok.values.get('k')!.shape, [2, 3]);
  const bad = load(m, '{"N": 2, "X": [[1, 2], [3]], "k": [[1, 2, 3], [4, 5, 6]]}');
  assert.match(bad.diagnostics[0].message, /data variable 'X': expected matrix\[2, 2\], got 1 element at nesting level 2/);
});

test('constrained data types are validated', () => {
  const r = load('data { simplex[3] p; cov_matrix[2] S; ordered[3] o; }', '{"p": [0.2, 0.3, 0.4], "S": [[1, 2], [2, 1]], "o": [1, 2, 2]}');
  const msgs = r.diagnostics.map((d) => d.message);
  assert.match(msgs[0], /'p' is not a valid simplex: its elements sum to 0\.9/);
  assert.match(msgs[1], /'S' is not a valid cov_matrix: it is not positive definite/);
  assert.match(msgs[2], /'o' is not a valid ordered: element 3 is not greater than element 2/);
});

test('zero-size variables may be omitted', () => {
  const r = load('data { int N; array[N] real y; }', '{"N": 0}');
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.values.get('y')!.values.length, 0);
});

test('JSON syntax errors have a line and column', () => {
  const r = parseJsonWithSpans('{\n  "a": [1, 2,\n  "b": 3\n}');
  assert.equal(r.value, null);
  assert.equal(r.diagnostics[0].span.start.line, 3);
  const r2 = load('data { real x; }', '{"x": 1,}');
  assert.match(r2.diagnostics[0].message, /data file is not valid JSON/);
});

test('flattened element names follow Stan', () => {
  assert.equal(flatElementName('X', [2, 3], 4), 'X[2,2]');
  assert.equal(flatElementName('y', [5], 0), 'y[1]');
});
