// The comparison reads the real parsed program: declaration ranges for warnings, blocks, and the
// centered hierarchies that make funnels.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareDraws } from '../../src/core/diagnose/compare/compareDraws';
import { declarationRanges, stanVariableOf } from '../../src/core/diagnose/compare/declarationRanges';
import { nonCenteredSuggestion } from '../../src/core/diagnose/compare/funnel';
import { scaleRelations } from '../../src/core/diagnose/compare/scaleRelations';
import { Rng } from '../../src/core/infer/rng';
import { analyzeStan } from '../../src/core/stan/analyze';
import { funnelDraw, funnelMeanFieldDraw, funnelNames, jointChains, jointDraws } from '../support/compareTargets';

const root = path.resolve(__dirname, '../../..');
const example = (name: string) => fs.readFileSync(path.join(root, 'examples', name), 'utf8');

function parse(source: string) {
  const a = analyzeStan(source);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity === 'error'), []);
  return a.program;
}

// line/col (1-based) of the first occurrence of `text`
function locate(source: string, text: string): { line: number; col: number; offset: number } {
  const offset = source.indexOf(text);
  assert.ok(offset >= 0, text);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1, offset };
}

test('declaration ranges, blocks and constraints come from the parsed program', () => {
  const src = [
    'data { int N; vector[N] y; }',
    'parameters {',
    '  real mu;',
    '  real<lower=0> sigma;',
    '  array[2] vector<lower=-1>[3] z;',
    '  cov_matrix[2] Sigma;',
    '}',
    'transformed parameters { real s2 = square(sigma); }',
    'model { { real local = 1; } y ~ normal(mu, sigma); }',
    'generated quantities { real y_rep = normal_rng(mu, sigma); }',
  ].join('\n');
  const d = declarationRanges(parse(src));
  assert.deepEqual([...d.keys()], ['mu', 'sigma', 'z', 'Sigma', 's2', 'y_rep']);
  const sigma = d.get('sigma')!;
  const at = locate(src, 'real<lower=0> sigma');
  assert.deepEqual(sigma.range.start, at);
  assert.equal(sigma.range.end.offset, at.offset + 'real<lower=0> sigma'.length);
  assert.deepEqual([sigma.block, sigma.scalar, sigma.positive], ['parameters', true, true]);
  assert.deepEqual([d.get('z')!.positive, d.get('z')!.scalar, d.get('mu')!.positive], [false, false, false]);
  assert.equal(d.get('s2')!.block, 'transformed parameters');
  assert.equal(d.get('y_rep')!.block, 'generated quantities');
  assert.deepEqual(['theta[3]', 'Sigma[2,1]', 'z.1.2', 'tau'].map(stanVariableOf), ['theta', 'Sigma', 'z', 'tau']);
});

test('centered hierarchies are found in ~ statements, loops and target += _lpdf calls', () => {
  const src = [
    'data { int J; }',
    'parameters { real mu; real<lower=0> tau; real<lower=0> nu; vector[J] a; vector[J] b; vector[J] c; real<lower=0> s; }',
    'model {',
    '  a ~ normal(mu, tau);',
    '  for (j in 1:J) b[j] ~ student_t(nu, 2 * mu, tau * s);',
    '  target += cauchy_lpdf(c | 0, s);',
    '  mu ~ normal(0, tau);',
    '}',
  ].join('\n');
  const program = parse(src);
  const rel = scaleRelations(program, declarationRanges(program), src);
  assert.deepEqual(rel.map((r) => `${r.group}|${r.scale}|${r.distribution}|${r.location}`),
    ['a|tau|normal|mu', 'b|tau|student_t|2 * mu', 'b|s|student_t|2 * mu', 'c|s|cauchy|0', 'mu|tau|normal|0']);
  assert.deepEqual(rel.map(nonCenteredSuggestion), [
    'a = mu + tau * a_raw with a_raw ~ std_normal()',
    'b = 2 * mu + tau * s * b_raw with b_raw ~ student_t(nu, 0, 1)',
    'b = 2 * mu + tau * s * b_raw with b_raw ~ student_t(nu, 0, 1)',
    'c = s * c_raw with c_raw ~ cauchy(0, 1)',
    'mu = tau * mu_raw with mu_raw ~ std_normal()',
  ]);
});

