import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { autocovariance } from '../../src/core/diagnose/autocovariance';
import { fft } from '../../src/core/diagnose/fft';
import { normalQuantile } from '../../src/core/diagnose/normalQuantile';
import { averageRanks } from '../../src/core/diagnose/rank';
import { betaQuantile } from '../../src/core/math/special/betaQuantile';
import { incBeta } from '../../src/core/math/special/incBeta';
import { lgamma } from '../../src/core/math/special/lgamma';
import { assertClose, readFixture } from '../fixtures/diagnose/readFixture';

interface Special {
  qnorm: { p: number[]; q: number[] };
  beta: { p: number[]; a: number[]; b: number[]; qbeta: number[]; pbeta_at_half_mean: number[] };
  lgamma: { x: number[]; y: number[] };
}
const fx = readFixture<Special>('special.json');

test('normalQuantile agrees with R qnorm', () => {
  fx.qnorm.p.forEach((p, i) => assertClose(normalQuantile(p), fx.qnorm.q[i], 1e-15, `qnorm(${p})`));
  assert.equal(normalQuantile(0), -Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});

test('betaQuantile and incBeta (used by the quantile MCSE) agree with R qbeta/pbeta', () => {
  const { p, a, b } = fx.beta;
  p.forEach((pi, i) => {
    assertClose(betaQuantile(pi, a[i], b[i]), fx.beta.qbeta[i], 1e-11, `qbeta(${pi}, ${a[i]}, ${b[i]})`);
    const x = (0.5 * a[i]) / (a[i] + b[i]) + 0.25;
    assertClose(incBeta(a[i], b[i], x), fx.beta.pbeta_at_half_mean[i], 1e-10, `pbeta(${x}, ${a[i]}, ${b[i]})`);
  });
});

test('lgamma agrees with R lgamma', () => {
  fx.lgamma.x.forEach((x, i) => assertClose(lgamma(x), fx.lgamma.y[i], 1e-13, `lgamma(${x})`));
});

test('fft round trip and a known transform', () => {
  const re = Float64Array.from([1, 2, 3, 4, 0, 0, 0, 0]);
  const im = new Float64Array(8);
  fft(re, im);
  assertClose(re[0], 10, 1e-15, 'DC term');
  assertClose(re[4], -2, 1e-15, 'Nyquist term');
  fft(re, im, true);
  [1, 2, 3, 4, 0, 0, 0, 0].forEach((v, i) => assert.ok(Math.abs(re[i] / 8 - v) < 1e-14));
  assert.throws(() => fft(new Float64Array(6), new Float64Array(6)), RangeError);
});

test('FFT autocovariance equals the direct sum', () => {
  let s = 7;
  const x = Float64Array.from({ length: 999 }, () => ((s = (s * 69069 + 1) % 4294967296) / 4294967296) + 0.001 * s);
  const n = x.length;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  const ac = autocovariance(x);
  for (const lag of [0, 1, 2, 17, 500, 998]) {
    let direct = 0;
    for (let i = 0; i + lag < n; i++) direct += (x[i] - m) * (x[i + lag] - m);
    direct /= n;
    assert.ok(Math.abs(ac[lag] - direct) <= 1e-12 * ac[0], `lag ${lag}: ${ac[lag]} vs ${direct}`);
  }
  assert.deepEqual([...autocovariance(new Float64Array(5).fill(2))], [0, 0, 0, 0, 0]);
});

test('average ranks share ties and put NaN last', () => {
  assert.deepEqual([...averageRanks([3, 1, 3, 2, NaN, 3])], [4, 1, 4, 2, 6, 4]);
});

// Diagnostics must stay loadable anywhere (CLI, worker, tests): they use their own files and the math
// library's special functions, which are plain arithmetic too.
test('core/diagnose imports only its own files and node-free code', () => {
  const root = path.resolve(__dirname, '../../..');
  const dir = path.join(root, 'src/core/diagnose');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of text.matchAll(/from\s+'([^']+)'/g)) assert.ok(m[1].startsWith('./') || m[1].startsWith('../math/special/'), `${f} imports ${m[1]}`);
    assert.ok(!/\b(window|document)\./.test(text), `${f} uses the DOM`);
  }
});
