// Checks that diagnostics are well-formed values positioned inside their source: what the fuzz test
// and the corpus tests demand of every error and warning the front end reports.
import type { StanDiagnostic } from '../../src/core/stan/diagnostic';
import type { Position } from '../../src/core/stan/span';

// Line starts of `source` (lines end at '\n', as the lexer counts them).
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

// The 1-based line/col of a 0-based offset.
export function positionAt(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
}

function positionProblem(source: string, starts: readonly number[], p: unknown, what: string): string | undefined {
  if (typeof p !== 'object' || p === null) return `${what} is not a position`;
  const { line, col, offset } = p as Position;
  if (![line, col, offset].every(Number.isInteger)) return `${what} has non-integer fields ${JSON.stringify(p)}`;
  if (offset < 0 || offset > source.length) return `${what}.offset ${offset} outside [0, ${source.length}]`;
  if (line < 1 || line > starts.length) return `${what}.line ${line} outside [1, ${starts.length}]`;
  const expected = positionAt(starts, offset);
  if (expected.line !== line || expected.col !== col) {
    return `${what} ${line}:${col} disagrees with offset ${offset} (which is ${expected.line}:${expected.col})`;
  }
  return undefined;
}

// Every way the diagnostics fail to be well-formed for `source`; empty when all is well.
export function spanProblems(source: string, diagnostics: readonly StanDiagnostic[], starts = lineStarts(source)): string[] {
  const problems: string[] = [];
  diagnostics.forEach((d, k) => {
    const tag = `diagnostic #${k} (${JSON.stringify(d?.message)})`;
    if (typeof d?.message !== 'string' || d.message.trim() === '') problems.push(`${tag}: empty message`);
    if (d?.severity !== 'error' && d?.severity !== 'warning') problems.push(`${tag}: severity ${String(d?.severity)}`);
    if (typeof d?.code !== 'string' || d.code === '') problems.push(`${tag}: missing code`);
    const span = d?.span;
    if (typeof span !== 'object' || span === null) {
      problems.push(`${tag}: no span`);
      return;
    }
    const a = positionProblem(source, starts, span.start, 'start');
    const b = positionProblem(source, starts, span.end, 'end');
    if (a) problems.push(`${tag}: ${a}`);
    if (b) problems.push(`${tag}: ${b}`);
    if (!a && !b && span.start.offset > span.end.offset) {
      problems.push(`${tag}: start offset ${span.start.offset} after end offset ${span.end.offset}`);
    }
  });
  return problems;
}
