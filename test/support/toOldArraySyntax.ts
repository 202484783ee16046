// Rewrites a Stan program from the current `array[N] real y` syntax into the removed `real y[N]` form,
// so the same test model can be given to rstan 2.21 (which predates the new syntax). Text edits at
// the parser's spans; everything else is left as written.
import type { DeclType, UnsizedType, VarDecl } from '../../src/core/stan/ast';
import { parseProgram } from '../../src/core/stan/parser';

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function toOldArraySyntax(source: string): string {
  const { program, diagnostics } = parseProgram(source);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`cannot rewrite a program with errors: ${errors[0].message}`);
  const edits: Edit[] = [];
  const seenTypes = new Set<DeclType>();
  visit(program, (node) => {
    if (node.kind === 'VarDecl') {
      const decl = node as unknown as VarDecl;
      const t = decl.type;
      if (t.arraySyntax !== 'new' || t.arrayDims.length === 0) return;
      const dims = source.slice(t.arrayDims[0].span.start.offset, t.arrayDims[t.arrayDims.length - 1].span.end.offset);
      if (!seenTypes.has(t)) {
        seenTypes.add(t);
        // Drop `array[...]` and the space after it: the base type text starts after the closing ']'.
        const close = source.indexOf(']', t.arrayDims[t.arrayDims.length - 1].span.end.offset);
        let baseStart = close + 1;
        while (/\s/.test(source[baseStart])) baseStart++;
        edits.push({ start: t.span.start.offset, end: baseStart, text: '' });
      }
      edits.push({ start: decl.name.span.end.offset, end: decl.name.span.end.offset, text: `[${dims}]` });
    } else if (node.kind === 'UnsizedType') {
      const u = node as unknown as UnsizedType;
      if (u.arraySyntax !== 'new') return;
      const text = source.slice(u.span.start.offset, u.span.end.offset);
      const m = /^array\s*\[[\s,]*\]\s*(.*)$/s.exec(text);
      if (!m) return;
      edits.push({ start: u.span.start.offset, end: u.span.end.offset, text: `${m[1]}[${','.repeat(u.arrayDims - 1)}]` });
    }
  });
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function visit(node: unknown, f: (n: { kind: string }) => void, seen = new Set<unknown>()): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const x of node) visit(x, f, seen);
    return;
  }
  const n = node as { kind?: unknown };
  if (typeof n.kind === 'string') f(n as { kind: string });
  for (const [key, value] of Object.entries(node)) if (key !== 'span') visit(value, f, seen);
}
