import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture, rowsOf } from '../fixtures/math/fixtureReader';
import { normalIdGlmLpdf } from '../../src/core/math/distributions/normalIdGlm';
import { poissonLogGlmLpmf } from '../../src/core/math/distributions/poissonLogGlm';
import { bernoulliLogitGlmLpmf } from '../../src/core/math/distributions/bernoulliLogitGlm';
import { dirichletLpdf } from '../../src/core/math/distributions/dirichlet';
import { categoricalLpmf } from '../../src/core/math/distributions/categorical';
import { categoricalLogitLpmf } from '../../src/core/math/distributions/categoricalLogit';
import { multinomialLpmf } from '../../src/core/math/distributions/multinomial';
import { orderedLogisticLpmf } from '../../src/core/math/distributions/orderedLogistic';
import { multiNormalLpdf } from '../../src/core/math/distributions/multiNormal';
import { multiNormalCholeskyLpdf } from '../../src/core/math/distributions/multiNormalCholesky';
import { multiStudentTLpdf } from '../../src/core/math/distributions/multiStudentT';
import { wishartLpdf } from '../../src/core/math/distributions/wishart';
import { invWishartLpdf } from '../../src/core/math/distributions/invWishart';
import type { GlmGrads } from '../../src/core/math/distributions/glmScratch';

const fx = readFixture('multivariate');
const N = 6, P = 3, K = 3;

type Kind = 'real' | 'int' | 'sym' | 'lower' | 'simplex';
interface Spec {
  layout: [string, number, Kind][];
  /** Evaluates from the flat argument vector; with g, partials are added into g's views. */
  f(a: (i: number) => Float64Array, g: ((i: number) => Float64Array) | null): number;
}

const glm = (a: (i: number) => Float64Array, g: ((i: number) => Float64Array) | null, withY: boolean, sigmaIdx: number): GlmGrads | null =>
  g === null ? null : { y: withY ? g(0) : null, x: g(1), alpha: g(2), beta: g(3), sigma: sigmaIdx >= 0 ? g(sigmaIdx) : null };

const specs: Record<string, Spec> = {
  normal_id_glm: {
    layout: [['y', N, 'real'], ['x', N * P, 'real'], ['alpha', 1, 'real'], ['beta', P, 'real'], ['sigma', 1, 'real']],
    f: (a, g) => normalIdGlmLpdf(glm(a, g, true, 4), 0, a(0), a(1), N, P, a(2)[0], a(3), a(4)[0]),
  },
  poisson_log_glm: {
    layout: [['y', N, 'int'], ['x', N * P, 'real'], ['alpha', 1, 'real'], ['beta', P, 'real']],
    f: (a, g) => poissonLogGlmLpmf(glm(a, g, false, -1), 0, a(0), a(1), N, P, a(2)[0], a(3)),
  },
  bernoulli_logit_glm: {
    layout: [['y', N, 'int'], ['x', N * P, 'real'], ['alpha', 1, 'real'], ['beta', P, 'real']],
    f: (a, g) => bernoulliLogitGlmLpmf(glm(a, g, false, -1), 0, a(0), a(1), N, P, a(2)[0], a(3)),
  },
  dirichlet: {
    layout: [['theta', K, 'simplex'], ['alpha', K, 'real']],
    f: (a, g) => dirichletLpdf(g && g(0), g && g(1), 0, a(0), a(1)),
  },
  categorical: { layout: [['y', 1, 'int'], ['theta', K, 'simplex']], f: (a, g) => categoricalLpmf(g && g(1), 0, a(0)[0], a(1)) },
  categorical_logit: { layout: [['y', 1, 'int'], ['beta', K, 'real']], f: (a, g) => categoricalLogitLpmf(g && g(1), 0, a(0)[0], a(1)) },
  multinomial: { layout: [['y', K, 'int'], ['theta', K, 'simplex']], f: (a, g) => multinomialLpmf(g && g(1), 0, a(0), a(1)) },
  ordered_logistic: {
    layout: [['y', 1, 'int'], ['eta', 1, 'real'], ['c', 3, 'real']],
    f: (a, g) => orderedLogisticLpmf(g && g(1), g && g(2), 0, a(0)[0], a(1)[0], a(2)),
  },
  multi_normal: {
    layout: [['y', K, 'real'], ['mu', K, 'real'], ['Sigma', K * K, 'sym']],
    f: (a, g) => multiNormalLpdf(g && { y: g(0), mu: g(1), S: g(2) }, 0, a(0), a(1), a(2), K),
  },
  multi_normal_cholesky: {
    layout: [['y', K, 'real'], ['mu', K, 'real'], ['L', K * K, 'lower']],
    f: (a, g) => multiNormalCholeskyLpdf(g && { y: g(0), mu: g(1), S: g(2) }, 0, a(0), a(1), a(2), K),
  },
  multi_student_t: {
    layout: [['y', K, 'real'], ['nu', 1, 'real'], ['mu', K, 'real'], ['Sigma', K * K, 'sym']],
    f: (a, g) => multiStudentTLpdf(g && { y: g(0), mu: g(2), S: g(3) }, g && g(1), 0, a(0), a(1)[0], a(2), a(3), K),
  },
  wishart: {
    layout: [['W', K * K, 'sym'], ['nu', 1, 'real'], ['S', K * K, 'sym']],
    f: (a, g) => wishartLpdf(g && { W: g(0), nu: g(1), S: g(2) }, 0, a(0), a(1)[0], a(2), K),
  },
  inv_wishart: {
    layout: [['W', K * K, 'sym'], ['nu', 1, 'real'], ['S', K * K, 'sym']],
    f: (a, g) => invWishartLpdf(g && { W: g(0), nu: g(1), S: g(2) }, 0, a(0), a(1)[0], a(2), K),
  },
};

