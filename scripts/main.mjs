// `npm run main`: the job the README's first command runs on a fresh machine. Builds Vigil, then runs
// `vigil check` on the embedded default example (centered eight schools) and prints what it found.
// Later issues extend this to fit, compare and report.
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
process.exit(checked);
