// Help text: the overview for `vigil --help` and the page of one command for `vigil help <command>`.
import { formatOptions } from './args';
import type { Command } from './command';
import { commands } from './commands';

export function overviewHelp(version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `vigil ${version}: check Stan models, fit variational posteriors, and compare them with the truth.`,
    '',
    'Usage: vigil <command> [options] [arguments]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show help for a command: vigil help <command>`,
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -v, --version  print the version',
    '',
    'Exit status: 0 success, 1 the model has errors, 2 bad command line or unreadable file.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options = formatOptions({
    ...command.options,
    help: { type: 'flag', short: 'h', description: 'show this help' },
  });
  return [
    `Usage: ${command.usage[0]}`,
    ...command.usage.slice(1).map((u) => `       ${u}`),
    '',
    command.summary + '.',
    '',
    ...command.details.flatMap((d) => [d, '']),
    'Options:',
    ...options,
    '',
  ].join('\n');
}
