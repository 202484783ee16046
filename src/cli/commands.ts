// Every `vigil` subcommand, in the order `vigil --help` lists them. Add new ones (fit, eval, reference,
// compare) here, each in its own file.
import { checkCommand } from './check';
import type { Command } from './command';

export const commands: readonly Command[] = [checkCommand];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
