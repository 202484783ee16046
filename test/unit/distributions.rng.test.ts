import { test } from 'node:test';
import assert from 'node:assert/strict';
import { univariateFamilies } from '../../src/core/math/registry';
import { Rng } from '../../src/core/infer/rng';
import { samplers, makeRand } from '../fixtures/math/familySamplers';
import { besselIRatio } from '../../src/core/math/special/bessel';

const N = 6000;

/**
 * Each family's rng against its own cdf (itself checked against R): at the 10/30/50/70/90% points
 * of the sample, the empirical cdf must be within 5 binomial standard errors of exp(lcdf).
 * Families without an lcdf are compared with the cdf of an equivalent family.
 */
const equivalent: Record<string, (p: number[]) => [string, number[]]> = {
  poisson_log: (p) => ['poisson', [Math.exp(p[0])]],
  binomial_logit: (p) => ['binomial', [p[0], 1 / (1 + Math.exp(-p[1]))]],
  bernoulli_logit: (p) => ['bernoulli', [1 / (1 + Math.exp(-p[0]))]],
  neg_binomial_2_log: (p) => ['neg_binomial_2', [Math.exp(p[0]), p[1]]],
};

for (const [name, fam] of univariateFamilies) {
  test(`${name}_rng matches the family's cdf`, () => {
    const rng = new Rng(1234, name.length);
    const rand = makeRand(77 + name.length);
    for (let rep = 0; rep < 3; rep++) {
      const params = samplers[name](rand).slice(1);
      const xs = new Float64Array(N);
      for (let i = 0; i < N; i++) xs[i] = fam.rng(rng, params[0], params[1], params[2]);
      for (const x of xs) assert.ok(Number.isFinite(x), `${name}_rng(${params}) gave ${x}`);
      if (name === 'von_mises') {
        // E[cos(y - mu)] = I1(kappa)/I0(kappa); values within mu +- pi (mu reduced mod 2 pi)
        let c = 0, c2 = 0;
        for (const x of xs) {
          const v = Math.cos(x - params[0]);
          c += v;
          c2 += v * v;
        }
        const mean = c / N;
        const sd = Math.sqrt(c2 / N - mean * mean);
        assert.ok(Math.abs(mean - besselIRatio(0, params[1])) <= (5 * sd) / Math.sqrt(N), `${name}: mean cos ${mean}`);
        continue;
      }
      let cdfFam = fam;
      let cdfParams = params;
      if (!fam.lcdf) {
        const [other, p] = equivalent[name](params);
        cdfFam = univariateFamilies.get(other)!;
        cdfParams = p;
      }
      const sorted = Float64Array.from(xs).sort();
      for (const q of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const x = sorted[Math.floor(q * N)];
        let below = 0;
        for (const v of xs) if (v <= x) below++;
        const emp = below / N;
        const F = Math.exp(cdfFam.lcdf!(x, cdfParams[0], cdfParams[1], cdfParams[2]));
        const se = Math.sqrt(Math.max(F * (1 - F), 1e-4) / N);
        assert.ok(Math.abs(emp - F) <= 5 * se + 1e-12, `${name}_rng(${params}): P(X <= ${x}) empirical ${emp}, cdf ${F}`);
      }
    }
  });
}
