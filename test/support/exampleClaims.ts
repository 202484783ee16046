// Runs an example from examples/ through the real pipeline, the way `vigil compare` does (prepare, fit,
// reference, buildCompareReport), but computes the reference once per example so several variational
// families can be held against it. Claims about the resulting report are checked by exampleClaimsAssert.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildCompareReport, fitPrepared, prepareModel, referencePrepared,
  type FitOptions, type FitRequest, type PreparedModel, type ReferenceRun, type VariationalMethod,
} from '../../src/core/pipeline';
import type { CompareReport, FitResult } from '../../src/core/result/fitResult';

export const repoRoot = path.resolve(__dirname, '../../..');

export function exampleInput(name: string): Pick<FitRequest, 'model' | 'data'> {
  const model = path.join(repoRoot, 'examples', `${name}.stan`);
  const data = path.join(repoRoot, 'examples', `${name}.data.json`);
  return { model: { source: readFileSync(model, 'utf8'), path: model }, data: { text: readFileSync(data, 'utf8'), path: data } };
}

// The reference the claims are checked against: smaller than the CLI default (4 × 1000 + 1000) to keep the
// suite fast; the asserted parameters keep bulk and tail ESS above 400 at this size (measured).
export const TEST_REFERENCE: FitOptions = { chains: 4, warmup: 500, draws: 500 };

export interface ExampleRun {
  name: string;
  seed: number;
  input: Pick<FitRequest, 'model' | 'data'>;
  prepared: PreparedModel;
  reference: ReferenceRun;
  referenceSeconds: number;
  compare(method: VariationalMethod): Promise<CompareReport & { seconds: number }>;
}

function fail(what: string, errors: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(errors)}`);
}

/** Prepares the example and computes its reference ('auto': exact where the program allows, else NUTS). */
export async function exampleRun(name: string, seed: number, referenceOptions: FitOptions = TEST_REFERENCE): Promise<ExampleRun> {
  const input = exampleInput(name);
  const prep = prepareModel(input.model, input.data);
  if (!prep.ok) fail(`${name}: prepare`, prep.errors);
  const prepared = prep.prepared;
  const started = performance.now();
  const ref = await referencePrepared(prepared, { ...input, seed, options: referenceOptions }, { kind: 'auto' }, {});
  if (!ref.ok) fail(`${name}: reference`, ref.errors);
  const reference = ref.value;
  const referenceSeconds = (performance.now() - started) / 1000;
  return {
    name, seed, input, prepared, reference, referenceSeconds,
    async compare(method) {
      const t = performance.now();
      // The same seed for the fit and the reference, as `vigil compare --seed N` uses.
      const fit = await fitPrepared(prepared, method, { ...input, seed }, {});
      if (!fit.ok) fail(`${name}: ${method} fit`, fit.errors);
      const approx = fit.value.result as FitResult & { method: VariationalMethod };
      const report = buildCompareReport(approx, reference, prepared.program, input.model.source);
      return Object.assign(report, { seconds: (performance.now() - t) / 1000 });
    },
  };
}
