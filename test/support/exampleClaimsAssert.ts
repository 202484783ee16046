// Assertions that read like the notes in examples/README.md: "sd-ratio-low on tau", "sd ratios of alpha
// and beta[3] within 0.9-1.1"; and the notes' shared claims (exampleNotes.ts) held against a report. Every failure message lists the report's warnings and
// sd ratios, so a changed claim can be judged from the test output alone.
import assert from 'node:assert/strict';
import type { CompareWarning, WarningKind } from '../../src/core/diagnose/compare';
import type { CompareReport } from '../../src/core/result/fitResult';
import { brokenClaims, claimsOf, type Method } from './exampleNotes';

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

/** The claims of the example's note about this method (test/support/exampleNotes.ts) hold for the report. */
export function assertNoteClaims(r: CompareReport, example: string, method: Method): void {
  const sdRatios = (name: string) => r.parameters.filter((p) => p.presentIn === 'both' && (p.name === name || p.variable === name)).map((p) => p.sdRatio);
  const broken = brokenClaims(claimsOf(example, method), r.warnings, sdRatios);
  assert.deepEqual(broken, [], `${example}, ${method}: ${broken.join('; ')}\n${describeReport(r)}`);
}
