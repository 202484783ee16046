// The Stan lexer: source text -> tokens. Never throws; every problem is a positioned diagnostic and
// lexing continues after it.
import type { StanDiagnostic } from './diagnostic';
import type { Position, Span } from './span';
import { PUNCTUATION, type Token, type TokenKind } from './tokens';

export interface LexResult {
  tokens: Token[]; // always ends with an 'eof' token
  diagnostics: StanDiagnostic[];
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
// Character classes by code unit, for the hot loops: 1 digit, 2 letter or '_'.
const CHAR_CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = 2;
  for (let c = 97; c <= 122; c++) t[c] = 2;
  t[95] = 2;
  return t;
})();
const identPartAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c < 128 && CHAR_CLASS[c] !== 0;
};
const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c);

// Punctuation grouped by first character, longest first.
const PUNCTUATION_BY_FIRST: ReadonlyMap<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const p of PUNCTUATION) {
    const list = m.get(p[0]) ?? [];
    list.push(p);
    m.set(p[0], list);
  }
  return m;
})();

export function lex(source: string): LexResult {
  const tokens: Token[] = [];
  const diagnostics: StanDiagnostic[] = [];
  const n = source.length;
  let i = 0;
  let line = 1;
  let lineStart = 0; // offset of the first character of the current line
  let spaceBefore = true;

  const pos = (): Position => ({ line, col: i - lineStart + 1, offset: i });
  // Advance over `count` characters, tracking lines. '\r\n' and '\n' end lines; a lone '\r' is whitespace.
  const advance = (count: number): void => {
    const stop = Math.min(n, i + count);
    for (; i < stop; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
  };
  const error = (message: string, span: Span, code = 'syntax'): void => {
    diagnostics.push({ severity: 'error', code, message, span });
  };
  const push = (kind: TokenKind, start: Position): void => {
    tokens.push({ kind, text: source.slice(start.offset, i), span: { start, end: pos() }, spaceBefore });
    spaceBefore = false;
  };
  const skipToEndOfLine = (): void => {
    const nl = source.indexOf('\n', i);
    i = nl < 0 ? n : nl;
  };
  // Digits with optional single '_' separators between them (`1_000`).
  const digits = (): void => {
    while (i < n && (isDigit(source[i]) || (source[i] === '_' && isDigit(source[i + 1] ?? '') && isDigit(source[i - 1])))) {
      i++;
    }
  };
  // After `x.` (a tuple projection), digits are a plain index: `x.1.2` is x, ., 1, ., 2.
  const afterProjectionDot = (): boolean => {
    const last = tokens[tokens.length - 1];
    return last !== undefined && last.kind === 'punct' && last.text === '.' && !spaceBefore;
  };
  const projectionMayFollow = (): boolean => {
    const last = tokens[tokens.length - 1];
    if (last === undefined || spaceBefore) return false;
    if (last.kind === 'ident' || (last.kind === 'punct' && (last.text === ')' || last.text === ']'))) return true;
    // `x.1.2`: the int after a projection dot
    const prev = tokens[tokens.length - 2];
    return last.kind === 'int' && prev !== undefined && prev.kind === 'punct' && prev.text === '.';
  };

  while (i < n) {
    const code0 = source.charCodeAt(i);
    // whitespace: space, \t, \n, \v, \f, \r
    if (code0 === 32 || (code0 >= 9 && code0 <= 13)) {
      if (code0 === 10) {
        line++;
        lineStart = i + 1;
      }
      i++;
      spaceBefore = true;
      continue;
    }
    const start = pos();
    // identifiers and keywords (the most common token, so first)
    if (code0 < 128 && CHAR_CLASS[code0] === 2) {
      i++;
      while (i < n && identPartAt(source, i)) i++;
      if (code0 === 95 || (source.charCodeAt(i - 1) === 95 && source.charCodeAt(i - 2) === 95)) {
        const text = source.slice(start.offset, i);
        const span = { start, end: pos() };
        if (code0 === 95) {
          error(`Identifier '${text}' is not allowed: Stan identifiers must start with a letter.`, span);
        } else {
          error(`Identifier '${text}' is not allowed: names ending in '__' are reserved for Stan's internal use.`, span);
        }
      }
      push('ident', start);
      continue;
    }
    const c = source[i];
    // comments
    if (c === '/' && source[i + 1] === '/') {
      skipToEndOfLine();
      spaceBefore = true;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        advance(2);
        error("Unterminated comment: '/*' has no matching '*/'.", { start, end: pos() });
        advance(n - i);
      } else {
        advance(close + 2 - i);
      }
      spaceBefore = true;
      continue;
    }
    if (c === '#') {
      const lineEnd = source.indexOf('\n', i);
      const text = source.slice(i, lineEnd < 0 ? n : lineEnd).replace(/\s+$/, '');
      const include = /^#include\b\s*(.*)$/.exec(text);
      skipToEndOfLine();
      const span = { start, end: pos() };
      if (include) {
        const file = include[1].replace(/^["<](.*)[">]$/, '$1');
        error(`#include is not supported yet (cannot include '${file}'); paste the included code into this file.`, span);
      } else {
        error("Comments beginning with '#' were removed in Stan 2.33; use '//' instead.", span);
      }
      spaceBefore = true;
      continue;
    }
    // numbers: 1, 1., .5, 1e-3, 1.5E+3, 2i, 3.5i
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? '') && !projectionMayFollow())) {
      if (afterProjectionDot()) {
        digits();
        push('int', start);
        continue;
      }
      let kind: TokenKind = 'int';
      digits();
      // As in stanc3 (longest match), `1./x` is the real `1.` divided by x.
      if (source[i] === '.') {
        kind = 'real';
        advance(1);
        digits();
      }
      if (source[i] === 'e' || source[i] === 'E') {
        let k = i + 1;
        if (source[k] === '+' || source[k] === '-') k++;
        if (isDigit(source[k] ?? '')) {
          kind = 'real';
          advance(k - i);
          digits();
        } else {
          advance(k - i);
          error(`Malformed number '${source.slice(start.offset, i)}': expected digits after the exponent.`, { start, end: pos() });
          kind = 'real';
        }
      }
      if (source[i] === 'i' && !isIdentPart(source[i + 1] ?? '')) {
        advance(1);
        kind = 'imag';
      }
      if (isIdentStart(source[i] ?? '')) {
        // `2x`, `1.5foo`: a number immediately followed by letters
        const numEnd = pos();
        while (i < n && isIdentPart(source[i])) advance(1);
        error(`Malformed number '${source.slice(start.offset, i)}'.`, { start, end: pos() });
        tokens.push({ kind, text: source.slice(start.offset, numEnd.offset), span: { start, end: pos() }, spaceBefore });
        spaceBefore = false;
        continue;
      }
      push(kind, start);
      continue;
    }
    // strings
    if (c === '"') {
      advance(1);
      let closed = false;
      while (i < n && source[i] !== '\n') {
        if (source[i] === '\\' && i + 1 < n && source[i + 1] !== '\n') {
          advance(2);
          continue;
        }
        if (source[i] === '"') {
          advance(1);
          closed = true;
          break;
        }
        advance(1);
      }
      if (!closed) error('Unterminated string: expected a closing \'"\' on the same line.', { start, end: pos() });
      push('string', start);
      continue;
    }
    // operators and punctuation
    let matched: string | undefined;
    for (const p of PUNCTUATION_BY_FIRST.get(c) ?? []) {
      if (source.startsWith(p, i)) {
        matched = p;
        break;
      }
    }
    if (matched !== undefined) {
      i += matched.length;
      push('punct', start);
      continue;
    }
    // anything else: report the run of unknown characters once
    const code = source.codePointAt(i) ?? 0;
    advance(code > 0xffff ? 2 : 1);
    const shown = code < 32 || code === 127 ? `\\u{${code.toString(16)}}` : String.fromCodePoint(code);
    error(`Unexpected character '${shown}'.`, { start, end: pos() });
    spaceBefore = true;
  }
  const end = pos();
  tokens.push({ kind: 'eof', text: '', span: { start: end, end }, spaceBefore });
  return { tokens, diagnostics };
}

// The value of a string token's contents, with escapes resolved.
export function unescapeString(text: string): string {
  const inner = text.length >= 2 && text.endsWith('"') ? text.slice(1, -1) : text.slice(1);
  return inner.replace(/\\(.)/g, (_m, ch: string) => {
    switch (ch) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      default:
        return ch;
    }
  });
}

// The numeric value of a number token's text (int, real or imaginary).
export function numberValue(text: string): number {
  const t = text.replace(/_/g, '').replace(/i$/, '');
  return Number(t);
}
