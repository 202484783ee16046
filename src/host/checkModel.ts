import * as vscode from 'vscode';
import { CheckSummary, isStanDocument, StanProblems } from './problems';

export const checkModelCommand = 'vigil.checkModel';

// "Vigil: Check Model": re-checks the active Stan file now and tells the user what was found.
// Returns the counts (undefined when no Stan file is active) so scripts and tests can use them.
export function checkModel(problems: StanProblems): CheckSummary | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !isStanDocument(doc)) {
    void vscode.window.showWarningMessage('Vigil: open a Stan file to check it.');
    return undefined;
  }
  const summary = problems.check(doc);
  const name = vscode.workspace.asRelativePath(doc.uri);
  const found = summary.errors + summary.warnings === 0 ? 'no problems found' : `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const show = summary.errors > 0 ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
  void show(`Vigil: ${name}: ${found}.`);
  return summary;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
