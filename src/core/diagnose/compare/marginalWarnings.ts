import type { Span } from '../../stan/span';
import type { CompareWarning, ParameterMeasures } from './compareReport';
import { fixed, percent } from './format';
import type { CompareThresholds } from './thresholds';

/**
 * The per-parameter rules (sd ratio outside the band; standardized mean error too large), one
 * warning per Stan variable and direction: it names the worst element and how many elements are
 * affected, so a 1000-element vector gives one line, not 1000.
 */
export function marginalWarnings(
  measures: readonly ParameterMeasures[],
  label: string,
  t: CompareThresholds,
  rangeOf: (variable: string) => Span | null,
): CompareWarning[] {
  const byVariable = new Map<string, ParameterMeasures[]>();
  for (const m of measures) {
    if (m.presentIn !== 'both') continue;
    const list = byVariable.get(m.variable) ?? [];
    list.push(m);
    byVariable.set(m.variable, list);
  }
  const out: CompareWarning[] = [];
  for (const [variable, ms] of byVariable) {
    const scalar = ms.length === 1 && ms[0].name === variable;
    const range = rangeOf(variable);
    const where = (worst: ParameterMeasures, affected: number, what: string) =>
      scalar ? '' : ` at ${worst.name} (${affected} of ${ms.length} elements ${what})`;

    const low = ms.filter((m) => m.sdRatio < t.sdRatioLow).sort((a, b) => a.sdRatio - b.sdRatio);
    if (low.length > 0) {
      const w = low[0];
      out.push({
        parameter: variable, elements: low.map((m) => m.name), kind: 'sd-ratio-low', severity: 'warning', range,
        message:
          `${variable}: the variational sd is ${percent(w.sdRatio)} of the ${label} sd` +
          `${where(w, low.length, `below ${percent(t.sdRatioLow)}`)}; uncertainty is underestimated.`,
        numbers: sdNumbers(w, low.length, ms.length, t.sdRatioLow),
      });
    }
    const high = ms.filter((m) => m.sdRatio > t.sdRatioHigh).sort((a, b) => b.sdRatio - a.sdRatio);
    if (high.length > 0) {
      const w = high[0];
      out.push({
        parameter: variable, elements: high.map((m) => m.name), kind: 'sd-ratio-high', severity: 'warning', range,
        message:
          `${variable}: the variational sd is ${percent(w.sdRatio)} of the ${label} sd` +
          `${where(w, high.length, `above ${percent(t.sdRatioHigh)}`)}; uncertainty is overestimated.`,
        numbers: sdNumbers(w, high.length, ms.length, t.sdRatioHigh),
      });
    }
    const off = ms
      .filter((m) => Math.abs(m.standardizedMeanError) > t.meanError)
      .sort((a, b) => Math.abs(b.standardizedMeanError) - Math.abs(a.standardizedMeanError));
    if (off.length > 0) {
      const w = off[0];
      const e = w.standardizedMeanError;
      out.push({
        parameter: variable, elements: off.map((m) => m.name), kind: 'mean-error', severity: 'warning', range,
        message:
          `${variable}: the variational mean is ${fixed(Math.abs(e))} ${label} sds ${e > 0 ? 'above' : 'below'} the ${label} mean` +
          `${where(w, off.length, `beyond ±${t.meanError}`)}; the approximation misses the mean.`,
        numbers: {
          standardizedMeanError: e,
          approximationMean: w.approximation?.mean ?? NaN,
          referenceMean: w.reference?.mean ?? NaN,
          referenceSd: w.reference?.sd ?? NaN,
          affected: off.length,
          elements: ms.length,
          threshold: t.meanError,
        },
      });
    }
  }
  return out;
}

function sdNumbers(w: ParameterMeasures, affected: number, total: number, threshold: number): Record<string, number> {
  return {
    sdRatio: w.sdRatio,
    approximationSd: w.approximation?.sd ?? NaN,
    referenceSd: w.reference?.sd ?? NaN,
    affected,
    elements: total,
    threshold,
  };
}
