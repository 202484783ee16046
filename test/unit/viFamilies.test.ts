import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ElboWorkspace, estimateElbo } from '../../src/core/infer/elbo';
import { FullRank } from '../../src/core/infer/fullRank';
import { MeanField } from '../../src/core/infer/meanField';
import type { VariationalFamily } from '../../src/core/infer/family';
import { Rng } from '../../src/core/infer/rng';
import { bananaTarget, standardNormalTarget } from '../support/targets';

const LOG_2PI = Math.log(2 * Math.PI);

function randomFamily(kind: 'meanfield' | 'fullrank', dim: number, rng: Rng): VariationalFamily {
  const f = kind === 'meanfield' ? new MeanField(dim) : new FullRank(dim);
  for (let i = 0; i < f.params.length; i++) f.params[i] = 0.5 * rng.normal();
  return f;
}

/** The gradient w.r.t. the family's packed parameters equals central differences of the objective. */
function assertFiniteDifferences(f: VariationalFamily, objective: () => number, grad: Float64Array): void {
  for (let k = 0; k < grad.length; k++) {
    const h = 1e-6;
    const keep = f.params[k];
    f.params[k] = keep + h;
    const up = objective();
    f.params[k] = keep - h;
    const down = objective();
    f.params[k] = keep;
    const fd = (up - down) / (2 * h);
    assert.ok(Math.abs(fd - grad[k]) < 1e-5 * Math.max(1, Math.abs(fd)), `param ${k}: ${grad[k]} vs ${fd}`);
  }
}

/** Dense scale matrix S (θ = μ + S z) and log det, built from transform() alone. */
function denseScale(f: VariationalFamily): Float64Array {
  const n = f.dim;
  const S = new Float64Array(n * n);
  const z = new Float64Array(n);
  const base = new Float64Array(n);
  const col = new Float64Array(n);
  f.transform(z, base);
  for (let j = 0; j < n; j++) {
    z.fill(0);
    z[j] = 1;
    f.transform(z, col);
    for (let i = 0; i < n; i++) S[i * n + j] = col[i] - base[i];
  }
  return S;
}

for (const kind of ['meanfield', 'fullrank'] as const) {
  test(`${kind}: entropy and log q agree with the Gaussian density of the scale matrix`, () => {
    const rng = new Rng(7, 0);
    const f = randomFamily(kind, 3, rng);
    const S = denseScale(f);
    // triangular (or diagonal): log det = sum log |diag|
    let logDet = 0;
    for (let i = 0; i < 3; i++) logDet += Math.log(Math.abs(S[i * 3 + i]));
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) assert.equal(S[i * 3 + j], 0);
    assert.ok(Math.abs(f.entropy() - (1.5 * (1 + LOG_2PI) + logDet)) < 1e-12);
    const z = Float64Array.from([0.3, -1.2, 0.7]);
    const expected = -0.5 * (0.09 + 1.44 + 0.49) - logDet - 1.5 * LOG_2PI;
    assert.ok(Math.abs(f.logDensityFromStandard(z) - expected) < 1e-12);
    // marginal sds are the row norms of S
    const sd = f.marginalSd();
    for (let i = 0; i < 3; i++) {
      const rowNorm = Math.sqrt(S[i * 3] ** 2 + S[i * 3 + 1] ** 2 + S[i * 3 + 2] ** 2);
      assert.ok(Math.abs(sd[i] - rowNorm) < 1e-12);
    }
  });

  test(`${kind}: reparameterisation gradient matches finite differences of the fixed-draw ELBO`, () => {
    const rng = new Rng(11, 0);
    const f = randomFamily(kind, 2, rng);
    const target = bananaTarget(0.1);
    const zs = Array.from({ length: 5 }, () => Float64Array.from([rng.normal(), rng.normal()]));
    const theta = new Float64Array(2);
    const g = new Float64Array(2);
    const objective = () => {
      let s = 0;
      for (const z of zs) { f.transform(z, theta); s += target.logDensity(theta); }
      return s / zs.length + f.entropy();
    };
    const grad = new Float64Array(f.params.length);
    for (const z of zs) {
      f.transform(z, theta);
      target.logDensityGradient(theta, g);
      f.accumulateGradient(z, g, grad);
    }
    for (let k = 0; k < grad.length; k++) grad[k] /= zs.length;
    f.addEntropyGradient(grad);
    assertFiniteDifferences(f, objective, grad);
  });
}

