import type { BlockName } from '../../stan/ast';
import { variance } from '../moments';
import type { CompareInput, ReferenceInput } from './compareInput';
import type { CompareReport, CompareWarning, CorrelationReport, ParameterMeasures, WarningSeverity } from './compareReport';
import { correlationChanges, correlationMatrix, selectCorrelationNames } from './correlation';
import { declarationRanges, stanVariableOf } from './declarationRanges';
import { detectFunnels } from './funnel';
import {
  convergenceWarnings, correlationWarnings, funnelWarnings, khatWarnings, noReferenceWarnings, referenceWarnings, unmatchedWarnings,
} from './jointWarnings';
import { khatReport } from './khatReport';
import { marginalWarnings } from './marginalWarnings';
import { parameterMeasures } from './measures';
import { assessReferenceHealth, referenceLabel } from './referenceHealth';
import { scaleRelations } from './scaleRelations';
import { resolveThresholds } from './thresholds';

// Integer-valued generated quantities (posterior predictive counts such as poisson_rng draws) differ
// between two samples mostly by sampling noise, often from a few non-zero draws; their measures are
// reported, but they raise no sd or mean warnings of their own.
function isPredictiveCount(m: ParameterMeasures, q: Float64Array | undefined, r: Float64Array | undefined): boolean {
  if (m.block !== 'generated quantities' || !q || !r) return false;
  const integral = (x: Float64Array) => x.every((v) => Number.isInteger(v));
  return integral(q) && integral(r);
}

/**
 * The whole diagnosis of a variational fit: measures per flattened name, the joint picture (k̂,
 * correlations, funnels, the reference's health) and the warnings a user can act on. Never throws
 * on odd input: names on one side only are listed, degenerate draws give NaN measures.
 */
export function compareDraws(input: CompareInput): CompareReport {
  const t = resolveThresholds(input.thresholds);
  const a = input.approximation;
  const ref = input.reference;
  const decls = input.program ? declarationRanges(input.program) : null;
  const rangeOf = (v: string) => decls?.get(v)?.range ?? null;
  const blockOf = (v: string): BlockName | null => decls?.get(v)?.block ?? null;
  const label = ref ? referenceLabel(ref) : 'reference';

  const refDraws = ref ? concatenateChains(ref) : new Map<string, Float64Array>();
  const approxNames = Object.keys(a.draws).filter(isModelName);
  const refNames = ref ? [...new Set([...refDraws.keys(), ...Object.keys(ref.exact ?? {})])].filter(isModelName) : [];
  const inApprox = new Set(approxNames);
  const inRef = new Set(refNames);
  const names = [...approxNames, ...refNames.filter((n) => !inApprox.has(n))];

  const parameters: ParameterMeasures[] = names.map((name) => {
    const variable = stanVariableOf(name);
    return parameterMeasures({
      name, variable, block: blockOf(variable),
      approximation: a.draws[name] ?? null,
      reference: refDraws.get(name) ?? null,
      exact: ref?.exact?.[name],
    });
  });
  const byName = new Map(parameters.map((m) => [m.name, m]));
  const unmatched = ref
    ? { approximationOnly: approxNames.filter((n) => !inRef.has(n)), referenceOnly: refNames.filter((n) => !inApprox.has(n)) }
    : { approximationOnly: [], referenceOnly: [] };

  const correlation = correlationReport(input, refDraws, decls ? (n) => blockOf(stanVariableOf(n)) === 'parameters' : () => true, t);
  const khat = khatReport(a, t);
  const health = ref ? assessReferenceHealth(ref, t) : null;

  const elements = new Map<string, string[]>();
  for (const n of refDraws.keys()) {
    const v = stanVariableOf(n);
    elements.set(v, [...(elements.get(v) ?? []), n]);
  }
  const funnels = ref && refDraws.size > 0
    ? detectFunnels(input.program && decls ? scaleRelations(input.program, decls, input.source) : null, {
        elements,
        draws: (n) => refDraws.get(n) ?? null,
        sdRatio: (n) => byName.get(n)?.sdRatio ?? NaN,
      }, t.funnelCorrelation)
    : [];

  const warnings: CompareWarning[] = [
    ...convergenceWarnings(a.convergence),
    ...referenceWarnings(health, t),
    // A k̂ given as NaN was attempted and failed; null means no k̂ applies (not a variational fit).
    ...khatWarnings(khat, a.khat !== null && a.khat !== undefined),
    ...(ref ? marginalWarnings(parameters.filter((m) => !isPredictiveCount(m, a.draws[m.name], refDraws.get(m.name))), label, t, rangeOf) : []),
    ...funnelWarnings(funnels, label, t, rangeOf),
    ...correlationWarnings(a.method, correlation, label, t, rangeOf),
    ...(ref ? unmatchedWarnings(unmatched.approximationOnly, unmatched.referenceOnly, label) : noReferenceWarnings()),
  ];
  const rank: Record<WarningSeverity, number> = { error: 0, warning: 1, info: 2 };
  warnings.sort((x, y) => rank[x.severity] - rank[y.severity]); // stable: rule order within a severity

  return {
    method: a.method,
    referenceKind: ref ? ref.kind : null,
    thresholds: t,
    parameters,
    joint: { khat, correlation, reference: health, funnels, unmatched },
    warnings,
  };
}

// Stan's sampler columns (lp__, divergent__, treedepth__, ...) are not model quantities.
function isModelName(name: string): boolean {
  return !name.endsWith('__');
}

// Chains of each name, one after the other (chains may differ in length in imported files).
function concatenateChains(ref: ReferenceInput): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [name, chains] of Object.entries(ref.draws)) {
    if (!isModelName(name)) continue;
    const total = chains.reduce((s, c) => s + c.length, 0);
    if (total === 0) continue;
    const flat = new Float64Array(total);
    let at = 0;
    for (const c of chains) {
      flat.set(c, at);
      at += c.length;
    }
    out.set(name, flat);
  }
  return out;
}

/**
 * Correlation matrices over the parameters (every name when the program is unknown) present on
 * both sides, capped by variance; the reference matrix only when the reference has draws for all.
 */
function correlationReport(
  input: CompareInput,
  refDraws: Map<string, Float64Array>,
  isParameter: (name: string) => boolean,
  t: ReturnType<typeof resolveThresholds>,
): CorrelationReport | null {
  const a = input.approximation.draws;
  const withRef = input.reference !== null && refDraws.size > 0;
  const candidates = Object.keys(a).filter((n) => isModelName(n) && isParameter(n) && (!withRef || refDraws.has(n)));
  const varianceOf = (n: string) => variance(withRef ? refDraws.get(n)! : a[n]);
  const chosen = selectCorrelationNames(candidates, varianceOf, t.maxCorrelationNames);
  if (chosen.names.length < 2) return null;
  const approximation = correlationMatrix(chosen.names.map((n) => a[n]));
  const reference = withRef ? correlationMatrix(chosen.names.map((n) => refDraws.get(n)!)) : null;
  const changes = reference
    ? correlationChanges(chosen.names, reference, approximation, t.lostCorrelation, t.maxCorrelationPairs)
    : { lost: [], invented: [] };
  return { names: chosen.names, capped: chosen.capped, approximation, reference, ...changes };
}
