import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileModel } from '../../src/core/codegen/loadModel';
import { importDraws, parseCmdStanCsv, stanName } from '../../src/core/pipeline';

const source = 'parameters { real mu; vector<lower=0>[2] s; }\nmodel { mu ~ normal(0, 1); s ~ exponential(1); }\n';
const hashes = { modelFile: 'm.stan', modelHash: 'h', dataFile: null, dataHash: null };

function model() {
  const c = compileModel(source);
  assert.ok(c.ok);
  return c.model;
}

const csv = (offset: number) => `# stan_version_major = 2
# Adaptation terminated
# Step size = 0.8
lp__,accept_stat__,divergent__,mu,s.1,s.2,extra
-1,0.9,0,${offset + 0.1},1,2,5
# Diagonal elements of inverse mass matrix:
-2,0.8,1,${offset + 0.2},1.5,2.5,5

# Elapsed Time: 0.1 seconds
`;

test('CmdStan names become Stan names', () => {
  assert.equal(stanName('s.1'), 's[1]');
  assert.equal(stanName('Sigma.2.1'), 'Sigma[2,1]');
  assert.equal(stanName('lp__'), 'lp__');
});

test('CmdStan CSV: comments skipped, one file per chain, unmatched names reported', () => {
  const parsed = parseCmdStanCsv(csv(0));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.columns['s[2]'], [2, 2.5]);
  const r = importDraws([{ path: 'c1.csv', text: csv(0) }, { path: 'c2.csv', text: csv(10) }], model(), hashes);
  assert.ok(r.ok);
  assert.equal(r.value.chains, 2);
  assert.deepEqual(r.value.draws.mu, [0.1, 0.2, 10.1, 10.2]);
  assert.equal(r.value.sampler?.divergences, 2);
  assert.ok(r.warnings.some((w) => /extra/.test(w.message)));
  assert.equal(r.value.method, 'imported');
});

test('a malformed CSV row is an error with its line', () => {
  const r = importDraws([{ path: 'bad.csv', text: 'mu,s.1,s.2\n1,2\n' }], model(), hashes);
  assert.ok(!r.ok);
  assert.equal(r.errors[0].file, 'bad.csv');
  assert.equal(r.errors[0].span?.start.line, 2);
});

test('posteriordb JSON and Vigil result JSON', () => {
  const pdb = JSON.stringify([{ mu: [1, 2], 's[1]': [1, 1], 's[2]': [2, 2] }, { mu: [3, 4], 's[1]': [1, 1], 's[2]': [2, 2] }]);
  const r = importDraws([{ path: 'p.json', text: pdb }], model(), hashes);
  assert.ok(r.ok);
  assert.equal(r.value.chains, 2);
  assert.deepEqual(r.value.draws.mu, [1, 2, 3, 4]);
  const vigil = JSON.stringify({ schema: 'vigil.result', chains: 2, draws: { mu: [1, 2, 3, 4] } });
  const v = importDraws([{ path: 'v.json', text: vigil }], model(), hashes);
  assert.ok(v.ok);
  assert.equal(v.value.chains, 2);
  assert.ok(v.warnings.some((w) => /s\[1\]/.test(w.message)), 'missing names reported');
  const none = importDraws([{ path: 'n.json', text: JSON.stringify([{ alpha: [1] }]) }], model(), hashes);
  assert.ok(!none.ok);
});
