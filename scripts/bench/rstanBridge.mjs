// The Node side of the rstan comparisons: writes each model (rstan 2.21 wants the old `real y[N]` array
// syntax) and its data into the cache folder, and runs the R scripts in scripts/bench/rstan/ on a job
// file. Compiled rstan models are cached beside their .stan files (.bench-cache/rstan/*.rds).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(root, '.bench-cache', 'rstan');
const require = createRequire(import.meta.url);
const rDir = path.join(root, 'scripts', 'bench', 'rstan');

let rstanInfo;
/** { ok, version, message }: whether Rscript with rstan, posterior and jsonlite is usable here. */
export function rstanAvailable() {
  if (rstanInfo) return rstanInfo;
  const r = spawnSync('Rscript', ['-e', 'suppressMessages({library(rstan);library(posterior);library(jsonlite)});cat(as.character(packageVersion("rstan")))'], { encoding: 'utf8' });
  rstanInfo = r.status === 0 ? { ok: true, version: r.stdout.trim() } : { ok: false, message: r.error ? 'Rscript not found' : (r.stderr || '').trim().split('\n').slice(-2).join(' ') };
  return rstanInfo;
}

function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}

/** Writes the model in old array syntax and its data; returns { name, stan, data } paths for R. */
export function prepareRstanModel(name, source, data) {
  mkdirSync(cacheDir, { recursive: true });
  const { toOldArraySyntax } = require(path.join(root, 'out/test/support/toOldArraySyntax.js'));
  const stan = path.join(cacheDir, `${name}.stan`);
  const dataFile = path.join(cacheDir, `${name}.data.json`);
  // Rewriting an unchanged file would make rstan think the cached .rds is stale.
  writeIfChanged(stan, toOldArraySyntax(source));
  writeIfChanged(dataFile, JSON.stringify(data));
  return { name, stan, data: dataFile };
}

/** Runs scripts/bench/rstan/<script> on `job`; R's progress goes to our stderr. Resolves to its JSON. */
export function runR(script, job) {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const jobFile = path.join(os.tmpdir(), `vigil-bench-${tag}.job.json`);
  const outFile = path.join(os.tmpdir(), `vigil-bench-${tag}.out.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise((resolve) => {
    const p = spawn('Rscript', [path.join(rDir, script), jobFile, outFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('close', (code) => {
      let res = null;
      try { res = JSON.parse(readFileSync(outFile, 'utf8')); } catch { /* no output */ }
      rmSync(jobFile, { force: true });
      rmSync(outFile, { force: true });
      resolve(res ?? { error: `Rscript ${script} exited with ${code} and wrote no result` });
    });
  });
}
