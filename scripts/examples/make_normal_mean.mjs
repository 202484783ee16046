// Writes examples/normal_mean.data.json: N = 100 observations x[n] ~ normal(w = 2, 1).
// Seeded (scripts/examples/seededRandom.mjs) so the data can be regenerated bit for bit:
//   node scripts/examples/make_normal_mean.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { makeNormal, makeUniform } from './seededRandom.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20240521;
const N = 100;
const W = 2;

const normal = makeNormal(makeUniform(SEED));
// Six decimals keep the file readable; the exact posterior uses the data as written.
const x = Array.from({ length: N }, () => Number((W + normal()).toFixed(6)));
// VIGIL_EXAMPLES_OUT: regenerate elsewhere (the tests compare the result with the committed file).
const out = path.join(process.env.VIGIL_EXAMPLES_OUT ?? path.join(root, 'examples'), 'normal_mean.data.json');
// Ten numbers a line, so the file stays readable and diffs stay small.
const rows = [];
for (let i = 0; i < N; i += 10) rows.push('    ' + x.slice(i, i + 10).join(', '));
writeFileSync(out, `{\n  "N": ${N},\n  "x": [\n${rows.join(',\n')}\n  ]\n}\n`);
const mean = x.reduce((a, b) => a + b, 0) / N;
console.log(`wrote ${path.relative(root, out)}: N = ${N}, sample mean ${mean.toFixed(4)}`);
