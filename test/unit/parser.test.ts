import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Expr, VarDecl } from '../../src/core/stan/ast';
import type { StanDiagnostic } from '../../src/core/stan/diagnostic';
import { parseProgram } from '../../src/core/stan/parser';
import { expr, printAst } from '../../src/core/stan/printAst';

// The initial value of `x` in `transformed data { real x = <src>; }`, printed.
function exprOf(src: string): string {
  const { program, diagnostics } = parseProgram(`transformed data { real x = ${src}; }`);
  assert.deepEqual(errorsOf(diagnostics), [], src);
  const decl = program.transformedData?.statements[0] as VarDecl;
  return expr(decl.init as Expr);
}

const errorsOf = (ds: StanDiagnostic[]): string[] =>
  ds.filter((d) => d.severity === 'error').map((d) => `${d.span.start.line}:${d.span.start.col}: ${d.message}`);

test('precedence and associativity', () => {
  const cases: [string, string][] = [
    ['a + b * c', '(+ a (* b c))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b * c', '(* (/ a b) c)'],
    ['-a ^ b', '(- (^ a b))'],
    ['a ^ -b', '(^ a (- b))'],
    ['a ^ b ^ c', '(^ a (^ b c))'],
    ['a .^ b .^ c', '(.^ a (.^ b c))'],
    ['-a * b', '(* (- a) b)'],
    ['!a && b || c', '(|| (&& (! a) b) c)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a == b < c', '(== a (< b c))'],
    ['a != b == c', '(== (!= a b) c)'],
    ['a < b + c', '(< a (+ b c))'],
    ['a ? b : c ? d : e', '(?: a b (?: c d e))'],
    ['a || b ? c : d', '(?: (|| a b) c d)'],
    ['a * b %/% c', '(* a (%/% b c))'],
    ['a \\ b * c', '(* (\\ a b) c)'],
    ['a % b * c', '(* (% a b) c)'],
    ['a .* b + c ./ d', '(+ (.* a b) (./ c d))'],
    ["a' * b", "(* (' a) b)"],
    ["-a'", "(- (' a))"],
    ["a ^ b'", "(^ a (' b))"],
    ["x[1]'", "(' (index x 1))"],
    ["x'[1]", "(index (' x) 1)"],
    ['f(x)[1]', '(index (call f x) 1)'],
    ['(a + b) * c', '(* (paren (+ a b)) c)'],
    ['+a - -b', '(- (+ a) (- b))'],
    ['a - -1', '(- a (- 1))'],
    ['x[i][j]', '(index (index x i) j)'],
  ];
  for (const [src, want] of cases) assert.equal(exprOf(src), want, src);
});

test('index forms', () => {
  assert.equal(exprOf('x[:, 1, 2:, :3, a:b, ]'), '(index x : 1 (: 2 _) (: _ 3) (: a b) :)');
  assert.equal(exprOf('m[, 2]'), '(index m : 2)');
  assert.equal(exprOf('x[idx]'), '(index x idx)');
  assert.equal(exprOf('x[c ? 1 : 2]'), '(index x (?: c 1 2))');
});

test('container expressions and calls', () => {
  assert.equal(exprOf('{1, 2, 3}'), '(array-expr 1 2 3)');
  assert.equal(exprOf('[[1, 2], [3, 4]]'), '(row-vector (row-vector 1 2) (row-vector 3 4))');
  assert.equal(exprOf('[]'), '(row-vector)');
  assert.equal(exprOf('normal_lpdf(y | mu, sigma)'), '(call normal_lpdf y | mu sigma)');
  assert.equal(exprOf('foo()'), '(call foo)');
  assert.equal(exprOf('(1, 2.5)'), '(tuple-expr 1 2.5)');
  assert.equal(exprOf('t.1'), '(. t 1)');
});

test('identifiers and declarations keep their own spans', () => {
  const src = 'data {\n  int<lower=0> N;\n  array[N] real y;\n}\n';
  const { program } = parseProgram(src);
  const [n, y] = program.data?.statements as VarDecl[];
  assert.deepEqual([n.name.span.start.line, n.name.span.start.col, n.name.span.end.col], [2, 16, 17]);
  assert.deepEqual([y.name.span.start.line, y.name.span.start.col], [3, 17]);
  assert.deepEqual([y.span.start.col, y.span.end.col], [3, 18]);
  assert.deepEqual([y.type.span.start.col, y.type.span.end.col], [3, 16]);
  assert.equal(y.type.arraySyntax, 'new');
  assert.deepEqual([program.data?.span.start.line, program.data?.span.end.line], [1, 4]);
});

