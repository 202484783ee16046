// `vigil check`: parse and check Stan programs, print `file:line:col: severity: message` per problem and
// a summary; with no file, check the default example and describe it.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzeStan } from '../core/stan/analyze';
import { imageMarkProblems } from '../core/stan/imageMarks';
import { formatDiagnostic, hasErrors, type StanDiagnostic } from '../core/stan/diagnostic';
import { printAst } from '../core/stan/printAst';
import { compileToJs } from '../core/codegen/loadModel';
import { printIR } from '../core/ir/printIR';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './command';
import { loadDefaultExample } from './defaultExample';
import { describeProgram } from './describeProgram';
import { dataFileCandidates, findDataFile } from './findDataFile';

interface Model {
  label: string; // as given on the command line (or the default example's file name)
  path: string;
  source: string;
  isDefault: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function readModel(file: string): { ok: true; model: Model } | { ok: false; message: string } {
  try {
    // `-` reads the program from standard input (for editors and pipes).
    if (file === '-') {
      return { ok: true, model: { label: '<stdin>', path: '-', source: readFileSync(0, 'utf8'), isDefault: false } };
    }
    if (statSync(file).isDirectory()) return { ok: false, message: `'${file}' is a directory, not a Stan file` };
    return { ok: true, model: { label: file, path: file, source: readFileSync(file, 'utf8'), isDefault: false } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, message: `cannot read '${file}': ${why}` };
  }
}

// Diagnostics in source order, so the transcript reads top to bottom.
function sorted(diagnostics: readonly StanDiagnostic[]): StanDiagnostic[] {
  return [...diagnostics].sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function summary(files: number, errors: number, warnings: number): string {
  const what =
    errors + warnings === 0 ? 'no errors, no warnings' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return `Checked ${plural(files, 'file')}: ${what}.`;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Parse and check Stan models; report errors and warnings',
  usage: ['vigil check [--describe] [file.stan ...]', 'vigil check --print ast|ir|js [file.stan]'],
  details: [
    'Prints one line per problem, `file:line:col: error|warning: message`, then a summary line. ' +
      'Exits with 1 if any file has an error, else 0.',
    'Without a file, checks the default example (eight schools, centered) and lists what it declares. ' +
      'A file named - is read from standard input.',
  ],
  options: {
    print: {
      type: 'string',
      values: ['ast', 'ir', 'js'],
      description: 'print an intermediate form of one model instead of a summary: the syntax tree, the IR, or the generated JavaScript',
    },
    describe: { type: 'flag', description: 'list the blocks, data and parameters of each model that checks cleanly' },
  },
  run(args, io) {
    const print = args.options.print as string | undefined;
    const models: Model[] = [];
    if (args.positionals.length === 0) {
      const loaded = loadDefaultExample();
      if (!loaded.ok) {
        io.err(`vigil check: ${loaded.message}\n`);
        return EXIT_USAGE;
      }
      const { name, path: file, source } = loaded.example;
      models.push({ label: `${name}.stan`, path: file, source, isDefault: true });
    } else {
      if (print !== undefined && args.positionals.length > 1) {
        io.err(`vigil check: --print takes one model, got ${args.positionals.length}\n`);
        return EXIT_USAGE;
      }
      for (const file of args.positionals) {
        const read = readModel(file);
        if (!read.ok) {
          io.err(`vigil check: ${read.message}\n`);
          return EXIT_USAGE;
        }
        models.push(read.model);
      }
    }
    if (print === 'ir' || print === 'js') return printCompiled(models[0], print, io);
    return print !== undefined ? printModel(models[0], io) : checkModels(models, args.options.describe === true, io);
  },
};

// `--print ast`: the tree on stdout, problems on stderr, so stdout is exactly the tree.
function printModel(model: Model, io: CliIo): number {
  const { program, diagnostics } = analyzeStan(model.source, { functionsOnly: model.label.endsWith('.stanfunctions') });
  const list = sorted(diagnostics);
  for (const d of list) io.err(formatDiagnostic(model.label, d) + '\n');
  const text = printAst(program);
  io.out(text.endsWith('\n') ? text : text + '\n');
  return hasErrors(list) ? EXIT_ERRORS : EXIT_OK;
}

// `--print ir|js`: the lowered program or the generated code on stdout, problems on stderr.
function printCompiled(model: Model, what: 'ir' | 'js', io: CliIo): number {
  const r = compileToJs(model.source);
  if (!r.ok) {
    for (const d of sorted(r.diagnostics)) io.err(formatDiagnostic(model.label, d) + '\n');
    return EXIT_ERRORS;
  }
  const warnings = sorted(analyzeStan(model.source).diagnostics);
  for (const d of warnings) io.err(formatDiagnostic(model.label, d) + '\n');
  const text = what === 'ir' ? printIR(r.ir) : r.js;
  io.out(text.endsWith('\n') ? text : text + '\n');
  return EXIT_OK;
}

function checkModels(models: Model[], describe: boolean, io: CliIo): number {
  let errors = 0;
  let warnings = 0;
  const clean: { model: Model; lines: string[] }[] = [];
  for (const model of models) {
    const { program, diagnostics } = analyzeStan(model.source, { functionsOnly: model.label.endsWith('.stanfunctions') });
    // The same problems the editor shows: the checker's and those of `// @vigil image` marks.
    const list = sorted([...diagnostics, ...imageMarkProblems(model.source, program)]);
    for (const d of list) io.out(formatDiagnostic(model.label, d) + '\n');
    const e = list.filter((d) => d.severity === 'error').length;
    errors += e;
    warnings += list.length - e;
    if (e === 0 && (describe || model.isDefault)) clean.push({ model, lines: describeProgram(program) });
  }
  if (models.length === 1 && models[0].isDefault) {
    io.out(`No model given: checked the default example ${models[0].label} (${models[0].path}).\n`);
  }
  io.out(summary(models.length, errors, warnings) + '\n');
  for (const { model, lines } of clean) {
    io.out(`\n${model.label}\n`);
    for (const line of lines) io.out(`  ${line}\n`);
    if (model.path === '-') continue;
    const data = findDataFile(model.path);
    const looked = dataFileCandidates(model.path).map((f) => path.basename(f)).join(', ');
    io.out(`  Data file: ${data ?? `none found (looked for ${looked})`}\n`);
  }
  return errors > 0 ? EXIT_ERRORS : EXIT_OK;
}
