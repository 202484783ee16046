import { activationTimes, type ActivationTimes } from './host/activationClock';
import * as vscode from 'vscode';
import { checkModel, checkModelCommand } from './host/checkModel';
import { StanProblems } from './host/problems';

// Runs once every imported module has been evaluated.
const codeLoadedAt = performance.now();

// What `vscode.extensions.getExtension('vigil-dev.vigil').exports` gives other extensions and tests.
export type VigilApi = ActivationTimes;

// Thin on purpose: build the context, register providers, return. Checking the already open documents
// happens after activation returns, on a timer, so nothing heavy runs here.
export function activate(context: vscode.ExtensionContext): VigilApi {
  const activateStart = performance.now();
  const log = vscode.window.createOutputChannel('Vigil');
  const problems = new StanProblems(log);
  context.subscriptions.push(
    log,
    problems,
    vscode.commands.registerCommand(checkModelCommand, () => checkModel(problems)),
  );
  problems.checkAllSoon();
  const times = activationTimes(codeLoadedAt, activateStart, performance.now());
  log.appendLine(
    `Vigil ${context.extension.packageJSON.version} activated in ${times.activationTimeMs.toFixed(1)} ms ` +
      `(loading ${times.codeLoadingMs.toFixed(1)} ms, activate() ${times.activateCallMs.toFixed(1)} ms)`,
  );
  return times;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
