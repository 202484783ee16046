// Unconstrained draws -> constrained draws by flattened Stan name (parameters, transformed parameters,
// generated quantities), with the generated quantities' `_rng` seeded from the run's seed.
import { Rng } from '../infer/rng';
import type { CompiledModel } from '../model/CompiledModel';

// The stream reserved for generated quantities, so they never reuse the fit's own random numbers.
const GQ_STREAM = 7919;

export function outputNames(model: CompiledModel): string[] {
  return [...model.parameterNames, ...model.transformedParameterNames, ...model.generatedQuantityNames];
}

// `draws`: row-major ndraws x dim. Returns one array per name, in Stan's order.
export function constrainDraws(model: CompiledModel, draws: ArrayLike<number>, ndraws: number, seed: number, stream = 0): Record<string, number[]> {
  const names = outputNames(model);
  const columns = names.map(() => new Array<number>(ndraws));
  const rng = new Rng(seed, GQ_STREAM + stream);
  const dim = model.dim;
  const theta = new Float64Array(dim);
  for (let s = 0; s < ndraws; s++) {
    for (let i = 0; i < dim; i++) theta[i] = draws[s * dim + i];
    const row = model.writeArray(theta, rng);
    for (let j = 0; j < names.length; j++) columns[j][s] = j < row.length ? row[j] : NaN;
  }
  const out: Record<string, number[]> = {};
  names.forEach((n, j) => (out[n] = columns[j]));
  return out;
}
