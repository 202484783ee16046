// The `vigil` command line (bundled to dist/cli.js; bin/vigil.js loads it). All logic is in src/cli/.
import { runCli } from './cli/runCli';

// `vigil check --print ast model.stan | head` closes stdout early: end quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`vigil: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
