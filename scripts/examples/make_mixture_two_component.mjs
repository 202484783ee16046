// Writes the data of the two mixture examples, both drawn from a two-component normal mixture:
//   examples/mixture_two_component.data.json  well-separated components (means 5 sds apart)
//   examples/mixture_overlapping.data.json    overlapping components (means two sds apart: one hump)
//   node scripts/examples/make_mixture_two_component.mjs
import path from 'node:path';
import { round, seeded } from './seededRandom.mjs';
import { examplePath, repoRoot as root, writeDataJson } from './writeDataJson.mjs';


function write(name, seed, { N, lambda, mu, sigma }) {
  const rand = seeded(seed);
  const y = [];
  for (let n = 0; n < N; n++) {
    const k = rand.uniform() < lambda ? 0 : 1;
    y.push(round(mu[k] + sigma[k] * rand.normal(), 4));
  }
  const out = examplePath(`${name}.data.json`);
  writeDataJson(out, { N, y });
  console.log(`wrote ${path.relative(root, out)}: N = ${N} from lambda = ${lambda}, mu = [${mu}], sigma = [${sigma}]`);
}

write('mixture_two_component', 20240614, { N: 200, lambda: 0.3, mu: [-2.5, 2.5], sigma: [1, 1] });
write('mixture_overlapping', 20240615, { N: 300, lambda: 0.4, mu: [-1, 1], sigma: [1, 1] });
