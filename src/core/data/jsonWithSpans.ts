// A JSON parser that keeps the source range of every value and key, so data errors can point at the
// place in the data file (the Problems panel, `file:line:col`). JSON.parse gives no positions.
import type { StanDiagnostic } from '../stan/diagnostic';
import type { Position, Span } from '../stan/span';

export type JsonNode =
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  | { kind: 'array'; items: JsonNode[]; span: Span }
  | { kind: 'object'; entries: JsonEntry[]; span: Span };

export interface JsonEntry {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

class JsonSyntaxError {
  constructor(readonly message: string, readonly span: Span) {}
}

const MAX_DEPTH = 256;

export function parseJsonWithSpans(text: string): { value: JsonNode | null; diagnostics: StanDiagnostic[] } {
  const p = new JsonReader(text);
  try {
    p.skipSpace();
    const value = p.value(0);
    p.skipSpace();
    if (p.offset < text.length) p.fail('Unexpected text after the end of the JSON value');
    return { value, diagnostics: [] };
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      return { value: null, diagnostics: [{ severity: 'error', code: 'json', message: e.message, span: e.span }] };
    }
    throw e;
  }
}

class JsonReader {
  offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  pos(): Position {
    return { line: this.line, col: this.offset - this.lineStart + 1, offset: this.offset };
  }

  fail(message: string, start: Position = this.pos()): never {
    const end = this.offset < this.text.length ? { ...start, col: start.col + 1, offset: start.offset + 1 } : start;
    throw new JsonSyntaxError(message, { start, end });
  }

  skipSpace(): void {
    const t = this.text;
    while (this.offset < t.length) {
      const c = t.charCodeAt(this.offset);
      if (c === 10) {
        this.offset++;
        this.line++;
        this.lineStart = this.offset;
      } else if (c === 32 || c === 9 || c === 13) {
        this.offset++;
      } else {
        break;
      }
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`JSON nested deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.offset];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const start = this.pos();
      const value = this.string();
      return { kind: 'string', value, span: { start, end: this.pos() } };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [
      ['true', { kind: 'bool', value: true }],
      ['false', { kind: 'bool', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (this.text.startsWith(word, this.offset)) {
        const start = this.pos();
        this.offset += word.length;
        return { ...node, span: { start, end: this.pos() } } as JsonNode;
      }
    }
    if (c === undefined) this.fail('Unexpected end of the JSON text: expected a value');
    this.fail(`Unexpected character '${c}' in JSON: expected a value`);
  }

  private object(depth: number): JsonNode {
    const start = this.pos();
    this.offset++; // {
    const entries: JsonEntry[] = [];
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return { kind: 'object', entries, span: { start, end: this.pos() } };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] !== '"') this.fail('Expected a quoted key in the JSON object');
      const keyStart = this.pos();
      const key = this.string();
      const keySpan = { start: keyStart, end: this.pos() };
      this.skipSpace();
      if (this.text[this.offset] !== ':') this.fail(`Expected ':' after the key "${key}"`);
      this.offset++;
      this.skipSpace();
      entries.push({ key, keySpan, value: this.value(depth + 1) });
      this.skipSpace();
      const c = this.text[this.offset];
      this.offset++;
      if (c === '}') return { kind: 'object', entries, span: { start, end: this.pos() } };
      if (c !== ',') {
        this.offset--;
        this.fail("Expected ',' or '}' in the JSON object");
      }
    }
  }

  private array(depth: number): JsonNode {
    const start = this.pos();
    this.offset++; // [
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return { kind: 'array', items, span: { start, end: this.pos() } };
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      const c = this.text[this.offset];
      this.offset++;
      if (c === ']') return { kind: 'array', items, span: { start, end: this.pos() } };
      if (c !== ',') {
        this.offset--;
        this.fail("Expected ',' or ']' in the JSON array");
      }
    }
  }

  private number(): JsonNode {
    const start = this.pos();
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    m.lastIndex = this.offset;
    const found = m.exec(this.text);
    if (!found || found[0] === '-') this.fail('Malformed number in JSON');
    this.offset += found[0].length;
    return { kind: 'number', value: Number(found[0]), text: found[0], span: { start, end: this.pos() } };
  }

  private string(): string {
    const start = this.pos();
    this.offset++; // opening quote
    let out = '';
    const t = this.text;
    for (;;) {
      if (this.offset >= t.length) this.fail('Unterminated string in JSON', start);
      const c = t[this.offset];
      if (c === '"') {
        this.offset++;
        return out;
      }
      if (c === '\n') this.fail('Unterminated string in JSON (a line break inside quotes)', start);
      if (c === '\\') {
        const e = t[this.offset + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.offset += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.offset + 2, this.offset + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.offset + 2, this.offset + 6), 16));
          this.offset += 6;
        } else {
          this.fail('Invalid escape sequence in a JSON string');
        }
      } else {
        out += c;
        this.offset++;
      }
    }
  }
}
