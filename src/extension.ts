import { activationTimes, type ActivationTimes } from './host/activationClock';
import * as vscode from 'vscode';
import * as path from 'path';
import { checkModel, checkModelCommand } from './host/checkModel';
import { FitCodeLenses } from './host/codeLens';
import { DataFiles } from './host/dataFiles';
import { EngineClient } from './host/engineClient';
import { FitCommands, revealDeclaration } from './host/fitCommands';
import { FitProblems } from './host/fitProblems';
import { ModelTree } from './host/modelTree';
import { DiagnosticsPanels } from './host/panel';
import { StanProblems } from './host/problems';
import { Runs } from './host/runs';
import { StoredRuns } from './host/storedRuns';
import { FitStatusBar } from './host/statusBar';

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
  registerFits(context, log);
  problems.checkAllSoon();
  const times = activationTimes(codeLoadedAt, activateStart, performance.now());
  log.appendLine(
    `Vigil ${context.extension.packageJSON.version} activated in ${times.activationTimeMs.toFixed(1)} ms ` +
      `(loading ${times.codeLoadingMs.toFixed(1)} ms, activate() ${times.activateCallMs.toFixed(1)} ms)`,
  );
  return times;
}

// Fits: the worker starts only when a fit does; everything here is cheap to construct.
function registerFits(context: vscode.ExtensionContext, log: vscode.OutputChannel): void {
  const engine = new EngineClient(path.join(context.extensionPath, 'dist', 'worker.js'));
  activeEngine = engine;
  const runs = new Runs(context.storageUri ?? context.globalStorageUri);
  const status = new FitStatusBar();
  const fitProblems = new FitProblems();
  const dataFiles = new DataFiles(context.workspaceState);
  const stored = new StoredRuns(runs, dataFiles, fitProblems);
  let commands: FitCommands | undefined;
  const panels = new DiagnosticsPanels(context.extensionUri, {
    restore: (model) => stored.panelState(model),
    reveal: (model, range) => void revealDeclaration(model, range),
    cancel: (model) => commands?.cancel(model),
  });
  commands = new FitCommands({ engine, panels, problems: fitProblems, runs, status, log }, dataFiles, stored);
  // The side panel: scans the workspace only once its view is shown.
  const tree = new ModelTree(runs, stored);
  const lenses = new FitCodeLenses(runs, stored);
  context.subscriptions.push(
    engine, runs, status, fitProblems, panels, lenses,
    ...stored.register(panels),
    vscode.languages.registerCodeLensProvider({ language: 'stan' }, lenses),
    ...commands.register(),
    ...tree.register(),
  );
}

// The engine of the active extension: deactivate() closes its idle worker and the NUTS chain workers
// that worker keeps warm (everything else is disposed through context.subscriptions).
let activeEngine: EngineClient | undefined;

export function deactivate(): Promise<void> | undefined {
  return activeEngine?.closeIdle();
}
