// The speed requirement: a 1000-line program analyses in under 100 ms (median of 7 runs
// after warm-up). The limit applies to the CPU time the analysis uses (process.cpuUsage, all threads
// of this process, so GC helpers count too): on this shared 2-core machine the load average often
// reaches 10, and wall-clock time then measures the other jobs, not the front end. Wall time is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStan } from '../../src/core/stan/analyze';
import { generateLongProgram } from '../support/generateLongProgram';

const LIMIT_MS = 100;
const WARMUP = 10; // JIT tiers and GC settle; the editor re-analyses the same file as the user types
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

interface Timing {
  cpu: number[];
  wall: number[];
}

// Median-able CPU and wall times (ms) of `runs` calls of `fn` after `WARMUP` unmeasured calls.
function measure(fn: () => void, runs = RUNS): Timing {
  for (let k = 0; k < WARMUP; k++) fn();
  const t: Timing = { cpu: [], wall: [] };
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    fn();
    t.wall.push(performance.now() - w0);
    const c = process.cpuUsage(c0);
    t.cpu.push((c.user + c.system) / 1000);
  }
  return t;
}

const show = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(', ');

test('the generated 1000-line program is valid Stan', () => {
  const source = generateLongProgram(1000);
  const lines = source.split('\n').length - 1;
  assert.ok(lines >= 1000 && lines < 1100, `generated ${lines} lines`);
  const errors = analyzeStan(source).diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.slice(0, 5).map((d) => `${d.span.start.line}:${d.span.start.col}: ${d.message}`), []);
});

test(`a 1000-line program analyses in under ${LIMIT_MS} ms (median of ${RUNS})`, () => {
  const source = generateLongProgram(1000);
  const t = measure(() => analyzeStan(source));
  const m = median(t.cpu);
  console.log(`analyzeStan on ${source.split('\n').length - 1} lines: median CPU ${m.toFixed(1)} ms (runs ${show(t.cpu)}); median wall ${median(t.wall).toFixed(1)} ms (runs ${show(t.wall)})`);
  assert.ok(m < LIMIT_MS, `median CPU time ${m.toFixed(1)} ms >= ${LIMIT_MS} ms (runs: ${show(t.cpu)})`);
});

test('a 1000-line program full of errors also analyses in under the limit', () => {
  // Error recovery must not be quadratic: break every tenth line of the program.
  const broken = generateLongProgram(1000)
    .split('\n')
    .map((line, k) => (k % 10 === 5 ? line.replace(/;$/, ' +;').replace(/\)/, ')(') : line))
    .join('\n');
  const errors = analyzeStan(broken).diagnostics.filter((d) => d.severity === 'error').length;
  assert.ok(errors >= 50, `only ${errors} errors reported for ~100 broken lines`);
  const t = measure(() => analyzeStan(broken));
  const m = median(t.cpu);
  console.log(`analyzeStan on the broken program (${errors} errors): median CPU ${m.toFixed(1)} ms, wall ${median(t.wall).toFixed(1)} ms`);
  assert.ok(m < LIMIT_MS, `median CPU time ${m.toFixed(1)} ms >= ${LIMIT_MS} ms (runs: ${show(t.cpu)})`);
});

// "No input whatsoever ... takes over 100 ms": 1000 lines each carrying one semantic error of a kind.
// Each kind once cost far more than the rest (undefined functions: ~0.9 ms each, from "did you mean"
// over the whole library, before it was fixed).
const ERROR_LINES: Array<[string, (i: number) => string]> = [
  ['undefined variables', (i) => `x = undefined_var_${i};`],
  ['calls with no matching signature', () => 'x = normal_lpdf(1, 2);'],
  ['unknown distributions', () => 'y ~ normel(0, 1);'],
  ['calls of undefined functions', (i) => `x = my_function_${i % 50}(1, 2);`],
  ['calls of undefined functions with distinct names', (i) => `x = my_function_${i}(1, 2);`],
];

for (const [kind, line] of ERROR_LINES) {
  test(`1000 lines of ${kind} analyse in under ${LIMIT_MS} ms`, () => {
    const body = Array.from({ length: 1000 }, (_, i) => `  ${line(i)}`).join('\n');
    const source = `parameters {\n  real y;\n}\nmodel {\n  real x;\n${body}\n}\n`;
    const errors = analyzeStan(source).diagnostics.filter((d) => d.severity === 'error').length;
    assert.ok(errors >= 1000, `only ${errors} errors for 1000 bad lines`);
    const t = measure(() => analyzeStan(source), 5);
    const m = median(t.cpu);
    console.log(`${kind}: median CPU ${m.toFixed(1)} ms`);
    assert.ok(m < LIMIT_MS, `median CPU time ${m.toFixed(1)} ms >= ${LIMIT_MS} ms (runs: ${show(t.cpu)})`);
  });
}
