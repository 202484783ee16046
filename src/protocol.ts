// Messages between the extension host, the fit worker (src/worker.ts) and the panel webview. Names are
// `<domain>/<action>`. Everything here is plain JSON (structured-clone safe): no classes, and no typed
// arrays but the serialized results a fit/result may carry (StoredResult).
//
// Host -> worker: fit/start, reference/start, compare/start, fit/cancel; engine/close to an idle worker.
// Worker -> host: fit/progress (many, throttled to <= 20 per second per run), then exactly one of
//   fit/result, fit/error or fit/cancelled for each run id; engine/closed.
// Host -> webview: the worker's messages forwarded as they are, plus run/started.
// Webview -> host: panel/ready, fit/cancel, report/export.
import type { CompareReport, FitResult } from './core/result/fitResult';
export { isCompareReport } from './core/result/fitResult';
import type {
  DataInput, FitOptions, FitRequestMethod, ModelInput, ProgressUpdate, ReferenceRequest, RunError, VariationalMethod,
} from './core/pipeline/pipelineTypes';
import type { ImageMark } from './core/stan/imageMarks';
import type { PanelState } from './report/panelState';

export type { CompareReport, FitResult } from './core/result/fitResult';
export type {
  ChainProgress, DataInput, ElboEntry, FitOptions, FitRequestMethod, ModelInput, ProgressUpdate, ReferenceRequest, RunError,
  RunStage, VariationalMethod,
} from './core/pipeline/pipelineTypes';

// The inputs (ModelInput, DataInput, FitOptions, ReferenceRequest), progress and errors are defined with
// the pipeline that consumes them, in src/core/pipeline/pipelineTypes.ts.

// ---- host -> worker ----------------------------------------------------------------------------------

// What the extension host asks of a run besides its result: the worker builds the panel state (its
// densities, pairs and images need the draws) and serializes the full result, and sends the host the
// result without its draws (resultWithoutDraws).
export interface HostRunOptions {
  panel: { model: string; thresholds?: { sdRatioLow: number; sdRatioHigh: number; meanError: number }; images?: ImageMark[] };
}

export interface FitStartMessage {
  type: 'fit/start';
  id: string;
  model: ModelInput;
  data: DataInput;
  method: FitRequestMethod;
  options?: FitOptions;
  host?: HostRunOptions;
  seed: number;
}

export interface ReferenceStartMessage {
  type: 'reference/start';
  id: string;
  model: ModelInput;
  data: DataInput;
  reference: ReferenceRequest;
  // NUTS options (chains, warmup, draws) when the reference is sampled.
  options?: FitOptions;
  host?: HostRunOptions;
  seed: number;
}

export interface CompareStartMessage {
  type: 'compare/start';
  id: string;
  model: ModelInput;
  data: DataInput;
  method: VariationalMethod;
  reference: ReferenceRequest;
  options?: FitOptions;
  // Options of the NUTS reference, when one is run (default: Stan's).
  referenceOptions?: FitOptions;
  // The user's warning thresholds (VS Code settings vigil.warnings.*).
  thresholds?: { sdRatioLow?: number; sdRatioHigh?: number; meanError?: number };
  host?: HostRunOptions;
  seed: number;
}

export interface FitCancelMessage {
  type: 'fit/cancel';
  id: string;
}

// Sent to an idle worker before it is let go: it closes its pool of NUTS chain workers, then answers
// engine/closed.
export interface EngineCloseMessage {
  type: 'engine/close';
}

export type WorkerRequest = FitStartMessage | ReferenceStartMessage | CompareStartMessage | FitCancelMessage;

// ---- worker -> host ----------------------------------------------------------------------------------

export interface FitProgressMessage extends ProgressUpdate {
  type: 'fit/progress';
  id: string;
}

export interface FitResultMessage {
  type: 'fit/result';
  id: string;
  // fit/start and reference/start: a FitResult (schema 'vigil.result'); compare/start: a CompareReport
  // (schema 'vigil.report'). Use isCompareReport to tell them apart.
  result: FitResult | CompareReport;
  // Non-fatal problems met on the way (model warnings, unmatched imported names).
  warnings?: RunError[];
  // With HostRunOptions: `result` without its draws, the panel state, and both and the full result
  // serialized for storage.
  panel?: PanelState;
  stored?: StoredResult;
}

// UTF-8 JSON of the full result, of the result without its draws and of the panel state (buffers
// transferred, not copied): the host stores them as they are.
export interface StoredResult {
  full: Uint8Array;
  result: Uint8Array;
  panel: Uint8Array;
}

export interface FitErrorMessage {
  type: 'fit/error';
  id: string;
  errors: RunError[];
}

export interface FitCancelledMessage {
  type: 'fit/cancelled';
  id: string;
}

export type WorkerMessage = FitProgressMessage | FitResultMessage | FitErrorMessage | FitCancelledMessage;

export interface EngineClosedMessage {
  type: 'engine/closed';
}

// ---- host <-> webview ---------------------------------------------------------------------------------

export interface RunStartedMessage {
  type: 'run/started';
  id: string;
  kind: 'fit' | 'reference' | 'compare';
  method: FitRequestMethod | null;
  modelPath: string;
}

export type HostToWebview = WorkerMessage | RunStartedMessage;

export type WebviewToHost =
  | { type: 'panel/ready' }
  | FitCancelMessage
  | { type: 'report/export'; format: 'html' | 'json' };
