// Which variables the user wants drawn as images: a `// @vigil image 8x8` comment on the declaration's
// line (or alone on the line above it), or an entry of the `vigil.panel.images` setting ({ theta: "8x8" }).
// The setting wins over a comment. A vector of R×C elements is one image (row-major); an array of such
// vectors (array[4, 64] int x_sim) is several. Malformed marks are warnings with a range, never errors.
import type { BlockName, Expr, Program } from './ast';
import type { StanDiagnostic } from './diagnostic';
import type { Span } from './span';
import { topDeclarations } from './topDeclarations';

export interface ImageMark {
  variable: string;
  rows: number;
  cols: number;
  /** The declaring block, null when the setting names a variable the program does not declare. */
  block: BlockName | null;
  origin: 'comment' | 'setting';
  /** The declaration (comment marks and declared setting marks). */
  span: Span | null;
}

export interface ImageMarks {
  marks: ImageMark[];
  diagnostics: StanDiagnostic[];
}

const markPattern = /\/\/\s*@vigil\s+image\b[ \t]*(\S*)/;

/** "8x8" / "8×8" / "8 x 8" → [8, 8]; null when it is not a positive size. */
export function parseImageSize(text: string): [number, number] | null {
  const m = /^\s*(\d+)\s*[x×X*]\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const r = Number(m[1]);
  const c = Number(m[2]);
  return r > 0 && c > 0 && r * c <= 1_000_000 ? [r, c] : null;
}

/** Whether the source has any `@vigil image` comment (cheap: lets callers skip the declaration scan). */
export function hasImageMarkComment(source: string): boolean {
  return /@vigil\s+image/.test(source);
}

/** Warnings on `// @vigil image` comments that cannot apply to their declaration (Problems, `vigil check`). */
export function imageMarkProblems(source: string, program: Program): StanDiagnostic[] {
  return hasImageMarkComment(source) ? findImageMarks(source, program).diagnostics : [];
}

export function findImageMarks(source: string, program: Program, setting: Record<string, string> = {}): ImageMarks {
  const lines = source.split(/\r?\n/);
  const lineStart: number[] = [];
  let offset = 0;
  for (const l of lines) {
    lineStart.push(offset);
    offset += l.length + 1;
  }
  const marks = new Map<string, ImageMark>();
  const diagnostics: StanDiagnostic[] = [];

  for (const d of topDeclarations(program)) {
    const first = d.decl.span.start.line;
    const candidates = [first, d.decl.span.end.line, first - 1].filter((n, i, a) => n >= 1 && a.indexOf(n) === i);
    for (const n of candidates) {
      const text = lines[n - 1] ?? '';
      // The line above counts only when it holds nothing but the comment.
      if (n === first - 1 && !/^\s*\/\//.test(text)) continue;
      const m = markPattern.exec(text);
      if (!m) continue;
      const col = (m.index ?? 0) + 1;
      const span: Span = {
        start: { line: n, col, offset: lineStart[n - 1] + col - 1 },
        end: { line: n, col: col + m[0].length, offset: lineStart[n - 1] + col - 1 + m[0].length },
      };
      const size = parseImageSize(m[1]);
      if (!size) {
        diagnostics.push({ severity: 'warning', code: 'image-mark', message: `Write the image size of '${d.name}' as rows x columns, e.g. "// @vigil image 8x8".`, span });
        break;
      }
      const perImage = elementsPerImage(d.decl.type.sizes, d.decl.type.arrayDims);
      if (perImage !== null && perImage !== size[0] * size[1]) {
        diagnostics.push({ severity: 'warning', code: 'image-mark', message: `'${d.name}' has ${perImage} elements per image, not ${size[0]}x${size[1]} = ${size[0] * size[1]}.`, span });
        break;
      }
      marks.set(d.name, { variable: d.name, rows: size[0], cols: size[1], block: d.block, origin: 'comment', span: d.decl.span });
      break;
    }
  }

  const declared = new Map(topDeclarations(program).map((d) => [d.name, d]));
  for (const [name, text] of Object.entries(setting)) {
    const size = typeof text === 'string' ? parseImageSize(text) : null;
    if (!size) continue;
    const d = declared.get(name);
    marks.set(name, { variable: name, rows: size[0], cols: size[1], block: d?.block ?? null, origin: 'setting', span: d?.decl.span ?? null });
  }
  return { marks: [...marks.values()], diagnostics };
}

// The number of elements of one image when the sizes are literals: vector[64] → 64, matrix[8, 8] → 64,
// array[4, 64] int → 64 (the innermost array dimension of a scalar). null when not known statically.
function elementsPerImage(sizes: Expr[], arrayDims: Expr[]): number | null {
  const dims = sizes.length > 0 ? sizes : arrayDims.slice(-1);
  if (dims.length === 0) return null;
  let n = 1;
  for (const e of dims) {
    if (e.kind !== 'IntLiteral') return null;
    n *= e.value;
  }
  return n;
}