function views(flat: Float64Array, layout: Spec['layout']): (i: number) => Float64Array {
  const offs: number[] = [];
  let o = 0;
  for (const [, n] of layout) {
    offs.push(o);
    o += n;
  }
  return (i) => flat.subarray(offs[i], offs[i] + layout[i][1]);
}

/** Directions to differentiate along: unit vectors, symmetric pairs, lower-triangle entries, simplex differences. */
function directions(layout: Spec['layout'], total: number): Float64Array[] {
  const dirs: Float64Array[] = [];
  let o = 0;
  for (const [, n, kind] of layout) {
    const unit = (...idx: number[]) => {
      const d = new Float64Array(total);
      for (const i of idx) d[o + i] += 1;
      return d;
    };
    if (kind === 'real') for (let i = 0; i < n; i++) dirs.push(unit(i));
    if (kind === 'sym') for (let j = 0; j < K; j++) for (let i = j; i < K; i++) dirs.push(i === j ? unit(j * K + i) : unit(j * K + i, i * K + j));
    if (kind === 'lower') for (let j = 0; j < K; j++) for (let i = j; i < K; i++) dirs.push(unit(j * K + i));
    if (kind === 'simplex')
      for (let i = 1; i < n; i++) {
        const d = unit(i);
        d[o] -= 1;
        dirs.push(d);
      }
    o += n;
  }
  return dirs;
}

for (const [name, spec] of Object.entries(specs)) {
  test(`${name}: value matches R; partials match central differences`, () => {
    const rows = rowsOf(fx[name]);
    assert.ok(rows.length > 0);
    const total = spec.layout.reduce((s, [, n]) => s + n, 0);
    for (const row of rows) {
      assert.equal(row.length, total + 1, `${name} row layout`);
      const flat = Float64Array.from(row.slice(0, total));
      const want = row[total];
      const got = spec.f(views(flat, spec.layout), null);
      assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${name}: ${got} vs R ${want}`);
      const grad = new Float64Array(total);
      const again = spec.f(views(flat, spec.layout), views(grad, spec.layout));
      assert.equal(again, got);
      for (const d of directions(spec.layout, total)) {
        const h = 1e-6;
        const xp = flat.map((v, i) => v + h * d[i]);
        const xm = flat.map((v, i) => v - h * d[i]);
        const fdv = (spec.f(views(xp, spec.layout), null) - spec.f(views(xm, spec.layout), null)) / (2 * h);
        let an = 0;
        for (let i = 0; i < total; i++) an += grad[i] * d[i];
        assert.ok(Math.abs(an - fdv) <= 1e-6 * Math.max(1, Math.abs(an)), `${name}: directional derivative ${an} vs fd ${fdv} along ${Array.from(d).join(',')}`);
      }
    }
  });
}
