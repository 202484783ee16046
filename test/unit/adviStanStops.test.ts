import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileModel } from '../../src/core/codegen/loadModel';
import { fitAdvi } from '../../src/core/infer/advi';
import { modelTarget } from '../../src/core/pipeline/modelTarget';
import { droppedConstant } from '../support/stanConstants';

// Where rstan 2.21's vb() (mean-field, Stan's defaults) stops on the same models, per seed; made by
// test/fixtures/vi/make_stan_advi_stops.R.
const root = path.resolve(__dirname, '../../..');
interface StanRun { seed: number; stopIteration: number | null; rule: 'mean' | 'median' | 'none'; eta: number }
interface StanModelStops { stopIterations: { min: number; max: number }; etas: number | number[]; runs: StanRun[] }
const fixture = JSON.parse(readFileSync(path.join(root, 'test/fixtures/vi/stan_advi_stops.json'), 'utf8')) as {
  meta: { settings: { eval_elbo: number; iter: number } };
  models: Record<string, StanModelStops>;
};
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

for (const [name, stan] of Object.entries(fixture.models)) {
  test(`Stan mode stops like rstan's vb on ${name}: iteration within Stan's seed-to-seed range, eta from Stan's choices`, async () => {
    const source = readFileSync(path.join(root, 'test/fixtures/models', `${name}.stan`), 'utf8');
    const data = JSON.parse(readFileSync(path.join(root, 'test/fixtures/models', `${name}.data.json`), 'utf8')) as Record<string, unknown>;
    const compiled = compileModel(source, data);
    assert.ok(compiled.ok, `${name} compiles`);
    const target = modelTarget(compiled.model);
    // Stan's ELBO keeps the constants `~` drops: without them the relative changes are larger and
    // our fits stop later than Stan's.
    const elboConstant = droppedConstant(source, data);
    const step = fixture.meta.settings.eval_elbo;
    const lo = stan.stopIterations.min - step;
    const hi = stan.stopIterations.max + step;
    const etas = ([] as number[]).concat(stan.etas);
    const stanNeverConverged = stan.runs.some((r) => r.stopIteration === null);
    const outside: string[] = [];
    for (const seed of SEEDS) {
      const fit = await fitAdvi(target, { algorithm: 'stan', method: 'meanfield', seed, outputDraws: 10, elboConstant });
      assert.ok(etas.includes(fit.stepSize!), `seed ${seed}: eta ${fit.stepSize} not among Stan's ${etas.join(', ')}`);
      if (fit.stopCode === 'max-iterations' && stanNeverConverged) continue; // Stan also ran out on some seeds
      assert.match(fit.stopCode, /^relative-tolerance-(mean|median)$/, `seed ${seed}: ${fit.stopReason}`);
      if (fit.iterations < lo || fit.iterations > hi) outside.push(`seed ${seed}: ${fit.iterations}`);
    }
    // The range is Stan's over its seeds; one of ours may fall in a tail that Stan's sample missed.
    assert.ok(outside.length <= 1, `stops outside Stan's range ${lo}..${hi}: ${outside.join(', ')}`);
  });
}

test('Stan mode ELBO with the dropped constants: offset exact, converged value equal to rstan\'s', async () => {
  const name = 'normal_known_sigma';
  const source = readFileSync(path.join(root, 'test/fixtures/models', `${name}.stan`), 'utf8');
  const data = JSON.parse(readFileSync(path.join(root, 'test/fixtures/models', `${name}.data.json`), 'utf8')) as Record<string, unknown>;
  const compiled = compileModel(source, data);
  assert.ok(compiled.ok);
  // 21 normal densities: 21 · log(sqrt(2π)) + log 10 (the prior's scale)
  assert.ok(Math.abs(droppedConstant(source, data) + 21 * 0.5 * Math.log(2 * Math.PI) + Math.log(10)) < 1e-9);
  const target = modelTarget(compiled.model);
  const withC = await fitAdvi(target, { algorithm: 'stan', seed: 1, outputDraws: 10, elboConstant: droppedConstant(source, data) });
  const without = await fitAdvi(target, { algorithm: 'stan', seed: 1, outputDraws: 10 });
  // same optimiser path: the ELBO values differ by the constant exactly
  assert.equal(withC.elboTrace.length > 0 && without.elboTrace.length > 0, true);
  const d = withC.elboTrace[0].elbo - without.elboTrace[0].elbo;
  assert.ok(Math.abs(d - droppedConstant(source, data)) < 1e-9, `ELBO offset ${d}`);
  const stanElbo = fixture.models[name].runs.map((r) => (r as unknown as { elbo: number[] }).elbo.at(-1)!).filter(Number.isFinite);
  const median = stanElbo.sort((a, b) => a - b)[Math.floor(stanElbo.length / 2)];
  // Stan's converged ELBO and ours with the constants agree to Monte Carlo error
  assert.ok(Math.abs(withC.elboTrace.at(-1)!.elbo - median) < 0.5, `ours ${withC.elboTrace.at(-1)!.elbo} vs Stan's ${median}`);
});
