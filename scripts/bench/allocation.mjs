// Bytes allocated on the JS heap per gradient evaluation, for scalar models (eight schools, whose
// gradient is tape-free adjoint code, and a loop model, which uses the tape). Run after `npx tsc -p .`:
//   node --expose-gc scripts/bench/allocation.mjs
// Method: evaluations run in chunks short enough that a chunk rarely contains a scavenge; the growth of
// the used heap over the chunks without one, minus the same for an empty function (the measurement's own
// cost), divided by the evaluations. Zero means nothing is allocated per call on the hot path.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));
const { bytesPerCall, allocationModels } = require(path.join(root, 'out/test/unit/allocationHarness.js'));

if (typeof globalThis.gc !== 'function') console.log('(run with node --expose-gc for a collection before each measurement)');
const total = Number(process.argv[2] ?? 100000);
console.log(`${'model'.padEnd(40)} ${'bytes / evaluation'.padStart(20)}   (${total} evaluations)`);
// Reference: a hand-written eight-schools gradient (returning a number from a call that is not inlined
// boxes it: 16 bytes, the floor for any function measured this way).
const Y8 = Float64Array.from([28, 8, -3, 7, -1, 1, 18, 12]), S8 = Float64Array.from([15, 10, 16, 11, 9, 11, 10, 18]);
function eightHand(th, g) {
  const mu = th[0], lt = th[1], tau = Math.exp(lt);
  let lp = (-mu * mu) / 50 - Math.log1p((tau * tau) / 25) + lt, gmu = -mu / 25, gtau = (-2 * tau) / 25 / (1 + (tau * tau) / 25);
  for (let j = 0; j < 8; j++) {
    const t = th[2 + j], inv = 1 / S8[j], z = (Y8[j] - mu - tau * t) * inv;
    lp += -0.5 * t * t - 0.5 * z * z;
    gmu += z * inv;
    gtau += z * inv * t;
    g[2 + j] = -t + z * inv * tau;
  }
  g[0] = gmu;
  g[1] = gtau * tau + 1;
  return lp;
}
{
  const th = Float64Array.from({ length: 10 }, (_, i) => Math.sin(i + 1) * 0.5), g = new Float64Array(10);
  console.log(`${'hand-written eight schools gradient'.padEnd(40)} ${bytesPerCall(() => eightHand(th, g), total).toFixed(2).padStart(20)}`);
}
for (const { name, src, data } of allocationModels) {
  const r = compileModel(src, data);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.diagnostics)}`);
  const m = r.model;
  const th = Float64Array.from({ length: m.dim }, (_, i) => Math.sin(i + 1) * 0.5);
  const g = new Float64Array(m.dim);
  const b = bytesPerCall(() => m.logDensityGradient(th, g), total);
  const v = bytesPerCall(() => m.logDensity(th), total);
  console.log(`${(name + ', gradient').padEnd(40)} ${b.toFixed(2).padStart(20)}`);
  console.log(`${(name + ', value only').padEnd(40)} ${v.toFixed(2).padStart(20)}`);
}
