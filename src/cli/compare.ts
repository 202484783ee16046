// `vigil compare`: fit the variational posterior, compute or import the reference, compare them; prints
// the summary table and the warnings, writes the report JSON and the self-contained HTML report.
import type { CompareWarning } from '../core/diagnose/compare';
import { runCompare, type ReferenceRequest } from '../core/pipeline';
import type { CompareReport } from '../core/result/fitResult';
import { renderHtmlReport } from '../report/renderHtmlReport';
import { findImageMarks } from '../core/stan/imageMarks';
import { parseProgram } from '../core/stan/parser';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './command';
import { readRunInputs, runSizeOptions } from './fit';
import { dataOption, fmt, readFileArg, reportErrors, reportWarnings, table, writeJson, type Read } from './runInputs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX_ROWS = 40;

function pm(s: { mean: number; sd: number } | null): string {
  return s ? `${fmt(s.mean)} ± ${fmt(s.sd)}` : '—';
}

export function compareTable(report: CompareReport): string {
  const refLabel = report.joint.reference?.label ?? 'reference';
  const rows = report.parameters.slice(0, MAX_ROWS).map((p) => [
    p.name, pm(p.approximation), pm(p.reference), fmt(p.sdRatio, 2), fmt(p.standardizedMeanError, 2),
  ]);
  const more = report.parameters.length > MAX_ROWS ? `... and ${report.parameters.length - MAX_ROWS} more (see the JSON report)\n` : '';
  return table(['name', `${report.approximation.method} mean ± sd`, `${refLabel} mean ± sd`, 'sd ratio', 'std. mean error'], rows) + more;
}

export function formatWarning(w: CompareWarning, modelPath: string): string {
  const where = w.range ? `${modelPath}:${w.range.start.line}:${w.range.start.col}: ` : '';
  return `${where}${w.severity}: ${w.message}`;
}

function referenceRequest(values: string[], io: CliIo): Read<ReferenceRequest> {
  if (values.length === 0) return { ok: true, value: { kind: 'auto' } };
  if (values.length === 1 && ['auto', 'exact', 'nuts', 'none'].includes(values[0])) return { ok: true, value: { kind: values[0] as 'auto' | 'exact' | 'nuts' | 'none' } };
  const files: { path: string; text: string }[] = [];
  for (const v of values) {
    if (['auto', 'exact', 'nuts', 'none'].includes(v)) {
      io.err(`vigil compare: --reference ${v} cannot be combined with draws files\n`);
      return { ok: false, exit: EXIT_USAGE };
    }
    const t = readFileArg('compare', v, io);
    if (!t.ok) return t;
    files.push({ path: v, text: t.value });
  }
  return { ok: true, value: { kind: 'files', files } };
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare a variational posterior with the reference; write the JSON and HTML report',
  usage: ['vigil compare <model.stan> [--data d.json] [--method meanfield|fullrank|pathfinder] [--reference auto|exact|nuts|none|<draws file> ...] [--seed N] [--out report.json] [--html report.html]'],
  details: [
    '--reference auto (the default) uses the exact posterior when the program allows one, else NUTS. A draws file may be ' +
      'CmdStan CSV (give --reference once per chain file), posteriordb draws JSON or a Vigil result JSON (vigil reference --out). ' +
      '--reference none skips the reference: only the warnings that need none (k̂, convergence, correlations of a full-rank fit) appear.',
    'Prints, per name, the variational and reference mean ± sd, the sd ratio and the standardized mean error, then ' +
      'the warnings with the model line they concern.',
  ],
  options: {
    data: dataOption,
    method: { type: 'string', values: ['meanfield', 'fullrank', 'pathfinder'], description: 'the variational family (default meanfield)' },
    algorithm: { type: 'string', values: ['robust', 'stan'], description: "ADVI flavour: robust stopping (default) or Stan's own" },
    reference: { type: 'string', valueName: 'auto|exact|nuts|none|FILE', repeatable: true, description: 'the reference (default auto)' },
    ...runSizeOptions,
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'write the report JSON here' },
    html: { type: 'string', valueName: 'FILE', description: 'write the self-contained HTML report here' },
  },
  async run(args, io) {
    const input = readRunInputs('compare', args, io);
    if (!input.ok) return input.exit;
    const reference = referenceRequest(args.repeated.reference ?? [], io);
    if (!reference.ok) return reference.exit;
    // --draws/--iter/--algorithm shape the variational fit; --chains/--warmup/--draws the NUTS reference.
    const { model, data, seed, options } = input.value;
    const { chains, warmup, draws, ...viOptions } = options;
    const method = (args.options.method ?? 'meanfield') as 'meanfield' | 'fullrank' | 'pathfinder';
    const outcome = await runCompare({
      model, data, seed, method, options: { ...viOptions, draws }, reference: reference.value,
      referenceOptions: { chains, warmup, draws },
    });
    if (!outcome.ok) return reportErrors(outcome.errors, io);
    reportWarnings(outcome.warnings, io);
    const report = outcome.value;
    const modelPath = model.path;
    io.out(`${modelPath}: ${method} against ${report.joint.reference?.summary ?? 'no reference'}\n`);
    io.out(`Variational fit: ${report.approximation.stopReason}\n\n`);
    io.out(compareTable(report));
    io.out('\n');
    if (report.warnings.length === 0) io.out('No warnings: the variational posterior agrees with the reference.\n');
    else {
      io.out(`Warnings (${report.warnings.length}):\n`);
      for (const w of report.warnings) io.out(`  ${formatWarning(w, modelPath)}\n`);
    }
    if (typeof args.options.out === 'string') {
      if (!writeJson('compare', args.options.out, report, io)) return EXIT_USAGE;
      io.out(`\nJSON report: ${args.options.out}\n`);
    }
    if (typeof args.options.html === 'string') {
      const file = args.options.html;
      try {
        // Vectors marked `// @vigil image RxC` are drawn as heatmaps, as in the VS Code panel.
        const source = model.source;
        const images = findImageMarks(source, parseProgram(source).program).marks;
        const html = renderHtmlReport(report, { images });
        mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        writeFileSync(file, html);
        io.out(`HTML report: ${file}\n`);
      } catch (e) {
        io.err(`vigil compare: cannot write the HTML report '${file}': ${(e as Error).message}\n`);
        return EXIT_USAGE;
      }
    }
    return EXIT_OK;
  },
};
