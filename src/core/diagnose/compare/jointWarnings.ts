import type { Span } from '../../stan/span';
import type { ApproximationMethod, ConvergenceVerdict } from './compareInput';
import type { CompareWarning, CorrelationPair, CorrelationReport, FunnelFinding, KhatReport, ReferenceHealth } from './compareReport';
import { strongPairs } from './correlation';
import { stanVariableOf } from './declarationRanges';
import { fixed, percent, plural } from './format';
import type { CompareThresholds } from './thresholds';

type RangeOf = (variable: string) => Span | null;

export function khatWarnings(k: KhatReport, attempted = false): CompareWarning[] {
  if (k.verdict === 'unavailable' && attempted) {
    const message = 'k̂ could not be computed (the log density or the approximation was not finite on some draws), so the tails of the approximation are unchecked.';
    return [whole('khat', 'warning', message, { draws: k.draws })];
  }
  if (k.verdict !== 'high' || k.khat === null) return [];
  const r = Math.sqrt(Math.max(0, 1 - k.khat));
  return [whole('khat', k.khat >= 1 ? 'error' : 'warning', k.explanation, { khat: k.khat, threshold: k.threshold, draws: k.draws, impliedSdRatio: k.khat < 1 ? r : NaN })];
}

const FAILED = new Set(['diverged', 'init-failed', 'eta-adaptation-failed', 'no-approximation', 'cancelled']);

export function convergenceWarnings(c: ConvergenceVerdict | null | undefined): CompareWarning[] {
  if (!c || c.converged) return [];
  if (c.stopCode === 'collapsed') {
    return [whole('not-converged', 'error', `The variational approximation collapsed (${c.stopReason}); its draws do not describe the posterior.`, {})];
  }
  const failed = c.stopCode !== undefined && FAILED.has(c.stopCode);
  const message = failed
    ? `The variational fit failed (${c.stopReason}); there is no approximation to trust.`
    : `The optimiser did not converge (${c.stopReason}); the approximation may still be moving, so run more iterations or look at the ELBO trace.`;
  return [whole('not-converged', failed ? 'error' : 'warning', message, {})];
}

/**
 * Correlation rules. Mean-field with a reference: the reference's strongest correlation, which a
 * mean-field family sets to zero, with a full-rank suggestion. Other families with a reference: the
 * largest lost and invented correlations. Without a reference: a full-rank or Pathfinder fit's own
 * strong correlations, as information.
 */
export function correlationWarnings(
  method: ApproximationMethod,
  c: CorrelationReport | null,
  label: string,
  t: CompareThresholds,
  rangeOf: RangeOf,
): CompareWarning[] {
  if (!c) return [];
  if (c.reference) {
    if (method === 'meanfield') {
      const strong = strongPairs(c.names, c.reference, t.strongCorrelation);
      if (strong.length === 0) return [];
      const p = strong[0];
      const q = c.approximation[c.names.indexOf(p.b)][c.names.indexOf(p.a)];
      return [pairWarning('mean-field-correlation', 'warning', p.a, p.b, rangeOf,
        `${p.a} and ${p.b}: the ${label} correlation is ${fixed(p.rho)}, which a mean-field fit cannot represent` +
          `${strong.length > 1 ? ` (${plural(strong.length, 'pair')} at |ρ| ≥ ${t.strongCorrelation})` : ''}; try a full-rank fit (--method fullrank).`,
        { referenceCorrelation: p.rho, approximationCorrelation: q, pairs: strong.length, threshold: t.strongCorrelation })];
    }
    const out: CompareWarning[] = [];
    const describe = (kind: 'lost-correlation' | 'invented-correlation', pairs: CorrelationPair[]) => {
      if (pairs.length === 0) return;
      const p = pairs[0];
      const more = pairs.length > 1 ? ` (${plural(pairs.length, 'pair')} changed by ${t.lostCorrelation} or more${pairs.length >= t.maxCorrelationPairs ? ', listing the first ' + t.maxCorrelationPairs : ''})` : '';
      const verb = kind === 'lost-correlation' ? 'has lost' : 'has invented';
      out.push(pairWarning(kind, 'warning', p.a, p.b, rangeOf,
        `${p.a} and ${p.b}: the approximation ${verb} correlation, ${fixed(p.approximation)} against ${fixed(p.reference)} under ${label}${more}.`,
        { referenceCorrelation: p.reference, approximationCorrelation: p.approximation, change: p.change, pairs: pairs.length, threshold: t.lostCorrelation }));
    };
    describe('lost-correlation', c.lost);
    describe('invented-correlation', c.invented);
    return out;
  }
  if (method === 'meanfield') return [];
  const strong = strongPairs(c.names, c.approximation, t.strongCorrelation);
  if (strong.length === 0) return [];
  const p = strong[0];
  return [pairWarning('fit-correlation', 'info', p.a, p.b, rangeOf,
    `${p.a} and ${p.b} are strongly correlated in the ${method === 'fullrank' ? 'full-rank' : 'Pathfinder'} fit (ρ = ${fixed(p.rho)}` +
      `${strong.length > 1 ? `; ${plural(strong.length, 'pair')} at |ρ| ≥ ${t.strongCorrelation}` : ''}), which a mean-field fit would miss.`,
    { approximationCorrelation: p.rho, pairs: strong.length, threshold: t.strongCorrelation })];
}

