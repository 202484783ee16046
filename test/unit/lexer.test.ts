import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, numberValue, unescapeString } from '../../src/core/stan/lexer';

const kinds = (src: string): string[] => lex(src).tokens.map((t) => `${t.kind}:${t.text}`);

test('numbers as Stan lexes them', () => {
  assert.deepEqual(kinds('1 1. .5 1e-3 1.5E+3 2i 3.5i 1_000 2e5'), [
    'int:1',
    'real:1.',
    'real:.5',
    'real:1e-3',
    'real:1.5E+3',
    'imag:2i',
    'imag:3.5i',
    'int:1_000',
    'real:2e5',
    'eof:',
  ]);
  assert.equal(numberValue('1_000'), 1000);
  assert.equal(numberValue('3.5i'), 3.5);
  assert.equal(numberValue('1.5E+3'), 1500);
});

test('1./x is the real 1. divided by x, as in stanc3', () => {
  assert.deepEqual(kinds('1./x'), ['real:1.', 'punct:/', 'ident:x', 'eof:']);
});

test('every operator is one token', () => {
  const ops = ['+', '-', '*', '/', '%', '\\', '.*', './', '^', '.^', '%/%', "'", '!', '&&', '||', '==', '!=', '<', '<=', '>', '>=', '?', ':', '=', '+=', '-=', '*=', '/=', '.*=', './=', '~', '|'];
  for (const op of ops) {
    const { tokens, diagnostics } = lex(`a ${op} b`);
    assert.deepEqual(diagnostics, [], op);
    assert.equal(tokens.length, 4, op);
    assert.equal(tokens[1].kind, 'punct');
    assert.equal(tokens[1].text, op);
  }
});

test("'<-' lexes as '<' then '-' with no space between (the parser reports it)", () => {
  const { tokens } = lex('x <- 1');
  assert.equal(tokens[1].text, '<');
  assert.equal(tokens[2].text, '-');
  assert.equal(tokens[2].spaceBefore, false);
});

test('comments are skipped and positions track lines', () => {
  const { tokens, diagnostics } = lex('a // comment\n/* multi\nline */ b\n  c');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    tokens.map((t) => [t.text, t.span.start.line, t.span.start.col, t.span.start.offset]),
    [
      ['a', 1, 1, 0],
      ['b', 3, 9, 30],
      ['c', 4, 3, 34],
      ['', 4, 4, 35],
    ],
  );
});

test('CRLF line endings count lines once', () => {
  const { tokens } = lex('a\r\nb\r\n  c');
  assert.deepEqual(
    tokens.slice(0, 3).map((t) => [t.span.start.line, t.span.start.col]),
    [
      [1, 1],
      [2, 1],
      [3, 3],
    ],
  );
});

test('an unterminated block comment is a positioned error', () => {
  const { diagnostics } = lex('a\n  /* never closed\nb');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /Unterminated comment/);
  assert.deepEqual([diagnostics[0].span.start.line, diagnostics[0].span.start.col], [2, 3]);
});

test("'#' comments were removed: error saying to use '//'", () => {
  const { tokens, diagnostics } = lex('a # old comment\nb');
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /'#'.*removed.*'\/\/'/);
  assert.deepEqual([diagnostics[0].span.start.line, diagnostics[0].span.start.col], [1, 3]);
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['a', 'b', ''],
  );
});

test('#include is reported as unsupported, naming the file', () => {
  const { diagnostics } = lex('#include "my_functions.stan"\nmodel {}');
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /#include is not supported.*my_functions\.stan/);
});

test('strings keep their text and unescape', () => {
  const { tokens, diagnostics } = lex('print("a \\"quoted\\" \\\\ word")');
  assert.deepEqual(diagnostics, []);
  const s = tokens[2];
  assert.equal(s.kind, 'string');
  assert.equal(unescapeString(s.text), 'a "quoted" \\ word');
});

test('an unterminated string is an error', () => {
  const { diagnostics } = lex('print("abc\n);');
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /Unterminated string/);
});

test('unknown characters are positioned errors and lexing continues', () => {
  const { tokens, diagnostics } = lex('a @ b $ c');
  assert.deepEqual(
    diagnostics.map((d) => [d.message, d.span.start.col]),
    [
      ["Unexpected character '@'.", 3],
      ["Unexpected character '$'.", 7],
    ],
  );
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['a', 'b', 'c', ''],
  );
});

test('tuple projections: x.1.2 is x . 1 . 2', () => {
  assert.deepEqual(kinds('x.1.2'), ['ident:x', 'punct:.', 'int:1', 'punct:.', 'int:2', 'eof:']);
  assert.deepEqual(kinds('x .5'), ['ident:x', 'real:.5', 'eof:']);
});

test('identifiers with a leading underscore or trailing __ are errors', () => {
  assert.equal(lex('_a').diagnostics.length, 1);
  assert.equal(lex('a__').diagnostics.length, 1);
  assert.equal(lex('a_b_1').diagnostics.length, 0);
});

test('the lexer never throws and always ends with eof (seeded random input)', () => {
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const alphabet = 'abT01.e+-*/%\\^\'!&|=<>?:~()[]{},;"#\n\t /\u00e9\u{1F600}_i';
  const chars = [...alphabet];
  for (let k = 0; k < 3000; k++) {
    const len = Math.floor(rand() * 60);
    let src = '';
    for (let j = 0; j < len; j++) src += chars[Math.floor(rand() * chars.length)];
    const { tokens, diagnostics } = lex(src);
    assert.equal(tokens[tokens.length - 1].kind, 'eof', JSON.stringify(src));
    for (const d of diagnostics) {
      assert.ok(d.span.start.offset <= d.span.end.offset && d.span.end.offset <= src.length, JSON.stringify(src));
    }
  }
});
