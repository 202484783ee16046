import type { Span } from './span';

export type Severity = 'error' | 'warning';

// An error or warning about a Stan program: a value with a source range, never an exception.
export interface StanDiagnostic {
  severity: Severity;
  // Short stable identifier of the kind of problem, e.g. 'syntax', 'scope', 'type', 'deprecated'.
  code: string;
  message: string;
  span: Span;
}

// `file:line:col: error|warning: message`, the format of `vigil check` and of the golden transcripts.
export function formatDiagnostic(file: string, d: StanDiagnostic): string {
  return `${file}:${d.span.start.line}:${d.span.start.col}: ${d.severity}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly StanDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
