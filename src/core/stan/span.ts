// Source positions. Lines and columns are 1-based (as editors and `file:line:col` show them);
// offsets are 0-based UTF-16 indexes into the source string.
export interface Position {
  line: number;
  col: number;
  offset: number;
}

// A half-open range [start, end) of source text.
export interface Span {
  start: Position;
  end: Position;
}

export function spanFrom(start: Span, end: Span): Span {
  return { start: start.start, end: end.end };
}
