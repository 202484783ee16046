// Writes examples/logistic_correlated.data.json: a logistic regression whose first two predictors are
// strongly correlated (0.95), so their coefficients are strongly negatively correlated a posteriori;
// the third predictor is independent of both, as a control.
//   node scripts/examples/make_logistic_correlated.mjs
import path from 'node:path';
import { round, seeded } from './seededRandom.mjs';
import { examplePath, repoRoot as root, writeDataJson } from './writeDataJson.mjs';

const out = examplePath('logistic_correlated.data.json');
const rand = seeded(20240607);
const N = 200;
const K = 3;
const RHO = 0.95;
const ALPHA = 0.3;
const BETA = [1.0, 0.5, -0.8];

const X = [];
const y = [];
for (let n = 0; n < N; n++) {
  // x1 and x2 share a common factor: corr(x1, x2) = RHO, both standard normal.
  const common = rand.normal();
  const x1 = Math.sqrt(RHO) * common + Math.sqrt(1 - RHO) * rand.normal();
  const x2 = Math.sqrt(RHO) * common + Math.sqrt(1 - RHO) * rand.normal();
  const x3 = rand.normal();
  const row = [x1, x2, x3].map((v) => round(v, 4));
  const eta = ALPHA + row.reduce((s, v, k) => s + v * BETA[k], 0);
  X.push(row);
  y.push(rand.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
}

writeDataJson(out, { N, K, X, y });
const col = (k) => X.map((r) => r[k]);
const corr = (a, b) => {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
};
console.log(`wrote ${path.relative(root, out)}: N = ${N}, ${y.reduce((s, v) => s + v, 0)} ones, ` +
  `sample corr(x1, x2) = ${corr(col(0), col(1)).toFixed(3)}, corr(x1, x3) = ${corr(col(0), col(2)).toFixed(3)}`);
