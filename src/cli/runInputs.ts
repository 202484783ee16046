// What fit, eval, reference and compare share on the command line: reading the model and its data (the
// data file defaults to model.data.json, then model.json), numeric options, the seed, writing results and
// printing run errors as `file:line:col: error: message`.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataInput, ModelInput, RunError } from '../core/pipeline';
import { formatRunError } from '../core/pipeline';
import type { ParsedArgs } from './args';
import { EXIT_ERRORS, EXIT_USAGE, type CliIo } from './command';
import { findDataFile } from './findDataFile';

export type Read<T> = { ok: true; value: T } | { ok: false; exit: number };

function readText(file: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    if (statSync(file).isDirectory()) return { ok: false, message: `'${file}' is a directory` };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
}

export function readFileArg(cmd: string, file: string, io: CliIo): Read<string> {
  const r = readText(file);
  if (!r.ok) {
    io.err(`vigil ${cmd}: ${r.message}\n`);
    return { ok: false, exit: EXIT_USAGE };
  }
  return { ok: true, value: r.text };
}

// --data, read by readModelAndData.
export const dataOption = { type: 'string', valueName: 'FILE', description: 'CmdStan JSON data (default: model.data.json, then model.json)' } as const;

export function readModelAndData(cmd: string, args: ParsedArgs, io: CliIo): Read<{ model: ModelInput; data: DataInput }> {
  if (args.positionals.length !== 1) {
    io.err(`vigil ${cmd}: expected one model file, got ${args.positionals.length}\nRun 'vigil help ${cmd}' for usage.\n`);
    return { ok: false, exit: EXIT_USAGE };
  }
  const modelPath = args.positionals[0];
  const source = readFileArg(cmd, modelPath, io);
  if (!source.ok) return source;
  const given = args.options.data;
  const dataPath = typeof given === 'string' ? given : findDataFile(modelPath);
  let text: string | null = null;
  if (dataPath !== null) {
    const d = readFileArg(cmd, dataPath, io);
    if (!d.ok) return d;
    text = d.value;
  }
  return { ok: true, value: { model: { source: source.value, path: modelPath }, data: { text, path: dataPath } } };
}

// A positive integer option, or undefined when absent.
export function intOption(cmd: string, args: ParsedArgs, name: string, io: CliIo, min = 1): Read<number | undefined> {
  const v = args.options[name];
  if (v === undefined) return { ok: true, value: undefined };
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min) {
    io.err(`vigil ${cmd}: --${name} must be an integer >= ${min}, got '${String(v)}'\n`);
    return { ok: false, exit: EXIT_USAGE };
  }
  return { ok: true, value: n };
}

// Errors on stderr, one per line; returns the exit code for input errors.
export function reportErrors(errors: RunError[], io: CliIo): number {
  for (const e of errors) io.err(formatRunError(e) + '\n');
  return errors.some((e) => e.source === 'engine' && e.code === 'internal') ? 3 : EXIT_ERRORS;
}

export function reportWarnings(warnings: RunError[], io: CliIo): void {
  for (const w of warnings) io.err(formatRunError(w) + '\n');
}

// JSON with NaN/Infinity as null (JSON has no such numbers).
export function writeJson(cmd: string, file: string, value: unknown, io: CliIo): boolean {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, JSON.stringify(value) + '\n');
    return true;
  } catch (e) {
    io.err(`vigil ${cmd}: cannot write '${file}': ${(e as Error).message}\n`);
    return false;
  }
}

export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return x.toExponential(2);
  return x.toFixed(a >= 100 ? Math.min(1, digits) : digits);
}

// A plain text table: first column left-aligned, the rest right-aligned.
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
