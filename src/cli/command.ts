// What a `vigil` subcommand is: its name, its help, its options, and a function that runs it.
// Subcommands live one per file in src/cli/ and are listed in commands.ts.
import type { OptionSpecs, ParsedArgs } from './args';

// Where a command writes; tests and the real entry both go through this.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  // One line for the command list of `vigil --help`.
  summary: string;
  // Usage lines, e.g. 'vigil check [--print ast] [file.stan ...]'.
  usage: string[];
  // Paragraphs after the usage in `vigil help <name>`.
  details: string[];
  options: OptionSpecs;
  run(args: ParsedArgs, io: CliIo): Promise<number> | number;
}

// Exit codes shared by every command.
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1; // the input has errors (the model, its data)
export const EXIT_USAGE = 2; // bad command line, missing or unreadable file
export const EXIT_INTERNAL = 3; // a bug in Vigil
