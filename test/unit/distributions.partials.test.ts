import { test } from 'node:test';
import assert from 'node:assert/strict';
import { univariateFamilies } from '../../src/core/math/registry';
import type { UnivariateFamily } from '../../src/core/math/family';
import { samplers, makeRand } from '../fixtures/math/familySamplers';

const out = new Float64Array(4);

type Kind = 'lpdf' | 'lcdf' | 'lccdf';

function value(fam: UnivariateFamily, kind: Kind, a: number[]): number {
  if (kind === 'lpdf') return fam.logDensity(0, a[0], a[1], a[2], a[3]);
  if (kind === 'lcdf') return fam.lcdf!(a[0], a[1], a[2], a[3]);
  return fam.lccdf!(a[0], a[1], a[2], a[3]);
}

function withPartials(fam: UnivariateFamily, kind: Kind, a: number[]): number {
  out.fill(NaN);
  if (kind === 'lpdf') return fam.logDensityWithPartials(out, 0, a[0], a[1], a[2], a[3]);
  if (kind === 'lcdf') return fam.lcdfWithPartials!(out, a[0], a[1], a[2], a[3]);
  return fam.lccdfWithPartials!(out, a[0], a[1], a[2], a[3]);
}

for (const [name, fam] of univariateFamilies) {
  test(`${name}: partials agree with central differences at random points`, () => {
    const rand = makeRand(name.length * 7919 + 17);
    const kinds: Kind[] = ['lpdf'];
    if (fam.lcdf) kinds.push('lcdf');
    if (fam.lccdf) kinds.push('lccdf');
    const bad: string[] = [];
    for (let rep = 0; rep < 12; rep++) {
      const a = samplers[name](rand);
      for (const kind of kinds) {
        const v = withPartials(fam, kind, a);
        assert.equal(v, value(fam, kind, a), `${name}_${kind} value with and without partials`);
        if (!Number.isFinite(v)) continue;
        for (let i = 0; i < fam.args.length; i++) {
          if (fam.argKinds[i] !== 'real') continue;
          const h = 1e-6 * Math.max(1, Math.abs(a[i]));
          const ap = a.slice();
          const am = a.slice();
          ap[i] += h;
          am[i] -= h;
          const d = (value(fam, kind, ap) - value(fam, kind, am)) / (2 * h);
          const g = out[i];
          if (!(Math.abs(g - d) <= 1e-6 * Math.max(Math.abs(g), Math.abs(d)) + 1e-8)) bad.push(`d ${name}_${kind}(${a.join(', ')}) / d ${fam.args[i]} = ${g}, fd ${d}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });
}

test('discrete families report zero partials for their integer arguments', () => {
  for (const [name, fam] of univariateFamilies) {
    if (!fam.discrete) continue;
    const a = samplers[name](makeRand(3));
    fam.logDensityWithPartials(out, 0, a[0], a[1], a[2], a[3]);
    fam.argKinds.forEach((k, i) => {
      if (k === 'int') assert.equal(out[i], 0, `${name} ${fam.args[i]}`);
    });
  }
});
