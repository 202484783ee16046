// `npm run main`: the job the README's first command runs on a fresh machine. Builds Vigil, checks the
// default example (centered eight schools), then runs `vigil compare` on it: a mean-field fit against the
// reference posterior (exact when the program allows one, else NUTS), printing the summary table and the
// warnings, and writing the JSON and HTML reports to vigil-report/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(label, args) {
  console.log(`\n> ${label}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.error) {
    console.error(`main: could not run ${label}: ${r.error.message}`);
    process.exit(2);
  }
  return r.status ?? 1;
}

const built = run('node scripts/build.mjs', [path.join(root, 'scripts/build.mjs')]);
if (built !== 0) {
  console.error('main: the build failed (see above).');
  process.exit(built);
}

const vigil = path.join(root, 'bin/vigil.js');
const checked = run('vigil check   (the default example: eight schools, centered)', [vigil, 'check']);
if (checked !== 0) process.exit(checked);

const model = path.join('examples', 'eight_schools_centered.stan');
const outDir = 'vigil-report';
const json = path.join(outDir, 'eight_schools_centered.json');
const html = path.join(outDir, 'eight_schools_centered.html');
const compared = run(`vigil compare ${model} --method meanfield --reference auto --seed 1 --out ${json} --html ${html}`, [
  vigil, 'compare', model, '--method', 'meanfield', '--reference', 'auto', '--seed', '1', '--out', json, '--html', html,
]);
if (compared === 0) {
  console.log(`\nThe report is in ${path.join(root, html)} (open it in a browser; it needs no network),`);
  console.log(`and the same numbers as JSON in ${path.join(root, json)}.`);
}
process.exit(compared);
