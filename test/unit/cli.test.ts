// `vigil` as a user runs it: bin/vigil.js loading the bundled dist/cli.js, in a child process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin, ensureCliBuilt, root, runBuiltCli, type CliRun } from '../support/builtCli';

type Run = CliRun;
const vigil = runBuiltCli;

before(ensureCliBuilt);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
function model(name: string, text: string): string {
  writeFileSync(path.join(scratch, name), text);
  return name;
}

function assertNoStackTrace(r: Run): void {
  assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

test('vigil check with no file checks the default example and lists what it declares', () => {
  const r = vigil(['check'], scratch);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /default example eight_schools_centered\.stan/);
  assert.match(r.stdout, /^Checked 1 file: no errors, no warnings\.$/m);
  assert.match(r.stdout, /Blocks: data, parameters, model/);
  assert.match(r.stdout, /Data \(3\):\n\s+J\s+int<lower=0>\n\s+y\s+array\[J\] real\n/);
  assert.match(r.stdout, /\n\s+sigma\s+array\[J\] real<lower=0>\n\s+Parameters/);
  assert.match(r.stdout, /Parameters \(3\):\n\s+mu\s+real\n\s+tau\s+real<lower=0>\n\s+theta\s+vector\[J\]/);
  assert.match(r.stdout, /Model: 4 statements: mu ~ normal, tau ~ cauchy, theta ~ normal, y ~ normal/);
  assert.match(r.stdout, /Data file: .*eight_schools_centered\.data\.json/);
});

test('every example model checks without errors or warnings', () => {
  const dir = path.join(root, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.stan'));
  const r = vigil(['check', ...files], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, `Checked ${files.length} files: no errors, no warnings.\n`);
});

test('an error is reported as file:line:col with the file as given, and exits 1', () => {
  const source = 'data {\n  real y;\n}\nparameters {\n  real<lower=0> sigma;\n}\nmodel {\n  y ~ normal(0, sigm);\n}\n';
  const name = model('typo.stan', source);
  const r = vigil(['check', name], scratch);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^typo\.stan:8:17: error: .*'sigm'/);
  assert.match(lines[0], /sigma/, 'suggests the near name');
  assert.match(lines[lines.length - 1], /^Checked 1 file: \d+ errors?, 0 warnings\.$/);
  assert.equal(r.stderr, '');
});

test('warnings alone exit 0; the removed array syntax is a warning', () => {
  const name = model('old.stan', 'data {\n  int N;\n  real y[N];\n}\nmodel {\n}\n');
  const r = vigil(['check', name], scratch);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /^old\.stan:3:\d+: warning: /m);
  assert.match(r.stdout, /Checked 1 file: 0 errors, 1 warning\./);
});

test('a .stanfunctions file is checked as a functions block', () => {
  const good = model('lib.stanfunctions', 'real twice(real x) { return 2 * x; }\nvector sq(vector v) { return v .* v; }\n');
  const r = vigil(['check', good], scratch);
  assert.equal(r.code, 0, r.stdout);
  const bad = model('bad.stanfunctions', 'real twice(real x) { return 2 * y; }\n');
  const r2 = vigil(['check', bad], scratch);
  assert.equal(r2.code, 1);
  assert.match(r2.stdout, /^bad\.stanfunctions:1:33: error: .*'y'/m);
});

test('several files: problems of each, one summary, exit 1 if any has an error', () => {
  const good = model('good.stan', 'parameters {\n  real mu;\n}\nmodel {\n  mu ~ normal(0, 1);\n}\n');
  const bad = model('bad.stan', 'parameters {\n  real mu\n}\nmodel {\n  mu ~ normal(0, 1);\n}\n');
  const r = vigil(['check', good, path.join(scratch, bad)], scratch);
  assert.equal(r.code, 1);
  assert.ok(r.stdout.startsWith(`${path.join(scratch, bad)}:2:`), r.stdout);
  assert.doesNotMatch(r.stdout, /^good\.stan:/m);
  assert.match(r.stdout, /Checked 2 files: [1-9]\d* errors?/);
});

test('a file named - is read from standard input', () => {
  const r = vigil(['check', '-'], scratch, bin, 'model {\n  target += normal_lpdf(1 | 0, sigm);\n}\n');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^<stdin>:2:\d+: error: /);
});

