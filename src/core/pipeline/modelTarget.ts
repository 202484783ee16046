// A compiled Stan model seen as an inference target (the interface the VI and NUTS engines use).
import type { LogDensityTarget } from '../infer/target';
import type { CompiledModel } from '../model/CompiledModel';

export function modelTarget(model: CompiledModel): LogDensityTarget {
  return {
    dim: model.dim,
    coordinateNames: model.unconstrainedNames,
    logDensity: (theta) => model.logDensity(theta),
    logDensityGradient: (theta, grad) => model.logDensityGradient(theta, grad),
    droppedConstant: (theta) => model.droppedConstant(theta),
    lastRejection: () => model.lastError || null,
  };
}