/** A centered hierarchy whose scale the approximation squeezes: suggest non-centering the group. */
export function funnelWarnings(findings: readonly FunnelFinding[], label: string, t: CompareThresholds, rangeOf: RangeOf): CompareWarning[] {
  return findings
    .filter((f) => f.scaleSdRatio < t.sdRatioLow)
    .map((f) => ({
      parameter: f.group, elements: [f.scale], kind: 'funnel' as const, severity: 'warning' as const, range: rangeOf(f.group),
      message:
        `${f.group}: centered parameterization under the scale ${f.scale} forms a funnel (log ${f.scale} and the spread of ${f.group} ` +
        `correlate at ${fixed(f.correlation)} under ${label}, and the variational sd of ${f.scale} is ${percent(f.scaleSdRatio)} of the ${label} sd); ` +
        `try a non-centered parameterization: ${f.suggestion}.`,
      numbers: { correlation: f.correlation, scaleSdRatio: f.scaleSdRatio, threshold: t.funnelCorrelation },
    }));
}

export function referenceWarnings(h: ReferenceHealth | null, t: CompareThresholds): CompareWarning[] {
  if (!h || h.kind === 'exact') return [];
  const out: CompareWarning[] = [];
  for (const problem of h.problems) {
    if (problem.startsWith('R̂') && h.maxRhat) {
      out.push(whole('reference-rhat', h.maxRhat.value > 1.1 ? 'error' : 'warning', problem, { rhat: h.maxRhat.value, threshold: t.referenceRhat }, [h.maxRhat.name]));
    } else if (problem.includes('ESS')) {
      const w = problem.startsWith('Bulk') ? h.minEssBulk : h.minEssTail;
      out.push(whole('reference-ess', 'warning', problem, { ess: w?.value ?? NaN, threshold: t.referenceEss }, w ? [w.name] : []));
    } else if (problem.includes('divergent')) {
      out.push(whole('reference-divergences', 'warning', problem, { divergences: h.divergences ?? NaN }));
    }
  }
  if (h.treedepthSaturated !== null && h.treedepthSaturated > 0) {
    out.push(whole('reference-treedepth', 'info',
      `${plural(h.treedepthSaturated, 'draw')} of ${h.label} hit the maximum tree depth: the sampler was slow here, which hurts efficiency, not validity.`,
      { treedepthSaturated: h.treedepthSaturated }));
  }
  return out;
}

export function unmatchedWarnings(approximationOnly: readonly string[], referenceOnly: readonly string[], label: string): CompareWarning[] {
  if (approximationOnly.length === 0 && referenceOnly.length === 0) return [];
  const list = (xs: readonly string[]) => xs.slice(0, 5).join(', ') + (xs.length > 5 ? ', …' : '');
  const parts: string[] = [];
  if (approximationOnly.length > 0) parts.push(`${plural(approximationOnly.length, 'name')} only in the approximation (${list(approximationOnly)})`);
  if (referenceOnly.length > 0) parts.push(`${plural(referenceOnly.length, 'name')} only in the ${label} draws (${list(referenceOnly)})`);
  return [whole('unmatched-names', 'info', `Not compared: ${parts.join(' and ')}.`,
    { approximationOnly: approximationOnly.length, referenceOnly: referenceOnly.length }, [...approximationOnly, ...referenceOnly])];
}

export function noReferenceWarnings(): CompareWarning[] {
  return [whole('no-reference', 'info',
    'No reference posterior: only k̂, convergence and the fit\'s own correlations are checked; compare with an exact or NUTS reference to judge each parameter.', {})];
}

function whole(kind: CompareWarning['kind'], severity: CompareWarning['severity'], message: string, numbers: Record<string, number>, elements: string[] = []): CompareWarning {
  return { parameter: null, elements, kind, severity, message, numbers, range: null };
}

// A pair: its variables named; the declaration range only when both elements share one variable.
function pairWarning(
  kind: CompareWarning['kind'], severity: CompareWarning['severity'], a: string, b: string, rangeOf: RangeOf,
  message: string, numbers: Record<string, number>,
): CompareWarning {
  const va = stanVariableOf(a);
  const vb = stanVariableOf(b);
  return { parameter: va === vb ? va : `${va}, ${vb}`, elements: [a, b], kind, severity, message, numbers, range: va === vb ? rangeOf(va) : null };
}
