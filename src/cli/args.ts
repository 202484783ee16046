// A small, reusable command-line parser shared by every `vigil` subcommand. It returns a value (parsed
// arguments or a usage error); it never throws and never exits, so each command decides what to do.

export interface OptionSpec {
  // 'flag' takes no value; 'string' takes one (`--out r.json` or `--out=r.json`).
  type: 'flag' | 'string';
  // One-letter alias, used as `-o`.
  short?: string;
  // When given, the value must be one of these (e.g. `--print ast|ir|js`).
  values?: readonly string[];
  // Placeholder shown in help, e.g. 'FILE'.
  valueName?: string;
  description: string;
  // May be given more than once; every value is kept.
  repeatable?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  positionals: string[];
  // Flags are `true` when present; string options hold their last value.
  options: Record<string, string | true>;
  // Every value of a repeatable string option, in order.
  repeated: Record<string, string[]>;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

function fail(message: string): ParseResult {
  return { ok: false, message };
}

// Parses `argv` (without the command name). `--` ends option parsing; a lone `-` is a positional.
export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParseResult {
  const args: ParsedArgs = { positionals: [], options: {}, repeated: {} };
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, name);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (!(name in specs)) return fail(`unknown option '--${name}'`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      const short = arg.slice(1, 2);
      name = byShort.get(short);
      if (name === undefined) return fail(`unknown option '-${short}'`);
      if (arg.length > 2) inline = arg.slice(2);
    } else {
      args.positionals.push(arg);
      continue;
    }
    const spec = specs[name];
    if (spec.type === 'flag') {
      if (inline !== undefined) return fail(`option '--${name}' takes no value`);
      args.options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) return fail(`option '--${name}' needs a value`);
      value = argv[++i];
    }
    if (spec.values && !spec.values.includes(value)) {
      return fail(`option '--${name}' must be one of ${spec.values.join(', ')} (got '${value}')`);
    }
    args.options[name] = value;
    if (spec.repeatable) (args.repeated[name] ??= []).push(value);
  }
  return { ok: true, args };
}

// Option lines for help text: `  -o, --out FILE   description`.
export function formatOptions(specs: OptionSpecs): string[] {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const value = spec.type === 'string' ? ` ${spec.values ? spec.values.join('|') : (spec.valueName ?? 'VALUE')}` : '';
    return [`${spec.short ? `-${spec.short}, ` : '    '}--${name}${value}`, spec.description];
  });
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
