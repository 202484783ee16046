#!/usr/bin/env node
// Runs the Stan front end (compiled, out/) over every .stan file under a folder and sorts the files:
//   clean    no errors (warnings allowed)
//   legacy   errors, and the file uses syntax removed by Stan 2.33 (listed per file)
//   suspect  errors in a file with no removed syntax: a likely false error, printed for review
// Usage: npx tsc -p . && node scripts/bench/checkCorpus.mjs <folder> [--verbose] [--json]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { analyzeStan } = require(path.join(root, 'out/src/core/stan/analyze.js'));

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const verbose = args.includes('--verbose');
if (!folder) {
  console.error('usage: node scripts/bench/checkCorpus.mjs <folder> [--verbose] [--json]');
  process.exit(2);
}

// Syntax that Stan 2.33 removed (Reference Manual, "Removed Features"), detected line by line.
// The old array syntax (`real x[N]`, `real[]` in signatures) is not here: Vigil accepts it with a
// deprecation warning, so an error in a file that only has old arrays is a suspect.
const REMOVED = [
  ['<- assignment', /<-/],
  ['increment_log_prob', /\bincrement_log_prob\s*\(/],
  ['get_lp()', /\bget_lp\s*\(/],
  ['lp__', /\blp__\b/],
  ['if_else()', /\bif_else\s*\(/],
  ['_log density suffix', /\b[a-z0-9_]+_(?:log|cdf_log|ccdf_log)\s*\(/],
  ['~ on a _log user density', /\b\w+_log\b/],
  ['# comment', /(^|[^"'\w])#(?!include)/],
  ['removed function (fabs, multiply_log, binomial_coefficient_log, cov_exp_quad)', /\b(?:fabs|multiply_log|binomial_coefficient_log|cov_exp_quad)\s*\(/],
  ['cdf called with a comma instead of |', /\b\w+_(?:cdf|lcdf|lccdf)\s*\([^|;]*\)\s*[;+*/)-]/],
  ['identifier now reserved (array, lower, upper, offset, multiplier)', /\b(?:int|real|vector|row_vector|matrix)(?:\[[^\]]*\])?(?:<[^>]*>)?(?:\[[^\]]*\])?\s+(?:array|lower|upper|offset|multiplier)\s*[;=[]/],
  ['integrate_ode (unsuffixed)', /\bintegrate_ode\s*\(/],
  ['#include', /^\s*#include/],
  ['nested multi-indexing in an assignment', /\[[^\]]*:[^\]]*\]\s*\[[^\]]*\]\s*=/],
];

function removedFeatures(source) {
  const found = [];
  const lines = source.split('\n');
  lines.forEach((line, k) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const [name, re] of REMOVED) if (re.test(code)) found.push({ name, line: k + 1 });
  });
  return found;
}

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.name.endsWith('.stan')) out.push(full);
  }
  return out;
}

const files = walk(path.resolve(folder), []).sort();
const counts = { models: files.length, clean: 0, legacy: 0, suspect: 0 };
const byFeature = new Map();
const report = [];
const t0 = performance.now();
for (const file of files) {
  const source = fs.readFileSync(file, 'utf8');
  const name = path.relative(path.resolve(folder), file);
  let diagnostics;
  try {
    diagnostics = analyzeStan(source).diagnostics;
  } catch (e) {
    counts.suspect++;
    report.push(`SUSPECT ${name}: analyzeStan threw ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
    continue;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const fmt = (d) => `${name}:${d.span.start.line}:${d.span.start.col}: ${d.message}`;
  if (errors.length === 0) {
    counts.clean++;
    continue;
  }
  const features = removedFeatures(source);
  if (features.length > 0) {
    counts.legacy++;
    const names = [...new Set(features.map((f) => f.name))];
    for (const n of names) byFeature.set(n, (byFeature.get(n) ?? 0) + 1);
    // An error on a line with no removed syntax may still be a false error hidden in a legacy file.
    const flagged = new Set(features.map((f) => f.line));
    const unexplained = errors.filter((d) => !flagged.has(d.span.start.line));
    if (verbose) {
      report.push(`legacy  ${name}: ${names.join(', ')}`);
      for (const d of unexplained.slice(0, 3)) report.push(`          unexplained: ${fmt(d)}`);
    }
  } else {
    counts.suspect++;
    report.push(`SUSPECT ${name}`);
    for (const d of errors.slice(0, 5)) report.push(`          ${fmt(d)}`);
  }
}
const ms = performance.now() - t0;
if (report.length > 0) console.log(report.join('\n'));
console.log('\nremoved features among legacy files:');
for (const [n, c] of [...byFeature].sort((a, b) => b[1] - a[1])) console.log(`  ${String(c).padStart(4)}  ${n}`);
console.log(
  `\n${counts.models} models: ${counts.clean} clean, ${counts.legacy} with errors and removed syntax, ` +
    `${counts.suspect} suspect (errors without removed syntax); ${ms.toFixed(0)} ms`,
);
if (args.includes('--json')) console.log(JSON.stringify(counts));
