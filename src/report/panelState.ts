// What the diagnostics panel (and the HTML report, which runs the same webview bundle) draws: every
// number is computed host-side (src/report, src/core); the webview only lays it out. Plain JSON.
import type { ElboPoint } from '../core/result/fitResult';

export const PANEL_STATE_VERSION = 1;

export type PanelStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
export type Severity = 'info' | 'warning' | 'error';

/** A 1-based source range (as src/core/stan/span.ts), enough to reveal a declaration. */
export interface PanelRange {
  start: { line: number; col: number };
  end: { line: number; col: number };
}

export interface DensityCurve {
  name: string;
  /** Shared grid for both curves. */
  x: number[];
  approximation: number[] | null;
  reference: number[] | null;
  /** 'exact' when the reference curve is a closed form, 'kde' when estimated from draws. */
  referenceKind: 'kde' | 'exact' | null;
  severity: Severity | null;
}

export interface ForestRow {
  name: string;
  sdRatio: number | null;
  standardizedMeanError: number | null;
  severity: Severity | null;
}

export interface TableRow {
  name: string;
  approximation: { mean: number; sd: number; q5: number; q95: number } | null;
  reference: { mean: number; sd: number; q5: number; q95: number } | null;
  sdRatio: number | null;
  standardizedMeanError: number | null;
  severity: Severity | null;
}

export interface PairsData {
  /** Names offered for the axes (parameters with thinned draws below), default pair first. */
  names: string[];
  defaultPair: [string, string] | null;
  /** Why the default pair was chosen ("largest lost correlation: 0.62 → 0.05"). */
  reason: string;
  approximation: Record<string, number[]>;
  reference: Record<string, number[]> | null;
}

/** One heatmap: row-major pixels (null where a draw was not finite). */
export interface ImageTile {
  label: string;
  kind: 'mean' | 'draw';
  pixels: (number | null)[];
}

/** A variable marked as an image (`// @vigil image 8x8` or the vigil.panel.images setting). */
export interface PanelImage {
  name: string;
  rows: number;
  cols: number;
  /** Images per draw: 1 for a vector, N for array[N, R*C]. */
  images: number;
  /** The mean first, then a few draws; null when that side has no draws of the variable. */
  approximation: ImageTile[] | null;
  reference: ImageTile[] | null;
  /** One colour scale for both sides. */
  min: number;
  max: number;
}

export interface PanelWarning {
  severity: Severity;
  kind: string;
  parameter: string | null;
  message: string;
  range: PanelRange | null;
}

export interface PanelState {
  version: typeof PANEL_STATE_VERSION;
  title: string;
  /** The model file (URI string in VS Code, path in reports). */
  model: string;
  status: PanelStatus;
  statusText: string;
  approximationLabel: string;
  referenceLabel: string | null;
  elbo: ElboPoint[];
  stopReason: string | null;
  converged: boolean | null;
  khat: { value: number | null; threshold: number | null; verdict: 'ok' | 'high' | 'unavailable'; explanation: string } | null;
  thresholds: { sdRatioLow: number; sdRatioHigh: number; meanError: number };
  densities: DensityCurve[];
  forest: ForestRow[];
  pairs: PairsData | null;
  table: TableRow[];
  warnings: PanelWarning[];
  /** Heatmaps of the variables marked as images (absent in states made before they existed). */
  images?: PanelImage[];
  /** Notes for the reader ("no reference: a reference would add sd and mean checks"). */
  notes: string[];
  stale: boolean;
  generatedAt: string;
}

/** Host → webview and webview → host messages of the panel (names as DESIGN.md: domain/action). */
export type PanelToWebview =
  | { type: 'panel/state'; state: PanelState }
  | { type: 'panel/elbo'; points: ElboPoint[] }
  | { type: 'panel/status'; status: PanelStatus; statusText: string };

export type WebviewToPanel =
  | { type: 'panel/ready' }
  | { type: 'panel/revealRange'; range: PanelRange | null; parameter: string | null }
  | { type: 'panel/rendered'; summary: RenderedSummary };

/** What the webview says it drew (read by the tests, and a cheap sanity check). */
export interface RenderedSummary {
  charts: string[];
  densities: number;
  warnings: number;
  elboPoints: number;
  /** The run shown was made from other model, data or settings than the current ones. */
  stale: boolean;
}
