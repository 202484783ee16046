// Turns a fit result or a comparison report into what the panel draws (PanelState): summaries,
// density curves, forest rows, thinned pair clouds and warnings. Pure: no vscode, no DOM.
import type { CompareWarning, JointReport, ParameterMeasures } from '../core/diagnose/compare/compareReport';
import { isCompareReport, type CompareReport, type FitResult } from '../core/result/fitResult';
import { isConvergedStop } from '../core/infer/viResult';
import type { ImageMark } from '../core/stan/imageMarks';
import { densityPair } from './densityGrid';
import { panelImages } from './panelImages';
import { PANEL_STATE_VERSION, type DensityCurve, type PairsData, type PanelState, type PanelWarning, type Severity, type TableRow } from './panelState';

export interface PanelStateOptions {
  title?: string;
  model?: string;
  thresholds?: { sdRatioLow: number; sdRatioHigh: number; meanError: number };
  /** At most this many density curves (names with warnings first). */
  maxDensities?: number;
  /** At most this many names offered in the pairs plot. */
  maxPairNames?: number;
  stale?: boolean;
  /** Variables to draw as images (findImageMarks over the model's source and settings). */
  images?: ImageMark[];
}

const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function methodLabel(fit: FitResult): string {
  switch (fit.method) {
    case 'meanfield': return 'VI (mean-field)';
    case 'fullrank': return 'VI (full-rank)';
    case 'pathfinder': return 'Pathfinder';
    case 'nuts': return 'NUTS';
    case 'exact': return 'Exact';
    default: return 'Imported';
  }
}

/** Short label for lenses: "VI", "NUTS", "exact". */
export function shortLabel(fit: FitResult): string {
  return fit.method === 'nuts' ? 'NUTS' : fit.method === 'exact' ? 'exact' : fit.method === 'imported' ? 'ref' : fit.method === 'pathfinder' ? 'PF' : 'VI';
}

interface DensityJob {
  name: string;
  approximation: number[] | null;
  reference: number[] | null;
  exact: boolean;
  severity: Severity | null;
}

// Which curves to draw: names with warnings first, up to `max`, then back in declared order.
function densityPlan(approx: FitResult, ref: FitResult | null, names: string[], severityOf: (n: string) => Severity | null, max: number): DensityJob[] {
  const rank = (n: string) => { const s = severityOf(n); return s ? severityRank[s] : 0; };
  const chosen = new Set([...names].sort((p, q) => rank(q) - rank(p)).slice(0, max));
  return names.filter((n) => chosen.has(n)).map((name) => ({
    name, approximation: approx.draws[name] ?? null, reference: ref?.draws[name] ?? null, exact: ref?.method === 'exact', severity: severityOf(name),
  }));
}

function densityCurves(jobs: DensityJob[]): DensityCurve[] {
  const out: DensityCurve[] = [];
  for (const j of jobs) {
    const d = densityPair(j.approximation, j.reference);
    if (d) out.push({ name: j.name, ...d, referenceKind: d.reference ? (j.exact ? 'exact' : 'kde') : null, severity: j.severity });
  }
  return out;
}

