// Assertions that read like the notes in examples/README.md: "sd-ratio-low on tau", "no funnel warning",
// "sd ratios of alpha and beta[3] within 0.9-1.1". Every failure message lists the report's warnings and
// sd ratios, so a changed claim can be judged from the test output alone.
import assert from 'node:assert/strict';
import type { CompareWarning, WarningKind } from '../../src/core/diagnose/compare';
import type { CompareReport } from '../../src/core/result/fitResult';

export function describeReport(r: CompareReport): string {
  const ws = r.warnings.map((w) => `  ${w.severity} ${w.kind} ${w.parameter ?? '-'} [${w.elements.slice(0, 4).join(', ')}]`);
  const srs = r.parameters
    .filter((p) => p.presentIn === 'both')
    .slice(0, 24)
    .map((p) => `${p.name} ${p.sdRatio.toFixed(2)}/${p.standardizedMeanError.toFixed(2)}`);
  const k = r.joint.khat;
  return `${r.approximation.method} (${r.approximation.stopCode}), k̂ ${k.khat?.toFixed(2) ?? '—'} / ${k.threshold.toFixed(2)}\n` +
    `warnings:\n${ws.join('\n') || '  (none)'}\nsd ratio / std. mean error: ${srs.join(', ')}`;
}

/** Warnings of a kind, optionally only those about a variable. */
export function warningsOf(r: CompareReport, kind: WarningKind, parameter?: string): CompareWarning[] {
  return r.warnings.filter((w) => w.kind === kind && (parameter === undefined || w.parameter === parameter));
}

/** The report has a warning of this kind on this variable (or a whole-fit one, parameter null). */
export function assertWarns(r: CompareReport, kind: WarningKind, parameter?: string | null): CompareWarning {
  const found = r.warnings.find((w) => w.kind === kind && (parameter === undefined || w.parameter === parameter));
  assert.ok(found, `expected ${kind}${parameter ? ` on ${parameter}` : ''}\n${describeReport(r)}`);
  return found;
}

/** No warning of this kind (on this variable, when given). */
export function assertNoWarning(r: CompareReport, kind: WarningKind, parameter?: string): void {
  const found = warningsOf(r, kind, parameter);
  assert.equal(found.length, 0, `expected no ${kind}${parameter ? ` on ${parameter}` : ''}\n${describeReport(r)}`);
}

/** The only warning kinds present are among these. */
export function assertOnlyKinds(r: CompareReport, allowed: WarningKind[]): void {
  const extra = r.warnings.filter((w) => !allowed.includes(w.kind));
  assert.equal(extra.length, 0, `unexpected warnings ${extra.map((w) => w.kind).join(', ')}\n${describeReport(r)}`);
}

export function sdRatio(r: CompareReport, name: string): number {
  const p = r.parameters.find((q) => q.name === name);
  assert.ok(p, `no compared name ${name}\n${describeReport(r)}`);
  return p.sdRatio;
}

export function meanError(r: CompareReport, name: string): number {
  const p = r.parameters.find((q) => q.name === name);
  assert.ok(p, `no compared name ${name}\n${describeReport(r)}`);
  return p.standardizedMeanError;
}

/** sd ratio of every listed name inside [lo, hi]. */
export function assertSdRatios(r: CompareReport, names: string[], lo: number, hi: number): void {
  for (const n of names) {
    const s = sdRatio(r, n);
    assert.ok(s >= lo && s <= hi, `sd ratio of ${n} is ${s.toFixed(3)}, expected ${lo}-${hi}\n${describeReport(r)}`);
  }
}

/** The names a variable expands to in the comparison ('theta' -> theta[1], ..., theta[8]). */
export function elementsOf(r: CompareReport, variable: string): string[] {
  return r.parameters.filter((p) => p.variable === variable && p.presentIn === 'both').map((p) => p.name);
}