test('several syntax errors are reported in one run, at the right places', () => {
  const src = [
    'data {', //            1
    '  int N', //           2
    '  real<lower=0> s;', // 3
    '}',
    'paramters {', //       5
    '  real mu;',
    '}',
    'model {', //           8
    '  y ~ normal(mu + , s);', // 9
    '  mu ~ normal(0, 1)', // 10
    '}',
    '',
  ].join('\n');
  const { program, diagnostics } = parseProgram(src);
  assert.deepEqual(errorsOf(diagnostics), [
    "2:8: Expected ';' after the declaration of 'N', found 'real'.",
    "5:1: Unknown block 'paramters'. Did you mean 'parameters'?",
    "9:19: Expected an expression after '+', found ','.",
    "10:20: Expected ';' after the '~ normal(...)' statement, found '}'.",
  ]);
  // Recovery keeps what could be parsed: the misspelt block is read as 'parameters'.
  assert.equal(program.parameters?.statements.length, 1);
  assert.equal(program.data?.statements.length, 2); // a missing ";" at a line end is assumed
});

test('blocks must be in order and appear at most once', () => {
  const { diagnostics } = parseProgram('model { }\ndata { }\nmodel { }');
  assert.deepEqual(errorsOf(diagnostics), [
    "2:1: The 'data' block must come before the 'model' block.",
    "3:1: Duplicate 'model' block: a Stan program has at most one of each block.",
  ]);
});

test('two-word blocks, misspelt and correct', () => {
  assert.deepEqual(errorsOf(parseProgram('transformed parameters { }\ngenerated quantities { }').diagnostics), []);
  assert.deepEqual(errorsOf(parseProgram('generated quantites { }').diagnostics), [
    "1:1: Unknown block 'generated quantites'. Did you mean 'generated quantities'?",
  ]);
});

test('old array syntax is accepted with a deprecation warning showing the replacement', () => {
  const { program, diagnostics } = parseProgram('data {\n  int N;\n  real y[N];\n  vector[3] z[N, 2];\n}');
  assert.deepEqual(errorsOf(diagnostics), []);
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  assert.equal(warnings.length, 2);
  assert.equal(warnings[0].code, 'deprecated');
  assert.match(warnings[0].message, /removed in Stan 2\.33.*'array\[N\] real y'/);
  assert.match(warnings[1].message, /'array\[N, 2\] vector\[3\] z'/);
  assert.deepEqual([warnings[0].span.start.line, warnings[0].span.start.col], [3, 8]);
  const y = program.data?.statements[1] as VarDecl;
  assert.equal(y.type.arraySyntax, 'old');
  assert.equal(y.type.arrayDims.length, 1);
});

test('removed syntax gives clear errors', () => {
  const cases: [string, RegExp][] = [
    ['model { x <- 1; }', /'<-' assignment operator was removed.*use '='/],
    ['model { x[1] <- 1; }', /'<-' assignment operator was removed/],
    ['model { increment_log_prob(normal_log(1, 0, 1)); }', /increment_log_prob.*removed.*target \+=/],
    ['model { real x = get_lp(); }', /get_lp\(\) was removed.*target\(\)/],
    ['model { real x = if_else(1, 2, 3); }', /if_else.*removed.*\?/],
    ['model { # comment\n }', /'#' were removed/],
  ];
  for (const [src, re] of cases) {
    const errors = errorsOf(parseProgram(src).diagnostics);
    assert.equal(errors.length, 1, `${src}: ${errors.join('; ')}`);
    assert.match(errors[0], re, src);
  }
  // `x < -1` in an expression is a comparison, not the removed operator.
  assert.deepEqual(errorsOf(parseProgram('model { if (x<-1) y = 1; }').diagnostics), []);
});

test('block rules the parser enforces', () => {
  assert.match(errorsOf(parseProgram('data { real x = 1; }').diagnostics)[0], /data block cannot be given a value/);
  assert.match(errorsOf(parseProgram('parameters { real x; x = 1; }').diagnostics)[0], /Only variable declarations/);
  assert.match(errorsOf(parseProgram('model { real<lower=0> x; }').diagnostics)[0], /Local variables cannot have constrained types/);
  assert.match(errorsOf(parseProgram('model { simplex[3] x; }').diagnostics)[0], /Local variables cannot have constrained types/);
  assert.deepEqual(errorsOf(parseProgram('transformed parameters { real<lower=0> x = 1; }').diagnostics), []);
});

