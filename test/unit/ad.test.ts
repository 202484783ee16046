// The reverse-mode tape: every scalar operation and every container operation against central finite
// differences, on a tape small enough to grow during the test.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Tape } from '../../src/core/codegen/tape';
import * as gradOps from '../../src/core/codegen/gradOps';
import * as gradReductions from '../../src/core/codegen/gradReductions';
import { Mat } from '../../src/core/codegen/mat';

const G = { ...gradOps, ...gradReductions };

// d f / d x by the tape and by central differences; f builds on the tape from parameter nodes 0..n-1
// and returns a scalar node; fv is the same function on plain numbers.
function check(name: string, x: number[], f: (T: Tape) => number, fv: (x: number[]) => number): void {
  const T = new Tape(2, 2);
  T.reset(x);
  T.target(f(T));
  const g = new Float64Array(x.length);
  const v = T.gradient(g);
  assert.ok(Math.abs(v - fv(x)) <= 1e-12 * Math.max(1, Math.abs(v)), `${name}: value ${v} vs ${fv(x)}`);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[i]));
    const a = x.slice(), b = x.slice();
    a[i] += h;
    b[i] -= h;
    const fd = (fv(a) - fv(b)) / (2 * h);
    assert.ok(Math.abs(g[i] - fd) <= 1e-6 * Math.max(1, Math.abs(fd)), `${name}: d/dx${i} ${g[i]} vs ${fd}`);
  }
}

const unary: [string, (T: Tape, a: number) => number, (x: number) => number, number][] = [
  ['exp', (T, a) => T.exp(a), Math.exp, 0.7],
  ['log', (T, a) => T.log(a), Math.log, 1.3],
  ['sqrt', (T, a) => T.sqrt(a), Math.sqrt, 2.1],
  ['square', (T, a) => T.square(a), (x) => x * x, -1.4],
  ['inv', (T, a) => T.inv(a), (x) => 1 / x, 0.8],
  ['log1p', (T, a) => T.log1p(a), Math.log1p, 0.4],
  ['expm1', (T, a) => T.expm1(a), Math.expm1, -0.3],
  ['log1m', (T, a) => T.log1m(a), (x) => Math.log1p(-x), 0.2],
  ['log1p_exp', (T, a) => T.log1p_exp(a), (x) => Math.log1p(Math.exp(x)), 1.7],
  ['inv_logit', (T, a) => T.inv_logit(a), (x) => 1 / (1 + Math.exp(-x)), -0.9],
  ['logit', (T, a) => T.logit(a), (x) => Math.log(x / (1 - x)), 0.35],
  ['log_inv_logit', (T, a) => T.log_inv_logit(a), (x) => -Math.log1p(Math.exp(-x)), 0.6],
  ['log1m_inv_logit', (T, a) => T.log1m_inv_logit(a), (x) => -Math.log1p(Math.exp(x)), 0.6],
  ['tanh', (T, a) => T.tanh(a), Math.tanh, 0.5],
  ['sin', (T, a) => T.sin(a), Math.sin, 0.5],
  ['cos', (T, a) => T.cos(a), Math.cos, 0.5],
  ['atan', (T, a) => T.atan(a), Math.atan, 0.5],
  ['abs', (T, a) => T.abs(a), Math.abs, -0.5],
  ['neg', (T, a) => T.neg(a), (x) => -x, 0.5],
  ['powc', (T, a) => T.powc(a, 2.5), (x) => Math.pow(x, 2.5), 1.5],
  ['cpow', (T, a) => T.cpow(1.7, a), (x) => Math.pow(1.7, x), 0.9],
  ['addc/subc/csub/mulc/divc/cdiv', (T, a) => T.cdiv(3, T.divc(T.mulc(T.csub(2, T.subc(T.addc(a, 1), 0.5)), 4), 2)), (x) => 3 / (((2 - (x + 1 - 0.5)) * 4) / 2), 0.3],
];

for (const [name, f, fv, x0] of unary) test(`tape ${name}`, () => check(name, [x0], (T) => f(T, 0), (x) => fv(x[0])));

test('tape lgamma (digamma partial)', () => {
  const T = new Tape();
  T.reset([3.5]);
  T.target(T.lgamma(0));
  const g = new Float64Array(1);
  T.gradient(g);
  // digamma(3.5) = 1/2.5 + 1/1.5 + 1/0.5 + digamma(0.5), digamma(0.5) = -gamma - 2 log 2
  assert.ok(Math.abs(g[0] - (1 / 2.5 + 1 / 1.5 + 2 - 0.5772156649015329 - 2 * Math.LN2)) < 1e-12);
});

