// One joint draw of an exact posterior as CmdStan-JSON values by variable name, so a caller can run the
// compiled model's transformed parameters and generated quantities on it:
//   model.writeArray(model.unconstrain(drawToJson(draws, result.shapes, i)), rng)
import type { JsonValue } from '../../model/JsonValue';
import { flatElementName } from '../../data/dataValue';

export function drawToJson(draws: Record<string, Float64Array>, shapes: Record<string, number[]>, i: number): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, shape] of Object.entries(shapes)) {
    let flat = 0;
    const build = (d: number): JsonValue => {
      if (d === shape.length) return draws[flatElementName(name, shape, flat++)][i];
      return Array.from({ length: shape[d] }, () => build(d + 1));
    };
    out[name] = build(0);
  }
  return out;
}
