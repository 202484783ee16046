import type { BlockName } from '../../stan/ast';
import { mean, sd } from '../moments';
import { quantile } from '../quantile';
import type { ExactMarginal } from './compareInput';
import type { MarginalSummary, ParameterMeasures } from './compareReport';
import { intervalOverlap, massInside } from './coverage';
import { wasserstein1 } from './wasserstein';

/** Mean, sd (n − 1) and type-7 5/50/95% quantiles, as posterior's summarise_draws. */
export function marginalSummary(draws: ArrayLike<number>): MarginalSummary {
  const [q5, q50, q95] = quantile(draws, [0.05, 0.5, 0.95]);
  return { mean: mean(draws), sd: sd(draws), q5, q50, q95 };
}

/** A closed-form marginal completed, where it gives no quantile, from the exact reference's draws. */
export function exactSummary(exact: ExactMarginal, draws: ArrayLike<number> | null): MarginalSummary {
  const fromDraws = draws && draws.length > 0 ? marginalSummary(draws) : null;
  return {
    mean: exact.mean,
    sd: exact.sd,
    q5: exact.q5 ?? fromDraws?.q5 ?? NaN,
    q50: exact.q50 ?? fromDraws?.q50 ?? NaN,
    q95: exact.q95 ?? fromDraws?.q95 ?? NaN,
  };
}

export interface MeasureSides {
  name: string;
  variable: string;
  block: BlockName | null;
  /** The approximation's draws, or null when it lacks the name. */
  approximation: Float64Array | null;
  /** The reference's draws (chains concatenated), or null when it has none. */
  reference: Float64Array | null;
  /** Exact references: the closed-form marginal (used for every reference number it gives). */
  exact?: ExactMarginal;
}

/** Everything per name: both summaries and the measures of distance between them. */
export function parameterMeasures(s: MeasureSides): ParameterMeasures {
  const q = s.approximation && s.approximation.length > 0 ? s.approximation : null;
  const r = s.reference && s.reference.length > 0 ? s.reference : null;
  const qs = q ? marginalSummary(q) : null;
  const rs = s.exact ? exactSummary(s.exact, r) : r ? marginalSummary(r) : null;
  const presentIn = qs && rs ? 'both' : qs ? 'approximation' : 'reference';
  let sme = NaN;
  let ratio = NaN;
  let w = NaN;
  let cov = NaN;
  let overlap = NaN;
  if (qs && rs && q) {
    // sd_ref = 0 (a constant) makes the scaled measures meaningless: leave them NaN
    if (rs.sd > 0) {
      sme = (qs.mean - rs.mean) / rs.sd;
      ratio = qs.sd / rs.sd;
      if (r) w = wasserstein1(q, r) / rs.sd;
    }
    cov = massInside(q, rs.q5, rs.q95);
    overlap = intervalOverlap(qs.q5, qs.q95, rs.q5, rs.q95);
  }
  return {
    name: s.name,
    variable: s.variable,
    block: s.block,
    presentIn,
    approximation: qs,
    reference: rs,
    standardizedMeanError: sme,
    sdRatio: ratio,
    wassersteinOverSd: w,
    coverage90: cov,
    intervalOverlap90: overlap,
  };
}
