#!/usr/bin/env node
// Front-end benchmark: lex, parse and full analysis (parse + check) times for the test corpora and a
// generated 1000-line program. Measured and printed, never pass/fail.
// Usage: npx tsc -p . && node scripts/bench/frontend.mjs [--runs N] [folder...]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (p) => require(path.join(root, 'out', p));
const { lex } = out('src/core/stan/lexer.js');
const { parseProgram } = out('src/core/stan/parser.js');
const { analyzeStan } = out('src/core/stan/analyze.js');
const { generateLongProgram } = out('test/support/generateLongProgram.js');
const { loadStanCorpus } = out('test/support/stanCorpus.js');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const folders = args.filter((a, k) => !a.startsWith('--') && k !== runsAt + 1);

// Median CPU time (ms, this process) and median wall time of `runs` calls after 2 warm-ups. CPU time
// is the figure to read on a shared machine: wall time there also measures the other jobs.
function median(fn, runs = RUNS) {
  for (let k = 0; k < 2; k++) fn();
  const cpu = [];
  const wall = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { cpu: mid(cpu), wall: mid(wall) };
}

const num = (x) => x.toFixed(2).padStart(8);
const row = (name, lines, l, p, a, aw, errors) =>
  console.log(`${name.padEnd(58)} ${String(lines).padStart(5)} ${num(l)} ${num(p)} ${num(a)} ${num(aw)} ${String(errors).padStart(6)}`);

function bench(name, source) {
  const l = median(() => lex(source)).cpu;
  const p = median(() => parseProgram(source)).cpu;
  const at = median(() => analyzeStan(source));
  const errors = analyzeStan(source).diagnostics.filter((d) => d.severity === 'error').length;
  row(name, source.split('\n').length, l, p, at.cpu, at.wall, errors);
  return { l, p, a: at.cpu, aw: at.wall };
}

console.log(`medians of ${RUNS} runs after 2 warm-ups, CPU milliseconds (analyze = parse + check; last time column: analyze wall ms)`);
console.log(`${'program'.padEnd(58)} ${'lines'.padStart(5)} ${'lex'.padStart(8)} ${'parse'.padStart(8)} ${'analyze'.padStart(8)} ${'wall'.padStart(8)} ${'errors'.padStart(6)}`);
const corpus = folders.length > 0 ? loadStanCorpus(...folders.map((f) => path.relative(root, path.resolve(f)))) : loadStanCorpus('test/golden/good', 'test/golden/published');
let total = { l: 0, p: 0, a: 0, aw: 0 };
let lines = 0;
for (const f of corpus) {
  const t = bench(f.name, f.source);
  total = { l: total.l + t.l, p: total.p + t.p, a: total.a + t.a, aw: total.aw + t.aw };
  lines += f.source.split('\n').length;
}
row(`corpus total (${corpus.length} files)`, lines, total.l, total.p, total.a, total.aw, '');
for (const n of [1000, 5000]) bench(`generated ${n}-line program`, generateLongProgram(n));
