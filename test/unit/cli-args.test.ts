// The argument parser every `vigil` subcommand shares: values, flags, aliases, and errors as values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOptions, parseArgs, type OptionSpecs } from '../../src/cli/args';

const specs: OptionSpecs = {
  print: { type: 'string', values: ['ast', 'ir', 'js'], description: 'what to print' },
  out: { type: 'string', short: 'o', valueName: 'FILE', description: 'output file' },
  data: { type: 'string', repeatable: true, valueName: 'FILE', description: 'data file' },
  quiet: { type: 'flag', short: 'q', description: 'say less' },
};

function ok(argv: string[]) {
  const r = parseArgs(argv, specs);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.args;
}

function error(argv: string[]): string {
  const r = parseArgs(argv, specs);
  assert.ok(!r.ok, `expected a usage error for ${argv.join(' ')}`);
  return r.message;
}

test('positionals, flags and string options in any order', () => {
  const a = ok(['a.stan', '--print', 'ast', '-q', 'b.stan', '--out=r.json']);
  assert.deepEqual(a.positionals, ['a.stan', 'b.stan']);
  assert.deepEqual(a.options, { print: 'ast', quiet: true, out: 'r.json' });
});

test('short aliases take a separate or attached value', () => {
  assert.equal(ok(['-o', 'x.json']).options.out, 'x.json');
  assert.equal(ok(['-ox.json']).options.out, 'x.json');
});

test('repeatable options keep every value; the last one is the option value', () => {
  const a = ok(['--data', 'a.json', '--data', 'b.json']);
  assert.deepEqual(a.repeated.data, ['a.json', 'b.json']);
  assert.equal(a.options.data, 'b.json');
});

test('-- ends the options and a lone - is a positional', () => {
  assert.deepEqual(ok(['-', '--', '--print', '-q']).positionals, ['-', '--print', '-q']);
  assert.deepEqual(ok(['-', '--', '--print', '-q']).options, {});
});

test('usage errors are values that name the problem', () => {
  assert.match(error(['--frob']), /unknown option '--frob'/);
  assert.match(error(['-z']), /unknown option '-z'/);
  assert.match(error(['--print']), /'--print' needs a value/);
  assert.match(error(['--print', 'svg']), /must be one of ast, ir, js \(got 'svg'\)/);
  assert.match(error(['--quiet=yes']), /takes no value/);
});

test('option help lines are aligned and show values or placeholders', () => {
  const lines = formatOptions(specs);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^ {6}--print ast\|ir\|js {2}what to print$/);
  assert.match(lines[1], /^ {2}-o, --out FILE +output file$/);
  const columns = Object.values(specs).map((spec, i) => lines[i].lastIndexOf(spec.description));
  assert.equal(new Set(columns).size, 1, `descriptions start in one column: ${columns}`);
});