test('an image mark that cannot apply is a warning at its comment, as in the editor', () => {
  const file = model('marks.stan', 'parameters {\n  vector[10] w; // @vigil image 8x8\n}\nmodel {\n  w ~ normal(0, 1);\n}\n');
  const r = vigil(['check', file], scratch);
  assert.equal(r.code, 0, 'a warning alone exits 0');
  assert.match(r.stdout, /^marks\.stan:2:\d+: warning: 'w' has 10 elements per image, not 8x8/m);
  assert.match(r.stdout, /0 errors, 1 warning/);
});

test('--describe lists declared types in the current syntax', () => {
  const name = model(
    'types.stan',
    'data {\n  int<lower=1> N;\n  array[N] vector<lower=0>[3] v;\n  real y[N];\n}\nparameters {\n' +
      '  matrix<offset=1, multiplier=2>[N, 3] m;\n  simplex[3] p;\n  cholesky_factor_corr[3] L;\n}\n' +
      'transformed parameters {\n  real s = sum(p);\n}\nmodel {\n}\n',
  );
  const r = vigil(['check', '--describe', name], scratch);
  assert.equal(r.code, 0, r.stdout);
  for (const line of [
    /N\s+int<lower=1>/,
    /v\s+array\[N\] vector<lower=0>\[3\]/,
    /y\s+array\[N\] real/,
    /m\s+matrix<offset=1, multiplier=2>\[N, 3\]/,
    /p\s+simplex\[3\]/,
    /L\s+cholesky_factor_corr\[3\]/,
    /Transformed parameters \(1\):\n\s+s\s+real/,
    /Model: 0 statements/,
    /Data file: none found \(looked for types\.data\.json, types\.json\)/,
  ]) {
    assert.match(r.stdout, line);
  }
});

test('--print ast prints the tree on stdout and problems on stderr', () => {
  const file = path.join(root, 'examples/eight_schools_centered.stan');
  const r = vigil(['check', '--print', 'ast', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  for (const name of ['mu', 'tau', 'theta', 'sigma', 'cauchy']) assert.match(r.stdout, new RegExp(`\\b${name}\\b`));
  const bad = vigil(['check', '--print', 'ast', model('broken.stan', 'model {\n  x ~ normal(0, 1);\n}\n')], scratch);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^broken\.stan:2:\d+: error: /m);
});

test('--help, --version and help check', () => {
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const v = vigil(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout, `${version}\n`);
  const h = vigil(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /Usage: vigil <command>/);
  assert.match(h.stdout, /^\s+check\s+Parse and check Stan models/m);
  const c = vigil(['help', 'check']);
  assert.equal(c.code, 0);
  assert.match(c.stdout, /Usage: vigil check/);
  assert.match(c.stdout, /--print ast/);
  assert.equal(vigil(['check', '--help']).stdout, c.stdout);
});

test('usage and file problems: a clear message on stderr, exit 2, no stack trace', () => {
  mkdirSync(path.join(scratch, 'folder.stan'), { recursive: true });
  const cases: [string[], RegExp][] = [
    [[], /Usage: vigil <command>/],
    [['frob'], /unknown command 'frob'/],
    [['--frob'], /unknown option '--frob'/],
    [['check', '--frob'], /unknown option '--frob'/],
    [['check', '--print'], /'--print' needs a value/],
    [['check', '--print', 'svg', 'x.stan'], /must be one of/],
    [['check', 'missing.stan'], /cannot read 'missing\.stan': no such file/],
    [['check', 'folder.stan'], /'folder\.stan' is a directory/],
    [['check', '--print', 'ast', 'a.stan', 'b.stan'], /--print takes one model/],
    [['help', 'frob'], /unknown command 'frob'/],
  ];
  for (const [args, message] of cases) {
    const r = vigil(args, scratch);
    assert.equal(r.code, 2, `vigil ${args.join(' ')}`);
    assert.match(r.stderr, message, `vigil ${args.join(' ')}`);
    assert.equal(r.stdout, '', `vigil ${args.join(' ')} writes nothing on stdout`);
    assertNoStackTrace(r);
  }
});

test('an installed copy (package.json, bin, dist, examples) finds its default example', () => {
  const install = path.join(scratch, 'installed');
  for (const part of ['package.json', 'bin', 'examples', 'dist/cli.js']) {
    cpSync(path.join(root, part), path.join(install, part), { recursive: true });
  }
  const r = vigil(['check'], scratch, path.join(install, 'bin/vigil.js'));
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes(path.join(install, 'examples/eight_schools_centered.stan')), r.stdout);
});
