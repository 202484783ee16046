// The variables of a model to draw as images in the panel: `// @vigil image RxC` comments in its source
// and the `vigil.panel.images` setting ({ "theta": "8x8" }) of its folder; and the checker's warnings
// about malformed comments (a size that does not fit the declaration).
import * as vscode from 'vscode';
import type { Program } from '../core/stan/ast';
import type { StanDiagnostic } from '../core/stan/diagnostic';
import { findImageMarks, type ImageMark } from '../core/stan/imageMarks';
import { parseProgram } from '../core/stan/parser';

const markComment = /@vigil\s+image/;

export function panelImageMarks(model: vscode.Uri, source: string): ImageMark[] {
  const setting = vscode.workspace.getConfiguration('vigil.panel', model).get<Record<string, string>>('images') ?? {};
  // Cheap: the comment scan needs only the declarations, and a source without marks skips the parse.
  if (!markComment.test(source) && Object.keys(setting).length === 0) return [];
  return findImageMarks(source, parseProgram(source).program, setting).marks;
}

/** Warnings on `// @vigil image` comments that cannot apply to their declaration (for the Problems panel). */
export function imageMarkProblems(source: string, program: Program): StanDiagnostic[] {
  return markComment.test(source) ? findImageMarks(source, program).diagnostics : [];
}
