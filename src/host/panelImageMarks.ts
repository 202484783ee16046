// The variables of a model to draw as images in the panel: `// @vigil image RxC` comments in its source
// and the `vigil.panel.images` setting ({ "theta": "8x8" }) of its folder; and the checker's warnings
// about malformed comments (imageMarkProblems in src/core/stan/imageMarks.ts) go to Problems.
import * as vscode from 'vscode';
import { findImageMarks, hasImageMarkComment, type ImageMark } from '../core/stan/imageMarks';
import { parseProgram } from '../core/stan/parser';

export function panelImageMarks(model: vscode.Uri, source: string): ImageMark[] {
  const setting = vscode.workspace.getConfiguration('vigil.panel', model).get<Record<string, string>>('images') ?? {};
  // Cheap: the comment scan needs only the declarations, and a source without marks skips the parse.
  if (!hasImageMarkComment(source) && Object.keys(setting).length === 0) return [];
  return findImageMarks(source, parseProgram(source).program, setting).marks;
}
