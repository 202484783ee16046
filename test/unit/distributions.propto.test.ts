import { test } from 'node:test';
import assert from 'node:assert/strict';
import { univariateFamilies } from '../../src/core/math/registry';
import { PROPTO } from '../../src/core/math/flags';
import { samplers, makeRand } from '../fixtures/math/familySamplers';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const o1 = new Float64Array(4);
const o2 = new Float64Array(4);

/**
 * With PROPTO, the dropped amount full - propto may depend only on constant arguments: moving any
 * non-constant argument must leave it unchanged, and the partials of the kept terms must equal the
 * full partials. With every argument constant the whole density is dropped (Stan returns 0).
 */
for (const [name, fam] of univariateFamilies) {
  test(`${name}: propto drops only terms free of non-constant arguments`, () => {
    const k = fam.args.length;
    let intMask = 0;
    fam.argKinds.forEach((kind, i) => {
      if (kind === 'int') intMask |= 1 << i;
    });
    const rand = makeRand(name.length * 31 + 5);
    for (let rep = 0; rep < 4; rep++) {
      const a = samplers[name](rand);
      for (let mask = 0; mask < 1 << k; mask++) {
        if ((mask & intMask) !== intMask) continue; // integer arguments are always constants
        const flags = mask | PROPTO;
        const full = fam.logDensityWithPartials(o1, mask, a[0], a[1], a[2], a[3]);
        const prop = fam.logDensityWithPartials(o2, flags, a[0], a[1], a[2], a[3]);
        if (mask === (1 << k) - 1) {
          assert.equal(prop, 0, `${name}: all constant gives 0`);
          continue;
        }
        const dropped = full - prop;
        for (let i = 0; i < k; i++) {
          if (mask & (1 << i)) continue;
          assert.ok(Math.abs(o1[i] - o2[i]) <= 1e-12 * Math.max(1, Math.abs(o1[i])), `${name} mask ${mask}: partial ${i} changed by propto`);
          const b = a.slice();
          b[i] += 0.01 * Math.max(1, Math.abs(b[i]));
          const d2 = fam.logDensity(mask, b[0], b[1], b[2], b[3]) - fam.logDensity(flags, b[0], b[1], b[2], b[3]);
          assert.ok(Math.abs(d2 - dropped) <= 1e-10 * Math.max(1, Math.abs(dropped)), `${name} mask ${mask}: dropped term depends on ${fam.args[i]} (${dropped} vs ${d2})`);
        }
      }
    }
  });
}

test('propto drops exactly Stan\'s constants (explicit cases)', () => {
  const normal = univariateFamilies.get('normal')!;
  const [y, mu, sigma] = [0.3, -1.1, 2.5];
  const full = normal.logDensity(0, y, mu, sigma, 0);
  // sigma data: drop -log(2 pi)/2 and -log(sigma)
  assert.ok(Math.abs(full - normal.logDensity(4 | PROPTO, y, mu, sigma, 0) - (-LOG_SQRT_2PI - Math.log(sigma))) < 1e-14);
  // sigma parameter: drop only -log(2 pi)/2
  assert.ok(Math.abs(full - normal.logDensity(PROPTO, y, mu, sigma, 0) + LOG_SQRT_2PI) < 1e-14);
  const poisson = univariateFamilies.get('poisson')!;
  // lambda parameter: -lgamma(n+1) dropped
  assert.ok(Math.abs(poisson.logDensity(1 | PROPTO, 4, 2.5, 0, 0) - (4 * Math.log(2.5) - 2.5)) < 1e-14);
  const gamma = univariateFamilies.get('gamma')!;
  // y data, alpha data, beta parameter: keep alpha log beta - beta y only
  assert.ok(Math.abs(gamma.logDensity(3 | PROPTO, 1.7, 2.2, 0.9, 0) - (2.2 * Math.log(0.9) - 0.9 * 1.7)) < 1e-14);
  const binomial = univariateFamilies.get('binomial')!;
  assert.ok(Math.abs(binomial.logDensity(3 | PROPTO, 3, 10, 0.25, 0) - (3 * Math.log(0.25) + 7 * Math.log(0.75))) < 1e-14);
  const studentT = univariateFamilies.get('student_t')!;
  // nu and sigma data: only the kernel -(nu+1)/2 log1p(z^2/nu) stays
  const t = ((0.4 - 0.1) / 1.3) ** 2 / 5;
  assert.ok(Math.abs(studentT.logDensity(2 | 8 | PROPTO, 0.4, 5, 0.1, 1.3) + 3 * Math.log1p(t)) < 1e-14);
});
