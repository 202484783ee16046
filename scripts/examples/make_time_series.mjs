// Writes the data of the two time-series examples:
//   examples/ar1.data.json                     y[t] = mu + phi (y[t-1] - mu) + sigma e[t], started stationary
//   examples/stochastic_volatility.data.json   returns y[t] = exp(h[t] / 2) e[t], with an AR(1) log volatility h
//   node scripts/examples/make_time_series.mjs
import path from 'node:path';
import { round, seeded } from './seededRandom.mjs';
import { examplePath, repoRoot as root, writeDataJson } from './writeDataJson.mjs';


// AR(1) around mu; the first value is drawn from the stationary distribution.
function ar1Path(rand, T, mu, phi, sigma) {
  const h = [mu + (sigma / Math.sqrt(1 - phi * phi)) * rand.normal()];
  for (let t = 1; t < T; t++) h.push(mu + phi * (h[t - 1] - mu) + sigma * rand.normal());
  return h;
}

function save(name, data, note) {
  const out = examplePath(`${name}.data.json`);
  writeDataJson(out, data);
  console.log(`wrote ${path.relative(root, out)}: ${note}`);
}

{
  const T = 200, mu = 1, phi = 0.8, sigma = 0.5;
  const y = ar1Path(seeded(20240617), T, mu, phi, sigma).map((v) => round(v, 4));
  save('ar1', { T, y }, `T = ${T} from mu = ${mu}, phi = ${phi}, sigma = ${sigma}`);
}

{
  // Daily-return-like scale with persistent volatility (phi near 1).
  const T = 200, mu = -1, phi = 0.9, sigma = 0.35;
  const rand = seeded(20240618);
  const h = ar1Path(rand, T, mu, phi, sigma);
  const y = h.map((ht) => round(Math.exp(ht / 2) * rand.normal(), 4));
  save('stochastic_volatility', { T, y }, `T = ${T} from mu = ${mu}, phi = ${phi}, sigma = ${sigma}`);
}
