// The parser's cursor over the token list, its diagnostics, and the recovery machinery shared by the
// expression, declaration, statement and program parsers.
import type { StanDiagnostic } from './diagnostic';
import type { Position, Span } from './span';
import type { Token } from './tokens';

// Thrown inside the parser to abandon the current statement after its error has been recorded; caught
// by the statement/block loops, which resynchronise. Never escapes parseProgram.
export class SyntaxBail {
  constructor(readonly reason: string) {}
}

export const MAX_NESTING = 500;

export class ParseContext {
  private index = 0;
  private depth = 0;
  readonly diagnostics: StanDiagnostic[] = [];

  constructor(
    readonly tokens: Token[],
    readonly source: string,
  ) {}

  peek(k = 0): Token {
    const t = this.tokens[Math.min(this.index + k, this.tokens.length - 1)];
    return t;
  }

  get atEof(): boolean {
    return this.peek().kind === 'eof';
  }

  // The token just consumed (or the first token when nothing was consumed).
  previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)];
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  get position(): number {
    return this.index;
  }

  // Punctuation `text` at offset k?
  is(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'punct' && t.text === text;
  }

  // Identifier (or keyword) `word` at offset k?
  isWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' && t.text === word;
  }

  eat(text: string): Token | null {
    return this.is(text) ? this.next() : null;
  }

  eatWord(word: string): Token | null {
    return this.isWord(word) ? this.next() : null;
  }

  // Consume punctuation `text` or record `message` at the current token and bail out of the statement.
  // `message` may be a function so that messages are only built when needed (parsing is hot).
  expect(text: string, message: string | (() => string)): Token {
    const t = this.eat(text);
    if (t) return t;
    this.fail(typeof message === 'string' ? message : message());
  }

  // A statement-ending ';'. When it is missing but the statement visibly ended (the next token is on a
  // later line, or closes the block), record the error and carry on as if it were there: this keeps the
  // statement and the next one instead of skipping both.
  expectSemicolon(lazyMessage: string | (() => string)): void {
    if (this.eat(';')) return;
    const message = typeof lazyMessage === 'string' ? lazyMessage : lazyMessage();
    const t = this.peek();
    const prev = this.previous();
    if (this.index > 0 && (t.kind === 'eof' || (t.kind === 'punct' && t.text === '}') || t.span.start.line > prev.span.end.line)) {
      this.error(message, this.errorSpan());
      return;
    }
    this.fail(message);
  }

  // Where an error about a missing token should point: at the offending token, or at the end of the
  // previous token when the offending token is on a later line (a missing ';' belongs to its line).
  errorSpan(): Span {
    const t = this.peek();
    const prev = this.index > 0 ? this.previous() : null;
    if (prev && (t.kind === 'eof' || t.span.start.line > prev.span.end.line)) {
      return { start: prev.span.end, end: prev.span.end };
    }
    return t.span;
  }

  error(message: string, span: Span, code = 'syntax'): void {
    const last = this.diagnostics[this.diagnostics.length - 1];
    // One error per position: a second complaint at the same place is a consequence of the first.
    if (last && last.severity === 'error' && last.span.start.offset === span.start.offset) return;
    this.diagnostics.push({ severity: 'error', code, message, span });
  }

  warn(message: string, span: Span, code = 'deprecated'): void {
    this.diagnostics.push({ severity: 'warning', code, message, span });
  }

  // Record an error at the current token and abandon the current statement.
  fail(message: string, span: Span = this.errorSpan()): never {
    this.error(message, span);
    throw new SyntaxBail(message);
  }

  // A span from `start` to the end of the last consumed token.
  spanFrom(start: Position | Span | Token): Span {
    const s: Position = 'span' in start ? start.span.start : 'start' in start ? start.start : start;
    const endTok = this.previous();
    const end = endTok.span.end.offset >= s.offset ? endTok.span.end : s;
    return { start: s, end };
  }

  // Guard recursion: every recursive parse of a nested construct goes through here.
  nested<T>(what: () => T): T {
    if (this.depth >= MAX_NESTING) {
      this.fail(`The program is nested too deeply (more than ${MAX_NESTING} levels) to be parsed.`, this.peek().span);
    }
    this.depth++;
    try {
      return what();
    } finally {
      this.depth--;
    }
  }

  // After an error: skip the rest of the broken statement. Stops after a ';', before a '}' that closes
  // an enclosing block, or after a braced block that the broken statement opened.
  synchronize(): void {
    while (!this.atEof) {
      if (this.is(';')) {
        this.next();
        return;
      }
      if (this.is('}')) return; // callers' loops stop at '}' (or consume it) so progress is kept
      if (this.is('{')) {
        this.skipBraces();
        return;
      }
      this.next();
    }
  }

  // Skip a balanced `{ ... }` group starting at the current '{'.
  skipBraces(): void {
    let depth = 0;
    while (!this.atEof) {
      const t = this.next();
      if (t.kind !== 'punct') continue;
      if (t.text === '{') depth++;
      else if (t.text === '}' && --depth === 0) return;
    }
  }

  // Describe the current token for messages: "';'", "identifier 'foo'", "the end of the file".
  describe(t: Token = this.peek()): string {
    switch (t.kind) {
      case 'eof':
        return 'the end of the file';
      case 'ident':
        return `'${t.text}'`;
      case 'string':
        return 'a string';
      default:
        return `'${t.text}'`;
    }
  }
}

// Levenshtein distance, for "Did you mean ...?" suggestions.
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

// The closest candidate within a small distance, or null.
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
