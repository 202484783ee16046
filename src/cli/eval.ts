// `vigil eval`: the compiled model's log density and gradient at given unconstrained points, as JSON, so
// they can be set beside Stan's log_prob / grad_log_prob.
import { prepareModel } from '../core/pipeline';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Command } from './command';
import { dataOption, readFileArg, readModelAndData, reportErrors } from './runInputs';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Evaluate the log density and its gradient at unconstrained points (JSON)',
  usage: ['vigil eval <model.stan> [--data d.json] --unconstrained points.json'],
  details: [
    'points.json holds a JSON array of unconstrained points (arrays of numbers, in Stan\'s order). Prints ' +
      '{"names": [unconstrained coordinate names], "results": [{"logDensity": x, "gradient": [...]}, ...]}; a ' +
      'rejected point has logDensity null and an "error" message. The log density includes the log-Jacobian, as ' +
      "Stan's log_prob with jacobian = TRUE.",
  ],
  options: {
    data: dataOption,
    unconstrained: { type: 'string', valueName: 'FILE', description: 'JSON array of unconstrained points' },
  },
  run(args, io) {
    const input = readModelAndData('eval', args, io);
    if (!input.ok) return input.exit;
    const pointsFile = args.options.unconstrained;
    if (typeof pointsFile !== 'string') {
      io.err("vigil eval: --unconstrained points.json is required\nRun 'vigil help eval' for usage.\n");
      return EXIT_USAGE;
    }
    const text = readFileArg('eval', pointsFile, io);
    if (!text.ok) return text.exit;
    const prep = prepareModel(input.value.model, input.value.data);
    if (!prep.ok) return reportErrors(prep.errors, io);
    const model = prep.prepared.model;
    let points: unknown;
    try {
      points = JSON.parse(text.value);
    } catch (e) {
      io.err(`${pointsFile}: error: not valid JSON: ${(e as Error).message}\n`);
      return EXIT_ERRORS;
    }
    if (!Array.isArray(points)) {
      io.err(`${pointsFile}: error: expected a JSON array of points\n`);
      return EXIT_ERRORS;
    }
    for (const [k, p] of points.entries()) {
      if (!Array.isArray(p) || p.length !== model.dim || !p.every((x) => typeof x === 'number')) {
        io.err(`${pointsFile}: error: point ${k + 1}: expected an array of ${model.dim} numbers (${model.unconstrainedNames.join(', ')})\n`);
        return EXIT_ERRORS;
      }
    }
    const grad = new Float64Array(model.dim);
    const results = (points as number[][]).map((p) => {
      const lp = model.logDensityGradient(Float64Array.from(p), grad);
      if (!Number.isFinite(lp)) return { logDensity: null, gradient: null, error: model.lastError || 'the log density is not finite' };
      return { logDensity: lp, gradient: Array.from(grad) };
    });
    io.out(JSON.stringify({ names: model.unconstrainedNames, results }) + '\n');
    return EXIT_OK;
  },
};