test('tape binary operations', () => {
  const bin: [string, (T: Tape) => number, (x: number[]) => number][] = [
    ['add', (T) => T.add(0, 1), (x) => x[0] + x[1]],
    ['sub', (T) => T.sub(0, 1), (x) => x[0] - x[1]],
    ['mul', (T) => T.mul(0, 1), (x) => x[0] * x[1]],
    ['div', (T) => T.div(0, 1), (x) => x[0] / x[1]],
    ['pow', (T) => T.pow(0, 1), (x) => Math.pow(x[0], x[1])],
    ['fmax', (T) => T.fmax(0, 1), (x) => Math.max(x[0], x[1])],
    ['fmin', (T) => T.fmin(0, 1), (x) => Math.min(x[0], x[1])],
    ['log_sum_exp2', (T) => T.log_sum_exp2(0, 1), (x) => Math.log(Math.exp(x[0]) + Math.exp(x[1]))],
    ['shared subexpressions', (T) => { const s = T.mul(0, 1); return T.add(T.mul(s, s), T.exp(s)); }, (x) => (x[0] * x[1]) ** 2 + Math.exp(x[0] * x[1])],
  ];
  for (const [name, f, fv] of bin) check(name, [1.3, 0.7], f, fv);
});

test('container operations: elementwise, dot, sum, log_sum_exp, matrix products', () => {
  const x = [0.3, -1.2, 0.8, 1.5, -0.4, 0.9];
  const v = (T: Tape) => Int32Array.of(0, 1, 2);
  const w = (T: Tape) => Int32Array.of(3, 4, 5);
  const data = Float64Array.of(2, -1, 0.5);
  check('ewG + - .* ./', x, (T) => G.sumG(T, G.ewG(T, 3, G.ewG(T, 2, G.ewG(T, 0, v(T), w(T), 3) as Int32Array, data, 1) as Int32Array, G.ewG(T, 1, w(T), 5, 1) as Int32Array, 3) as Int32Array),
    (x) => [0, 1, 2].reduce((s, i) => s + ((x[i] + x[3 + i]) * data[i]) / (x[3 + i] - 5), 0));
  check('dotG / dotSelfG', x, (T) => T.add(G.dotG(T, v(T), w(T), 3), G.dotSelfG(T, v(T))), (x) => x[0] * x[3] + x[1] * x[4] + x[2] * x[5] + x[0] ** 2 + x[1] ** 2 + x[2] ** 2);
  check('logSumExpG', x, (T) => G.logSumExpG(T, Int32Array.of(0, 1, 2, 3, 4, 5)), (x) => Math.log(x.reduce((s, e) => s + Math.exp(e), 0)));
  const M = new Mat(2, 3, Float64Array.of(1, 2, -1, 0.5, 3, -2)); // column-major
  const mvv = (x: number[]) => [0, 1].map((i) => [0, 1, 2].reduce((s, j) => s + M.data[j * 2 + i] * x[j], 0));
  check('mvG data matrix (reverse callback)', x, (T) => { const r = G.mvG(T, M, v(T), 2); return T.add(T.mul(r[0], r[0]), T.exp(r[1])); }, (x) => mvv(x)[0] ** 2 + Math.exp(mvv(x)[1]));
  check('mvG parameter matrix', x, (T) => { const Mp = new Mat(2, 3, Int32Array.of(0, 1, 2, 3, 4, 5)); const r = G.mvG(T, Mp, data, 1); return T.mul(r[0], r[1]); },
    (x) => (x[0] * 2 + x[2] * -1 + x[4] * 0.5) * (x[1] * 2 + x[3] * -1 + x[5] * 0.5));
  check('mmG', x, (T) => { const A = new Mat(2, 3, Int32Array.of(0, 1, 2, 3, 4, 5)); const C = G.mmG(T, A, G.transposeG(A) as Mat, 3); return G.sumG(T, C); },
    (x) => { let s = 0; for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 3; k++) s += x[k * 2 + i] * x[k * 2 + j]; return s; });
});

test('the tape grows without losing values, and resets between evaluations', () => {
  const T = new Tape(4, 4);
  for (let rep = 0; rep < 3; rep++) {
    T.reset([0.5]);
    let s = 0;
    for (let i = 0; i < 5000; i++) s = i === 0 ? T.mulc(0, 1) : T.add(s, T.mulc(0, 1 / (i + 1)));
    T.target(s);
    const g = new Float64Array(1);
    const v = T.gradient(g);
    let h = 0;
    for (let i = 0; i < 5000; i++) h += 1 / (i + 1);
    assert.ok(Math.abs(g[0] - h) < 1e-9 && Math.abs(v - 0.5 * h) < 1e-9);
  }
});