test('helpful messages for common mistakes', () => {
  const first = (src: string): string => errorsOf(parseProgram(src).diagnostics)[0];
  assert.equal(first('model { reall x; }'), "1:9: Unknown type 'reall'. Did you mean 'real'?");
  assert.equal(first('functions { real f(real x) { retrun x; } }'), "1:30: Unexpected 'retrun' before a name. Did you mean 'return'?");
  assert.equal(first('parameters { vectr[3] x; }'), "1:14: Unknown type 'vectr'. Did you mean 'vector'?");
  assert.equal(first('parameters { real lower; }'), "1:19: 'lower' is a reserved word in Stan and cannot be used as a variable name.");
  assert.match(first('model { x + 1; }'), /only function calls can stand alone/);
  assert.match(first('parameters { vector[2, 3] x; }'), /vector takes 1 size/);
  assert.match(first('model { for (i 1:N) {} }'), /Expected 'in' after the loop variable 'i'/);
  assert.match(first('model { real x = (1 + 2; }'), /Expected '\)' to close the '\('/);
  assert.match(first('model {\n  x = 1;\n'), /Expected '\}' to close the 'model' block opened at line 1/);
  assert.match(first('real x;'), /Statements and declarations must be inside a block/);
});

test('a missing closing brace does not swallow the next block', () => {
  const { program, diagnostics } = parseProgram('parameters {\n  real mu;\nmodel {\n  mu ~ normal(0, 1);\n}');
  assert.equal(errorsOf(diagnostics).length, 1);
  assert.equal(program.model?.statements.length, 1);
});

test('statements: every kind parses', () => {
  const src = `functions {
  real f_lpdf(real y, data real m) { return normal_lpdf(y | m, 1); }
  void g();
}
model {
  real x;
  x = 1; x += 1; x -= 1; x *= 2; x /= 2;
  vector[2] v; v .*= v; v ./= v;
  y ~ normal(0, 1) T[0, ];
  target += 1;
  for (i in 1:3) continue;
  for (e in v) break;
  while (0) { }
  if (x) ; else { }
  print("x", x); reject("r"); fatal_error("f");
  g();
  profile("p") { x = 2; }
}`;
  const { program, diagnostics } = parseProgram(src);
  assert.deepEqual(errorsOf(diagnostics), []);
  const kinds = program.model?.statements.map((s) => s.kind);
  assert.deepEqual(kinds, [
    'VarDecl', 'Assign', 'Assign', 'Assign', 'Assign', 'Assign', 'VarDecl', 'Assign', 'Assign', 'Tilde', 'TargetPlus', 'For', 'ForEach', 'While', 'If', 'Print', 'Reject', 'FatalError', 'ExprStmt', 'Profile',
  ]);
  assert.equal(program.functions?.functions[1].body, null);
  assert.equal(program.functions?.functions[0].args[1].dataOnly, true);
});

test('truncation bounds may be empty', () => {
  const { program } = parseProgram('model { y ~ normal(0, 1) T[, 5]; z ~ normal(0, 1) T[L, U]; }');
  assert.match(printAst(program), /\(T _ 5\)[\s\S]*\(T L U\)/);
});

test('deep nesting is a positioned error, not a stack overflow', () => {
  for (const src of [
    `model { x = ${'('.repeat(20000)}1${')'.repeat(20000)}; }`,
    `model { ${'{'.repeat(20000)}${'}'.repeat(20000)} }`,
    `model { x = ${'-'.repeat(20000)}1; }`,
    `model { ${'if (1) '.repeat(20000)}; }`,
  ]) {
    const { diagnostics } = parseProgram(src);
    const errors = errorsOf(diagnostics);
    assert.ok(errors.length >= 1);
    assert.match(errors[0], /nested too deeply/);
  }
});

test('never throws and never hangs on garbage (seeded token soup)', () => {
  const vocab = ['model', 'data', 'parameters', 'transformed', 'generated', 'quantities', 'functions', '{', '}', '(', ')', '[', ']', ';', ',', 'real', 'int', 'vector', 'array', '<', '>', 'lower', '=', '~', 'normal', 'x', 'y', '1', '2.5', '+', '-', '*', '^', "'", '?', ':', '|', 'for', 'in', 'if', 'else', 'while', 'return', 'T', '"s"', 'print', 'target', '+=', '<-', '.', '#', '/*', 'tuple', 'void', 'data'];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    const parts: string[] = [];
    const len = rand(40);
    for (let j = 0; j < len; j++) parts.push(vocab[rand(vocab.length)]);
    const src = parts.join(rand(2) ? ' ' : '\n');
    const { program, diagnostics } = parseProgram(src);
    assert.equal(program.kind, 'Program');
    for (const d of diagnostics) {
      assert.ok(d.span.start.offset <= d.span.end.offset && d.span.end.offset <= src.length, `${JSON.stringify(src)}: ${d.message}`);
      assert.ok(d.span.start.line >= 1 && d.span.start.col >= 1);
    }
  }
});

