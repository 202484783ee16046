// What quadrature needs from a model: the log density on the unconstrained space (with the Jacobian)
// and the map to the constrained outputs. `quadratureTargetFromModel` adapts a CompiledModel.
import type { CompiledModel } from '../../model/CompiledModel';
import type { JsonValue } from '../../model/JsonValue';
import { flatElementName } from '../../data/dataValue';

export interface QuadratureTarget {
  // Number of unconstrained coordinates (quadrature handles 1 or 2).
  readonly dim: number;
  readonly coordinateNames: readonly string[];
  // log p(theta) + log|J| on the unconstrained scale; -Infinity (or NaN) where rejected.
  logDensity(theta: Float64Array): number;
  // Flattened constrained names (row-major, `theta[2]`), one per output.
  readonly outputNames: readonly string[];
  // Writes the constrained outputs for theta into out (length outputNames.length).
  constrain(theta: Float64Array, out: Float64Array): void;
  // Shapes of the constrained variables by name (default: every output a scalar of its own name).
  readonly shapes?: Record<string, number[]>;
}

function shapeOf(v: JsonValue): number[] {
  const shape: number[] = [];
  for (let x: JsonValue = v; Array.isArray(x); x = x[0]) shape.push(x.length);
  return shape;
}

function flatten(name: string, v: JsonValue, names: string[], values: number[]): void {
  const shape = shapeOf(v);
  const flat: number[] = [];
  const walk = (x: JsonValue) => (Array.isArray(x) ? x.forEach(walk) : flat.push(x));
  walk(v);
  flat.forEach((x, i) => {
    names.push(flatElementName(name, shape, i));
    values.push(x);
  });
}

export function quadratureTargetFromModel(model: CompiledModel): QuadratureTarget {
  const probe = new Float64Array(model.dim);
  const outputNames: string[] = [];
  const first: number[] = [];
  const shapes: Record<string, number[]> = {};
  for (const [name, v] of Object.entries(model.constrain(probe))) {
    flatten(name, v, outputNames, first);
    shapes[name] = shapeOf(v);
  }
  return {
    shapes,
    dim: model.dim,
    coordinateNames: model.unconstrainedNames,
    logDensity: (theta) => {
      try {
        return model.logDensity(theta);
      } catch {
        return -Infinity; // fatal_error() in the model: treat the point as outside the support
      }
    },
    outputNames,
    constrain(theta, out) {
      const names: string[] = [];
      const values: number[] = [];
      try {
        for (const [name, v] of Object.entries(model.constrain(theta))) flatten(name, v, names, values);
      } catch {
        out.fill(NaN);
        return;
      }
      for (let i = 0; i < out.length; i++) out[i] = values[i];
    },
  };
}
