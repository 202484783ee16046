// Writes examples/radon_hierarchical.data.json: radon-like measurements in the style of Gelman and Hill's
// Minnesota radon data (log radon in houses, grouped by county; whether the measurement was taken on the
// first floor rather than in the basement; the county's log soil uranium), generated, not copied.
// Counties have very different numbers of houses (a few have one or two), which is what makes partial
// pooling matter. The true values are close to the published estimates for the real data.
//   node scripts/examples/make_radon_hierarchical.mjs
import path from 'node:path';
import { round, seeded } from './seededRandom.mjs';
import { examplePath, repoRoot as root, writeDataJson } from './writeDataJson.mjs';

const out = examplePath('radon_hierarchical.data.json');
const rand = seeded(20240612);
const J = 40;
const MU_ALPHA = 1.45;      // log radon in a basement of a county with average uranium
const B_URANIUM = 0.72;     // per unit of log uranium
const BETA_FLOOR = -0.65;   // first floor against basement
const SIGMA_COUNTY = 0.15;  // county variation left after uranium: small, as in the real data
const SIGMA = 0.76;         // house-to-house variation
const P_FIRST_FLOOR = 0.2;

const logUranium = Array.from({ length: J }, () => round(0.35 * rand.normal(), 3));
// Log-normal county sizes between 1 and 60 houses.
const sizes = Array.from({ length: J }, () => Math.min(60, Math.max(1, Math.round(Math.exp(1.7 + 1.0 * rand.normal())))));
const alpha = logUranium.map((u) => MU_ALPHA + B_URANIUM * u + SIGMA_COUNTY * rand.normal());
const county = [];
const firstFloor = [];
const logRadon = [];
sizes.forEach((n, j) => {
  for (let i = 0; i < n; i++) {
    const f = rand.uniform() < P_FIRST_FLOOR ? 1 : 0;
    county.push(j + 1);
    firstFloor.push(f);
    logRadon.push(round(alpha[j] + BETA_FLOOR * f + SIGMA * rand.normal(), 3));
  }
});

const N = county.length;
writeDataJson(out, { N, J, county, first_floor: firstFloor, log_uranium: logUranium, log_radon: logRadon });
console.log(`wrote ${path.relative(root, out)}: N = ${N} houses in J = ${J} counties ` +
  `(sizes ${Math.min(...sizes)} to ${Math.max(...sizes)}, ${sizes.filter((s) => s <= 2).length} with at most two), ` +
  `${firstFloor.reduce((s, v) => s + v, 0)} first-floor measurements`);