test('a declaration with a broken initial value still declares the variable', () => {
  const { program, diagnostics } = parseProgram('model {\n  real x = foo(1, ;\n  x = 2;\n}');
  assert.deepEqual(errorsOf(diagnostics), ["2:19: Expected an expression after ',', found ';'."]);
  const [decl, assign] = program.model?.statements ?? [];
  assert.equal(decl.kind, 'VarDecl');
  assert.equal((decl as VarDecl).name.name, 'x');
  assert.equal((decl as VarDecl).init, null);
  assert.equal(assign.kind, 'Assign');
});

test("'jacobian += e' (Stan 2.36) is its own statement", () => {
  const { program, diagnostics } = parseProgram('transformed parameters { real t = 1; jacobian += t; }');
  assert.deepEqual(errorsOf(diagnostics), []);
  assert.equal(program.transformedParameters?.statements[1].kind, 'JacobianPlus');
});

test('a broken function argument keeps the function and its other arguments', () => {
  const { program, diagnostics } = parseProgram('functions {\n  real f(real x, vectr y, real z) { return x; }\n}');
  assert.deepEqual(errorsOf(diagnostics), ["2:18: Unknown type 'vectr'. Did you mean 'vector'?"]);
  const f = program.functions?.functions[0];
  assert.equal(f?.name.name, 'f');
  assert.deepEqual(f?.args.map((a) => a.name.name), ['x', 'z']);
  assert.equal(f?.body?.statements.length, 1);
});

test('a .stanfunctions file parses as the body of a functions block', () => {
  const src = 'real twice(real x) {\n  return 2 * x;\n}\nvector g(vector v);\n';
  const { program, diagnostics } = parseProgram(src, { functionsOnly: true });
  assert.deepEqual(errorsOf(diagnostics), []);
  assert.deepEqual(program.functions?.functions.map((f) => f.name.name), ['twice', 'g']);
  // Without the option the same text is not a program.
  assert.ok(errorsOf(parseProgram(src).diagnostics).length > 0);
  assert.match(errorsOf(parseProgram('model { }', { functionsOnly: true }).diagnostics)[0], /only contain function definitions/);
});

test('forms stanc3 accepts: stray semicolons, array expression before ~, declaration as a body, 1-tuples', () => {
  const ok = (src: string): void => assert.deepEqual(errorsOf(parseProgram(src).diagnostics), [], src);
  ok('data {\n  ;\n  real x;;\n}\nparameters {\n  real y;;;\n}\nmodel { }');
  ok('parameters { real z; }\nmodel {\n  {5.5, 6.5} ~ normal(z, 1);\n  { z ~ normal(0, 1); }\n}');
  ok('functions {\n  real foo() {\n    if (1)\n      real a = 0, b;\n    return 0;\n  }\n}');
  ok('transformed data { tuple(real,) t = (1.5,); }');
  const { program } = parseProgram('parameters { real z; }\nmodel {\n  {5.5, 6.5} ~ normal(z, 1);\n}');
  assert.equal(program.model?.statements[0].kind, 'Tilde');
});

test('literal, lvalue and tuple-type checks', () => {
  const first = (src: string): string => errorsOf(parseProgram(src).diagnostics)[0] ?? '';
  assert.match(first('transformed data { int n = 10_000_000_000; }'), /Integer literal 10_000_000_000 is too large/);
  assert.equal(first('transformed data { int n = 2147483647; }'), '');
  assert.match(first('transformed data { int x = 3; real y = 4; (x, y).1 = 2; }'), /left side of an assignment must be a variable/);
  assert.equal(first('transformed data { int x = 3; real y = 4; (x, y) = (1, 2.0); }'), '');
  assert.match(first('transformed data { tuple(real) t; }'), /one element needs a trailing comma/);
  assert.match(first('transformed data { array[2, 2] real y; y[:][1] = y[1, 1]; }'), /Nested multi-indexing/);
  assert.equal(first('transformed data { array[2, 2] real y; y[1][:] = y[1]; y[1, :] = y[2]; }'), '');
  assert.match(first('data { real struct; }'), /'struct' is a reserved word/);
  const warnings = parseProgram('data { real jacobian; }').diagnostics.filter((d) => d.severity === 'warning');
  assert.match(warnings[0]?.message ?? '', /'jacobian' is reserved/);
});
