// Every `vigil` subcommand, in the order `vigil --help` lists them. Add new ones (fit, eval, reference,
// compare) here, each in its own file.
import { checkCommand } from './check';
import { compareCommand } from './compare';
import { evalCommand } from './eval';
import { fitCommand } from './fit';
import { referenceCommand } from './reference';
import type { Command } from './command';

export const commands: readonly Command[] = [checkCommand, fitCommand, compareCommand, referenceCommand, evalCommand];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
