// `vigil fit`: a variational fit (or NUTS) of one model; prints a summary table and why the fit stopped,
// and writes the result JSON (src/core/result/fitResult.ts) with --out.
import { runNutsFit, runVariationalFit, type DataInput, type FitOptions, type FitRequestMethod, type ModelInput } from '../core/pipeline';
import type { FitResult } from '../core/result/fitResult';
import type { ParsedArgs } from './args';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './command';
import { dataOption, fmt, intOption, readModelAndData, reportErrors, reportWarnings, table, writeJson, type Read } from './runInputs';

const MAX_ROWS = 40;

export function fitSummaryTable(r: FitResult): string {
  const mcmc = r.method === 'nuts' || r.method === 'imported';
  const header = ['name', 'mean', 'sd', 'q5', 'q50', 'q95', ...(mcmc ? ['rhat', 'essBulk', 'essTail'] : [])];
  const names = Object.keys(r.summary);
  const rows = names.slice(0, MAX_ROWS).map((n) => {
    const s = r.summary[n];
    return [n, fmt(s.mean), fmt(s.sd), fmt(s.q5), fmt(s.q50), fmt(s.q95), ...(mcmc ? [fmt(s.rhat), fmt(s.essBulk, 0), fmt(s.essTail, 0)] : [])];
  });
  const more = names.length > MAX_ROWS ? `... and ${names.length - MAX_ROWS} more (see the JSON)\n` : '';
  return table(header, rows) + more;
}

// The options fit, reference and compare share: seed and run sizes.
function runOptions(cmd: string, args: ParsedArgs, io: CliIo): Read<{ seed: number; options: FitOptions }> {
  const seed = intOption(cmd, args, 'seed', io, 0);
  if (!seed.ok) return seed;
  const options: FitOptions = {};
  for (const name of ['draws', 'iter', 'chains', 'warmup', 'paths'] as const) {
    const v = intOption(cmd, args, name, io, name === 'warmup' ? 0 : 1);
    if (!v.ok) return v;
    if (v.value !== undefined) options[name] = v.value;
  }
  if (typeof args.options.algorithm === 'string') options.algorithm = args.options.algorithm as 'robust' | 'stan';
  return { ok: true, value: { seed: seed.value ?? 1, options } };
}

// What fit, reference and compare read first: the model and data, then the seed and run sizes.
export function readRunInputs(cmd: string, args: ParsedArgs, io: CliIo): Read<{ model: ModelInput; data: DataInput; seed: number; options: FitOptions }> {
  const input = readModelAndData(cmd, args, io);
  if (!input.ok) return input;
  const opts = runOptions(cmd, args, io);
  if (!opts.ok) return opts;
  return { ok: true, value: { ...input.value, ...opts.value } };
}

export const runSizeOptions = {
  seed: { type: 'string', valueName: 'N', description: 'seed of every random number (default 1): same seed, same result' },
  draws: { type: 'string', valueName: 'N', description: 'output draws (VI, default 1000) or draws per chain (NUTS, default 1000)' },
  iter: { type: 'string', valueName: 'N', description: 'maximum optimiser iterations (VI, default 10000)' },
  chains: { type: 'string', valueName: 'N', description: 'NUTS chains (default 4)' },
  warmup: { type: 'string', valueName: 'N', description: 'NUTS warm-up iterations per chain (default 1000)' },
} as const;

export function fitFooter(r: FitResult): string {
  const lines = [`Stopped: ${r.stopReason}${r.ok ? '' : ' (no usable result)'}`];
  if (r.khat !== null) lines.push(`Pareto k̂: ${fmt(r.khat, 2)} (threshold ${fmt(r.khatThreshold, 2)})`);
  if (r.sampler) lines.push(`Sampler: ${r.sampler.divergences} divergent transitions, ${r.sampler.treedepthSaturations} at maximum tree depth ${r.sampler.maxTreedepth}`);
  lines.push(`Time: ${fmt(r.timing.seconds, 2)} s, ${r.gradientEvaluations} gradient evaluations`);
  return lines.join('\n') + '\n';
}

// The summary table and footer of a fit or reference, and its result JSON written to --out if given;
// false when that file cannot be written.
export function printAndWriteResult(cmd: string, r: FitResult, args: ParsedArgs, io: CliIo): boolean {
  io.out(fitSummaryTable(r));
  io.out(fitFooter(r));
  if (typeof args.options.out !== 'string') return true;
  if (!writeJson(cmd, args.options.out, r, io)) return false;
  io.out(`Wrote ${args.options.out}\n`);
  return true;
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'Fit a variational posterior (or run NUTS) and write the result JSON',
  usage: ['vigil fit <model.stan> [--data d.json] [--method meanfield|fullrank|pathfinder|nuts] [--seed N] [--out r.json]'],
  details: [
    'The data file defaults to model.data.json, then model.json, beside the model. Prints the posterior summary ' +
      'per name and why the fit stopped. Exits with 1 if the model or data has errors or the fit fails, 2 on a bad command line.',
  ],
  options: {
    data: dataOption,
    method: { type: 'string', values: ['meanfield', 'fullrank', 'pathfinder', 'nuts'], description: 'the algorithm (default meanfield)' },
    algorithm: { type: 'string', values: ['robust', 'stan'], description: "ADVI flavour: robust stopping (default) or Stan's own" },
    paths: { type: 'string', valueName: 'N', description: 'Pathfinder paths (default 4)' },
    ...runSizeOptions,
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'write the result JSON here' },
  },
  async run(args, io) {
    const input = readRunInputs('fit', args, io);
    if (!input.ok) return input.exit;
    const method = (args.options.method ?? 'meanfield') as FitRequestMethod;
    const request = input.value;
    const outcome = method === 'nuts' ? await runNutsFit(request) : await runVariationalFit({ ...request, method });
    if (!outcome.ok) return reportErrors(outcome.errors, io);
    reportWarnings(outcome.warnings, io);
    const r = outcome.value.result;
    io.out(`${input.value.model.path}: ${method}${r.algorithm ? ` (${r.algorithm})` : ''}, seed ${r.seed}\n`);
    if (!printAndWriteResult('fit', r, args, io)) return EXIT_USAGE;
    return r.ok ? EXIT_OK : 1;
  },
};