test('centered eight schools: funnel suggestion on theta and sd warning on tau, at their declarations', () => {
  const src = example('eight_schools_centered.stan');
  const program = parse(src);
  const rng = new Rng(21);
  const J = 8;
  const names = funnelNames(J);
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: jointDraws(names, 4000, () => funnelMeanFieldDraw(rng, J)), khat: 0.95 },
    reference: { kind: 'nuts', draws: jointChains(names, 4, 1000, () => funnelDraw(rng, J)), health: { divergences: 0 } },
    program,
    source: src,
  });
  const funnel = r.warnings.find((w) => w.kind === 'funnel');
  assert.ok(funnel, JSON.stringify(r.warnings.map((w) => w.kind)));
  assert.equal(funnel.parameter, 'theta');
  assert.match(funnel.message,
    /^theta: centered parameterization under the scale tau forms a funnel \(log tau and the spread of theta correlate at 0\.9\d under NUTS, and the variational sd of tau is \d+% of the NUTS sd\); try a non-centered parameterization: theta = mu \+ tau \* theta_raw with theta_raw ~ std_normal\(\)\.$/);
  assert.deepEqual(funnel.range!.start, locate(src, 'vector[J] theta'));
  const tau = r.warnings.find((w) => w.kind === 'sd-ratio-low' && w.parameter === 'tau');
  assert.ok(tau);
  assert.deepEqual(tau.range!.start, locate(src, 'real<lower=0> tau'));
  assert.match(tau.message, /^tau: the variational sd is \d+% of the NUTS sd; uncertainty is underestimated\.$/);
  const k = r.warnings.find((w) => w.kind === 'khat');
  assert.ok(k && k.range === null && k.parameter === null);
  assert.deepEqual(r.joint.funnels.map((f) => [f.scale, f.group, f.location, f.distribution]), [['tau', 'theta', 'mu', 'normal']]);
  assert.ok(r.parameters.every((m) => m.block === 'parameters'));
});

test('non-centered eight schools: the same squeezed tau gets the sd warning but no funnel suggestion', () => {
  const src = example('eight_schools_noncentered.stan');
  const program = parse(src);
  const rng = new Rng(22);
  const J = 8;
  const raw = Array.from({ length: J }, (_, j) => `theta_tilde[${j + 1}]`);
  const names = [...funnelNames(J), ...raw];
  // theta = mu + tau * theta_tilde: append the standardised effects to each funnel draw
  const withRaw = (d: number[]) => [...d, ...d.slice(2).map((t) => (t - d[0]) / d[1])];
  const r = compareDraws({
    approximation: { method: 'meanfield', draws: jointDraws(names, 4000, () => withRaw(funnelMeanFieldDraw(rng, J))), khat: 0.3 },
    reference: { kind: 'nuts', draws: jointChains(names, 4, 1000, () => withRaw(funnelDraw(rng, J))) },
    program,
    source: src,
  });
  assert.deepEqual(r.joint.funnels, []);
  assert.ok(!r.warnings.some((w) => w.kind === 'funnel'));
  assert.ok(r.warnings.some((w) => w.kind === 'sd-ratio-low' && w.parameter === 'tau'));
  const theta = r.parameters.find((m) => m.name === 'theta[1]')!;
  assert.equal(theta.block, 'transformed parameters');
  // correlations are over the parameters block only (mu, tau, theta_tilde)
  assert.deepEqual(r.joint.correlation!.names, ['mu', 'tau', ...raw]);
});