export function buildPanelState(input: CompareReport | FitResult, o: PanelStateOptions = {}): PanelState {
  const report = isCompareReport(input) ? input : null;
  const approx = report ? report.approximation : (input as FitResult);
  const ref = report?.reference ?? null;
  const measures = report ? measuresOf(report) : new Map<string, ParameterMeasures>();
  const warnings = report ? warningsOf(report) : [];
  const joint: JointReport | null = report?.joint ?? null;

  const names = [...approx.names.parameters, ...approx.names.transformedParameters, ...approx.names.generatedQuantities];
  const worst = worstSeverity(warnings);
  const severityOf = (name: string): Severity | null => worst.get(name) ?? worst.get(variableOf(name)) ?? null;

  const table: TableRow[] = names.map((name) => {
    const m = measures.get(name);
    const a = m?.approximation ?? approx.summary[name] ?? null;
    const r = m?.reference ?? ref?.summary[name] ?? null;
    return {
      name,
      approximation: a ? { mean: a.mean, sd: a.sd, q5: a.q5, q95: a.q95 } : null,
      reference: r ? { mean: r.mean, sd: r.sd, q5: r.q5, q95: r.q95 } : null,
      sdRatio: finiteOrNull(m?.sdRatio),
      standardizedMeanError: finiteOrNull(m?.standardizedMeanError),
      severity: severityOf(name),
    };
  });

  const densities = densityCurves(densityPlan(approx, ref, names, severityOf, o.maxDensities ?? 60));

  const khatReport = joint?.khat;
  const thresholds = o.thresholds ?? report?.thresholds ?? { sdRatioLow: 0.8, sdRatioHigh: 1.25, meanError: 0.25 };
  const notes: string[] = [];
  if (!ref) notes.push('No reference yet: run "Compare with Reference" to add the sd-ratio and mean checks, overlays and lost correlations.');
  if (joint?.reference?.summary) notes.push(`Reference: ${joint.reference.summary}`);

  return {
    version: PANEL_STATE_VERSION,
    title: o.title ?? `${methodLabel(approx)}${ref ? ` vs ${methodLabel(ref)}` : ''}`,
    model: o.model ?? approx.model.file,
    status: approx.ok ? 'done' : approx.stopCode === 'cancelled' ? 'cancelled' : 'error',
    statusText: approx.stopReason,
    approximationLabel: methodLabel(approx),
    referenceLabel: ref ? methodLabel(ref) : null,
    elbo: approx.elbo,
    stopReason: approx.stopReason,
    converged: approx.elbo.length === 0 ? null : approx.ok && isConvergedStop(approx.stopCode),
    khat: khatReport
      ? { value: finiteOrNull(khatReport.khat), threshold: finiteOrNull(khatReport.threshold), verdict: khatReport.verdict, explanation: khatReport.explanation }
      : approx.khat === null
        ? null
        : {
          value: approx.khat,
          threshold: approx.khatThreshold,
          verdict: approx.khatThreshold !== null && approx.khat > approx.khatThreshold ? 'high' : 'ok',
          explanation: '',
        },
    thresholds: { sdRatioLow: thresholds.sdRatioLow, sdRatioHigh: thresholds.sdRatioHigh, meanError: thresholds.meanError },
    densities,
    forest: ref ? table.filter((r) => r.sdRatio !== null || r.standardizedMeanError !== null).map((r) => ({ name: r.name, sdRatio: r.sdRatio, standardizedMeanError: r.standardizedMeanError, severity: r.severity })) : [],
    pairs: pairsOf(approx, ref, joint, o.maxPairNames ?? 40),
    table,
    warnings: warnings.map(toPanelWarning),
    images: panelImages(o.images ?? [], approx, ref),
    notes,
    stale: o.stale ?? false,
    generatedAt: new Date().toISOString(),
  };
}

function pairsOf(approx: FitResult, ref: FitResult | null, joint: JointReport | null, maxNames: number): PairsData | null {
  const lost = joint?.correlation?.lost?.[0];
  const funnel = joint?.funnels?.[0];
  let defaultPair: [string, string] | null = null;
  let reason = '';
  if (lost) {
    defaultPair = [lost.a, lost.b];
    reason = `largest lost correlation: ${lost.reference.toFixed(2)} (reference) → ${lost.approximation.toFixed(2)} (approximation)`;
  } else if (funnel && approx.draws[funnel.scale]) {
    const member = approx.names.parameters.find((n) => n.startsWith(`${funnel.group}[`));
    if (member) {
      defaultPair = [funnel.scale, member];
      reason = `funnel: ${funnel.group} spreads with ${funnel.scale}`;
    }
  }
  const pool = approx.names.parameters.filter((n) => approx.draws[n]);
  if (!defaultPair && pool.length >= 2) {
    defaultPair = [pool[0], pool[1]];
    reason = 'the first two parameters';
  }
  if (!defaultPair) return null;
  const names = [...new Set([...defaultPair, ...pool])].slice(0, maxNames);
  const thin = (fit: FitResult) => Object.fromEntries(names.filter((n) => fit.draws[n]).map((n) => [n, finiteThinnedAligned(fit.draws[n])]));
  return { names, defaultPair, reason, approximation: thin(approx), reference: ref ? thin(ref) : null };
}

// Same indices for every name, so the points of a pair stay joint draws.
function finiteThinnedAligned(v: number[]): number[] {
  const limit = 500;
  const step = Math.max(1, v.length / limit);
  const out: number[] = [];
  for (let k = 0; k < v.length && out.length < limit; k += step) out.push(v[Math.floor(k)]);
  return out;
}

function measuresOf(report: CompareReport): Map<string, ParameterMeasures> {
  return new Map(report.parameters.map((m) => [m.name, m]));
}

function warningsOf(report: CompareReport): CompareWarning[] {
  return report.warnings;
}

function worstSeverity(warnings: CompareWarning[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  const note = (key: string, s: Severity) => {
    const had = out.get(key);
    if (!had || severityRank[s] > severityRank[had]) out.set(key, s);
  };
  for (const w of warnings) {
    for (const e of w.elements ?? []) note(e, w.severity);
    if (w.parameter && (w.elements ?? []).length === 0) for (const p of w.parameter.split(/,\s*/)) note(p, w.severity);
  }
  return out;
}

function toPanelWarning(w: CompareWarning): PanelWarning {
  const range = w.range ? { start: { line: w.range.start.line, col: w.range.start.col }, end: { line: w.range.end.line, col: w.range.end.col } } : null;
  return { severity: w.severity, kind: w.kind, parameter: w.parameter, message: w.message, range };
}

export function variableOf(name: string): string {
  const i = name.indexOf('[');
  return i < 0 ? name : name.slice(0, i);
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