for (const kind of ['meanfield', 'fullrank'] as const) {
  test(`${kind}: sticking-the-landing gradient matches finite differences of log p − log q with q's parameters frozen`, () => {
    const rng = new Rng(13, 0);
    const f = randomFamily(kind, 3, rng);
    const target = bananaTarget(0.1);
    const t3 = { ...target, dim: 3, logDensity: (x: Float64Array) => target.logDensity(x) - 0.5 * x[2] * x[2] };
    const gradOf = (x: Float64Array, g: Float64Array) => { target.logDensityGradient(x, g); g[2] = -x[2]; };
    // q frozen at the current parameters: log q0(θ) through its dense scale matrix S0 (lower triangular)
    const S0 = denseScale(f);
    const mu0 = f.params.slice(0, 3);
    const logQ0 = (theta: Float64Array) => {
      const x = new Float64Array(3);
      let logDet = 0;
      for (let i = 0; i < 3; i++) {
        let s = theta[i] - mu0[i];
        for (let j = 0; j < i; j++) s -= S0[i * 3 + j] * x[j];
        x[i] = s / S0[i * 3 + i];
        logDet += Math.log(S0[i * 3 + i]);
      }
      return -0.5 * (x[0] ** 2 + x[1] ** 2 + x[2] ** 2) - logDet - 1.5 * LOG_2PI;
    };
    const z = Float64Array.from([0.4, -1.1, 0.8]);
    const theta = new Float64Array(3);
    const objective = () => { f.transform(z, theta); return t3.logDensity(theta) - logQ0(theta); };
    const g = new Float64Array(3);
    f.transform(z, theta);
    gradOf(theta, g);
    const grad = new Float64Array(f.params.length);
    f.accumulatePathGradient(z, g, grad);
    assertFiniteDifferences(f, objective, grad);
  });
}

test('ELBO of the exact approximation is log Z within its Monte Carlo error', () => {
  const n = 3;
  const target = standardNormalTarget(n, 0);
  for (const f of [new MeanField(n), new FullRank(n)]) {
    f.reset(new Float64Array(n));
    const est = estimateElbo(target, f, new Rng(1, 2), 100, new ElboWorkspace(n), { gradient: 0, value: 0 });
    // sd of log p = sqrt(n/2) over 100 draws
    assert.ok(Math.abs(est.mcse - Math.sqrt(n / 2) / 10) < 0.05, `mcse ${est.mcse}`);
    assert.ok(Math.abs(est.elbo - 0.5 * n * LOG_2PI) < 4 * est.mcse, String(est.elbo));
  }
});

test('ELBO drops draws with non-finite log density and reports -Infinity when all are', () => {
  const f = new MeanField(2);
  f.reset(new Float64Array(2));
  const nan = { dim: 2, coordinateNames: ['a', 'b'], logDensity: () => NaN, logDensityGradient: () => NaN };
  const counter = { gradient: 0, value: 0 };
  const est = estimateElbo(nan, f, new Rng(1, 2), 10, new ElboWorkspace(2), counter);
  assert.equal(est.elbo, -Infinity);
  assert.equal(est.dropped, 10);
  assert.equal(counter.value, 10);
});

for (const kind of ['meanfield', 'fullrank'] as const) {
  test(`${kind}: averaging coordinates (μ and the variances, or μ and L on the natural scale) map back exactly`, () => {
    const rng = new Rng(11, 0);
    const f = randomFamily(kind, 4, rng);
    const avg = new Float64Array(f.params.length);
    f.toAveraged(avg);
    // mean-field: the variances; full rank: L's diagonal, exp of the stored log
    const diag = kind === 'meanfield' ? [4, 5, 6, 7] : [4, 6, 9, 13];
    const sd = f.marginalSd();
    diag.forEach((at, i) => assert.ok(Math.abs(avg[at] - (kind === 'meanfield' ? sd[i] * sd[i] : Math.exp(f.params[at]))) < 1e-12));
    if (kind === 'fullrank') assert.equal(avg[5], f.params[5], 'off-diagonal entries as they are');
    const g = kind === 'meanfield' ? new MeanField(4) : new FullRank(4);
    assert.equal(g.fromAveraged(avg), true);
    g.params.forEach((p, i) => assert.ok(Math.abs(p - f.params[i]) < 1e-10, `${i}: ${p} vs ${f.params[i]}`));
    // an average of valid scales is valid; a negative one is refused, params unchanged
    const bad = Float64Array.from(avg);
    bad[diag[2]] = -1;
    const before = Float64Array.from(g.params);
    assert.equal(g.fromAveraged(bad), false);
    assert.deepEqual(g.params, before);
  });
}
