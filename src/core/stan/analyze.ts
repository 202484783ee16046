// The front end in one call: parse, then check whatever parsed. This is what `vigil check` and the
// VS Code Problems provider use.
import type { Program } from './ast';
import { checkProgramTyped, type CheckResult } from './checkProgram';
import type { StanDiagnostic } from './diagnostic';
import { type ParseOptions, parseProgram } from './parser';

export interface AnalysisResult {
  program: Program;
  diagnostics: StanDiagnostic[];
  // Typed information for later stages (meaningful when there are no errors).
  check: CheckResult;
}

// options.functionsOnly: the source is a `.stanfunctions` file (only function definitions).
export function analyzeStan(source: string, options: ParseOptions = {}): AnalysisResult {
  const parsed = parseProgram(source, options);
  const check = checkProgramTyped(parsed.program);
  const semantic = parsed.diagnostics.some((d) => d.severity === 'error')
    ? check.diagnostics.filter((d) => !isFollowOnOfSyntaxError(d, source))
    : check.diagnostics;
  const diagnostics = mergeDiagnostics(parsed.diagnostics, semantic);
  return { program: parsed.program, diagnostics, check };
}

// Syntax diagnostics first in importance: a semantic diagnostic at the same place as a syntax error is
// a follow-on of it, so it is dropped. Then sort by position (stable, so the order within a position is
// the order of discovery) and drop exact duplicates.
export function mergeDiagnostics(syntax: readonly StanDiagnostic[], semantic: readonly StanDiagnostic[]): StanDiagnostic[] {
  const syntaxErrorOffsets = new Set(syntax.filter((d) => d.severity === 'error').map((d) => d.span.start.offset));
  const kept = semantic.filter((d) => !syntaxErrorOffsets.has(d.span.start.offset));
  const all = [...syntax, ...kept].map((d, i) => ({ d, i }));
  all.sort((a, b) => a.d.span.start.offset - b.d.span.start.offset || a.i - b.i);
  const seen = new Set<string>();
  const out: StanDiagnostic[] = [];
  for (const { d } of all) {
    const key = `${d.span.start.offset}:${d.severity}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

const TYPE_WORDS =
  'int|real|complex|vector|row_vector|matrix|complex_vector|complex_row_vector|complex_matrix|simplex|unit_vector|' +
  'sum_to_zero_vector|ordered|positive_ordered|cholesky_factor_corr|cholesky_factor_cov|corr_matrix|cov_matrix';

// After a syntax error the parser skips text, so a variable declared in the skipped text looks
// undeclared. An "not in scope" error for a name that the source declares somewhere is such a
// follow-on, not a finding.
function isFollowOnOfSyntaxError(d: StanDiagnostic, source: string): boolean {
  if (d.code !== 'scope') return false;
  const m = /'([A-Za-z_][A-Za-z0-9_]*)'/.exec(d.message);
  if (!m) return false;
  const declared = new RegExp(`(?:\\b(?:${TYPE_WORDS})|[\\]>])\\s*${m[1]}\\s*(?:[;=,\\[)]|$)`, 'm');
  return declared.test(source);
}
