// Runs one fit, reference or comparison end to end: the worker (via EngineClient), a progress
// notification with Cancel, the status-bar item, the panel streaming live, then the result stored,
// shown in the panel, the Problems panel and the code lenses; or the errors shown where they belong.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatRunError } from '../core/pipeline/runError';
import { isCompareReport, type CompareReport, type FitResult, type RunError, type WorkerMessage } from '../protocol';
import { timed } from './blockMeter';
import type { EngineClient, RunOutcome, RunRequest } from './engineClient';
import type { FitProblems } from './fitProblems';
import type { DiagnosticsPanels } from './panel';
import type { RunKind, Runs } from './runs';
import type { FitStatusBar } from './statusBar';

export interface RunContext {
  engine: EngineClient;
  panels: DiagnosticsPanels;
  problems: FitProblems;
  runs: Runs;
  status: FitStatusBar;
  log: vscode.OutputChannel;
}

/** What a command returns (tests read it): the outcome and, on success, the result (without its draws). */
export interface RunSummary {
  outcome: RunOutcome['kind'];
  result?: FitResult | CompareReport;
  errors?: RunError[];
  message: string;
}

export async function runWithUi(ctx: RunContext, kind: RunKind, model: vscode.Uri, data: vscode.Uri | null, request: RunRequest, hash: string): Promise<RunSummary> {
  const name = path.basename(model.fsPath);
  const verb = kind === 'fit' ? 'Fitting' : kind === 'reference' ? 'Computing the reference for' : 'Comparing';
  const method = request.type === 'reference/start' ? request.reference.kind : request.method;
  ctx.problems.clearFit(model);
  if (data) ctx.problems.clearData(data);
  ctx.panels.runStarted(model, { type: 'run/started', id: request.id, kind, method: request.type === 'reference/start' ? null : request.method, modelPath: model.toString() });
  ctx.status.set(request.id, `${verb.toLowerCase()} ${name}…`);
  ctx.log.appendLine(`${verb} ${name} (${method}, seed ${request.seed}), run ${request.id}`);
  const started = Date.now();

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Vigil: ${verb} ${name} (${method})`, cancellable: true },
    (progress, token) => {
      let lastFraction = 0;
      const handle = ctx.engine.start(request, (m: WorkerMessage) => timed(`message ${m.type}`, () => {
        ctx.panels.forward(model, m);
        if (m.type !== 'fit/progress') return;
        const fraction = m.maxIterations > 0 ? Math.min(m.iteration / m.maxIterations, 1) : lastFraction;
        const text = m.message ?? `${m.stage}: ${m.phase}${m.maxIterations > 0 ? ` ${m.iteration}/${m.maxIterations}` : ''}`;
        progress.report({ message: text, increment: Math.max(0, (fraction - lastFraction) * 100) });
        lastFraction = fraction;
        ctx.status.set(request.id, `${m.stage} ${name} ${m.maxIterations > 0 ? `${Math.round(fraction * 100)}%` : m.phase}`);
      }));
      token.onCancellationRequested(() => handle.cancel());
      return handle.done;
    },
  );
  ctx.status.clear(request.id);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  switch (outcome.kind) {
    case 'result': {
      const { result, panel, stored } = outcome;
      if (!panel || !stored) {
        const message = `Vigil: the engine sent no panel for ${name}.`;
        void vscode.window.showErrorMessage(message);
        return { outcome: 'crashed', message };
      }
      await ctx.runs.save(model, kind, hash, result, panel, stored);
      if (isCompareReport(result)) timed('problems', () => ctx.problems.showReport(model, result));
      ctx.panels.setState(model, panel, false);
      const headline = isCompareReport(result) ? `${result.warnings.length} warning(s)` : result.stopReason;
      const message = `Vigil: ${name}: done in ${seconds} s — ${headline}.`;
      ctx.log.appendLine(message);
      for (const w of outcome.warnings) ctx.log.appendLine(`  ${formatRunError(w)}`);
      void vscode.window.showInformationMessage(message, 'Show Diagnostics').then((c) => {
        if (c) void vscode.commands.executeCommand('vigil.showDiagnostics', model);
      });
      return { outcome: 'result', result, message };
    }
    case 'error': {
      const message = showErrors(ctx, model, data, outcome.errors);
      ctx.panels.forward(model, { type: 'fit/error', id: request.id, errors: outcome.errors });
      return { outcome: 'error', errors: outcome.errors, message };
    }
    case 'cancelled': {
      const message = `Vigil: the run on ${name} was cancelled.`;
      ctx.log.appendLine(message);
      void vscode.window.showInformationMessage(message);
      return { outcome: 'cancelled', message };
    }
    case 'terminated': {
      const message = `Vigil: the run on ${name} did not respond to cancel within ${outcome.afterMs} ms, so its worker was terminated (a model that loops without end?).`;
      ctx.log.appendLine(message);
      ctx.panels.forward(model, { type: 'fit/cancelled', id: request.id });
      void vscode.window.showWarningMessage(message);
      return { outcome: 'terminated', message };
    }
    case 'crashed': {
      const message = `Vigil: the engine failed on ${name}: ${outcome.message}`;
      ctx.log.appendLine(message);
      void vscode.window.showErrorMessage(message);
      return { outcome: 'crashed', message };
    }
  }
}

// Data errors: Problems entries on the data file at their positions, and a message naming the variable
// (the engine's messages do). Model errors: the checker already shows them; point there.
function showErrors(ctx: RunContext, model: vscode.Uri, data: vscode.Uri | null, errors: RunError[]): string {
  for (const e of errors) ctx.log.appendLine(`  ${formatRunError(e)}`);
  const dataErrors = errors.filter((e) => e.source === 'data');
  if (data && dataErrors.length > 0) ctx.problems.showDataErrors(data, dataErrors);
  const first = errors.find((e) => e.severity === 'error') ?? errors[0];
  const where = first?.source === 'data' && data ? path.basename(data.fsPath) : first?.source === 'model' ? path.basename(model.fsPath) : '';
  const line = first?.span ? `:${first.span.start.line}` : '';
  const more = errors.length > 1 ? ` (+${errors.length - 1} more in Problems / the Vigil output)` : '';
  const message = `Vigil: ${where ? `${where}${line}: ` : ''}${first?.message ?? 'the run failed'}${more}`;
  void vscode.window.showErrorMessage(message);
  return message;
}
