// The `vigil` dispatcher: global options, `help`, then the subcommand. Returns the exit code; every
// failure becomes a message on stderr, never a stack trace.
import { parseArgs } from './args';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type CliIo } from './command';
import { findCommand } from './commands';
import { commandHelp, overviewHelp } from './help';
import { packageVersion } from './packageRoot';

function usageError(io: CliIo, message: string, helpHint: string): number {
  io.err(`vigil: ${message}\n${helpHint}\n`);
  return EXIT_USAGE;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(overviewHelp(packageVersion()));
    return EXIT_USAGE;
  }
  if (first === '-h' || first === '--help') {
    io.out(overviewHelp(packageVersion()));
    return EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.out(overviewHelp(packageVersion()));
      return EXIT_OK;
    }
    const command = findCommand(rest[0]);
    if (!command) return usageError(io, `unknown command '${rest[0]}'`, "Run 'vigil --help' for the list of commands.");
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  if (first.startsWith('-')) return usageError(io, `unknown option '${first}'`, "Run 'vigil --help' for usage.");
  const command = findCommand(first);
  if (!command) return usageError(io, `unknown command '${first}'`, "Run 'vigil --help' for the list of commands.");

  const parsed = parseArgs(rest, { ...command.options, help: { type: 'flag', short: 'h', description: 'show help' } });
  if (!parsed.ok) {
    return usageError(io, `${command.name}: ${parsed.message}`, `Run 'vigil help ${command.name}' for usage.`);
  }
  if (parsed.args.options.help === true) {
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(parsed.args, io);
  } catch (e) {
    // A bug in Vigil, not in the user's input: say so briefly, without a stack trace.
    const message = e instanceof Error ? e.message : String(e);
    io.err(`vigil ${command.name}: internal error: ${message}\n`);
    io.err('Please report this with the command line and the model.\n');
    return EXIT_INTERNAL;
  }
}
