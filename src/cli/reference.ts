// `vigil reference`: the reference posterior of a model (exact when the program allows it, else NUTS),
// written as a result JSON that `vigil compare --reference ref.json` and the panel can read.
import { runReference, type ReferenceRequest } from '../core/pipeline';
import { EXIT_OK, EXIT_USAGE, type Command } from './command';
import { printAndWriteResult, readRunInputs, runSizeOptions } from './fit';
import { dataOption, reportErrors, reportWarnings } from './runInputs';

export const referenceCommand: Command = {
  name: 'reference',
  summary: 'Compute the reference posterior (exact or NUTS) and write it as JSON',
  usage: ['vigil reference <model.stan> [--data d.json] [--kind auto|exact|nuts] [--seed N] [--out ref.json]'],
  details: [
    "--kind auto (the default) uses the exact posterior when the program allows one and says why not otherwise, then " +
      'runs NUTS (4 chains × 1000 warm-up + 1000 draws unless --chains/--warmup/--draws say otherwise).',
  ],
  options: {
    data: dataOption,
    kind: { type: 'string', values: ['auto', 'exact', 'nuts'], description: 'which reference (default auto)' },
    ...runSizeOptions,
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'write the reference result JSON here' },
  },
  async run(args, io) {
    const input = readRunInputs('reference', args, io);
    if (!input.ok) return input.exit;
    const kind = (args.options.kind ?? 'auto') as 'auto' | 'exact' | 'nuts';
    const outcome = await runReference(input.value, { kind } as ReferenceRequest);
    if (!outcome.ok) return reportErrors(outcome.errors, io);
    reportWarnings(outcome.warnings, io);
    const { result: r, notExact } = outcome.value;
    for (const why of notExact) io.out(`No exact posterior: ${why}\n`);
    io.out(`${input.value.model.path}: reference by ${r.method}\n`);
    if (r.explanation) io.out(`${r.explanation}\n`);
    return printAndWriteResult('reference', r, args, io) ? EXIT_OK : EXIT_USAGE;
  },
};
