// The worker_threads entry (dist/worker.js): runs fits, references and comparisons off the extension
// host's thread. Receives WorkerRequests, streams fit/progress (at most 20 per second per run, ELBO entries
// batched so none is lost), and ends every run with exactly one fit/result, fit/error or fit/cancelled.
// Never throws out: every failure becomes a message.
import { parentPort } from 'node:worker_threads';
import { runCompare, runNutsFit, runReference, runVariationalFit } from './core/pipeline';
import type { ElboEntry, ProgressUpdate, RunControl, RunOutcome } from './core/pipeline';
import { engineError, errorText } from './core/pipeline/runError';
import { closeWorkerPool } from './core/infer/nuts/workerPool';
import { buildPanelState } from './report/buildPanelState';
import { resultWithoutDraws } from './report/resultWithoutDraws';
import type { CompareReport, EngineCloseMessage, EngineClosedMessage, FitResult, StoredResult, WorkerMessage, WorkerRequest } from './protocol';

const PROGRESS_INTERVAL_MS = 50;

// Coalesces progress updates: the latest state, with every ELBO entry since the last message.
function throttled(id: string, post: (m: WorkerMessage) => void): { emit(u: ProgressUpdate): void; flush(): void } {
  let last = 0;
  let pending: ProgressUpdate | null = null;
  let elbo: ElboEntry[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const u: ProgressUpdate = { ...pending, ...(elbo.length ? { elbo } : {}) };
    if (!elbo.length) delete u.elbo;
    pending = null;
    elbo = [];
    last = Date.now();
    post({ type: 'fit/progress', id, ...u });
  };
  return {
    emit(u) {
      if (u.elbo) elbo.push(...u.elbo);
      pending = u;
      const wait = PROGRESS_INTERVAL_MS - (Date.now() - last);
      if (wait <= 0) flush();
      else if (!timer) timer = setTimeout(flush, wait);
    },
    flush,
  };
}

// Runs one request to its final message.
export async function handleRun(
  msg: Exclude<WorkerRequest, { type: 'fit/cancel' }>, signal: AbortSignal, post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  const progress = throttled(msg.id, post);
  const control: RunControl = { signal, onProgress: (u) => progress.emit(u) };
  let outcome: RunOutcome<{ result: FitResult } | CompareReport>;
  try {
    const request = { model: msg.model, data: msg.data, seed: msg.seed, options: msg.options };
    if (msg.type === 'fit/start') {
      outcome = msg.method === 'nuts' ? await runNutsFit(request, control) : await runVariationalFit({ ...request, method: msg.method }, control);
    } else if (msg.type === 'reference/start') {
      outcome = await runReference(request, msg.reference, control);
    } else {
      outcome = await runCompare({ ...request, method: msg.method, reference: msg.reference, referenceOptions: msg.referenceOptions, thresholds: msg.thresholds }, control);
    }
  } catch (e) {
    outcome = { ok: false, errors: [engineError(`internal error: ${errorText(e)}`, 'internal')] };
  }
  progress.flush();
  if (!outcome.ok) {
    post(outcome.cancelled || signal.aborted ? { type: 'fit/cancelled', id: msg.id } : { type: 'fit/error', id: msg.id, errors: outcome.errors });
    return;
  }
  const v = outcome.value;
  const result = 'schema' in v && v.schema === 'vigil.report' ? v : (v as { result: FitResult }).result;
  const warnings = outcome.warnings.length ? { warnings: outcome.warnings } : {};
  if (!msg.host) {
    post({ type: 'fit/result', id: msg.id, result, ...warnings });
    return;
  }
  // For the extension host: the heavy work with the draws done here (see HostRunOptions).
  const panel = buildPanelState(result, msg.host.panel);
  const slim = resultWithoutDraws(result);
  const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const stored: StoredResult = { full: encode(result), result: encode(slim), panel: encode(panel) };
  const buffers = [stored.full.buffer, stored.result.buffer, stored.panel.buffer] as ArrayBuffer[];
  post({ type: 'fit/result', id: msg.id, result: slim, panel, stored, ...warnings }, buffers);
}

// Serves requests on a port (the worker's parentPort; tests can pass a MessageChannel port). The same
// worker serves run after run, so its NUTS chain workers stay warm between runs.
export function serveRuns(port: {
  on(event: 'message', f: (m: WorkerRequest | EngineCloseMessage) => void): unknown;
  postMessage(m: WorkerMessage | EngineClosedMessage, transfer?: ArrayBuffer[]): void;
}): void {
  const running = new Map<string, AbortController>();
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]): void => {
    try {
      port.postMessage(m, transfer);
    } catch (e) {
      // A result that cannot be cloned (should not happen: results are plain JSON) still ends the run.
      port.postMessage({ type: 'fit/error', id: m.id, errors: [engineError(`could not send the result: ${errorText(e)}`, 'internal')] });
    }
  };
  port.on('message', (msg) => {
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'engine/close') {
      // The pooled chain workers would otherwise live on until their idle timeout.
      void closeWorkerPool().catch(() => undefined).then(() => port.postMessage({ type: 'engine/closed' }));
      return;
    }
    if (msg.type === 'fit/cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    if (msg.type !== 'fit/start' && msg.type !== 'reference/start' && msg.type !== 'compare/start') return;
    const controller = new AbortController();
    running.set(msg.id, controller);
    void handleRun(msg, controller.signal, post)
      .catch((e) => post({ type: 'fit/error', id: msg.id, errors: [engineError(`internal error: ${errorText(e)}`, 'internal')] }))
      .finally(() => running.delete(msg.id));
  });
}

if (parentPort) serveRuns(parentPort as unknown as Parameters<typeof serveRuns>[0]);
