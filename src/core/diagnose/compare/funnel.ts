import type { FunnelFinding } from './compareReport';
import { correlation } from './correlation';
import type { ScaleRelation } from './scaleRelations';

/** What the funnel search reads: reference draws (chains concatenated) grouped by Stan variable. */
export interface FunnelDraws {
  /** Stan variable → its flattened names, in order. */
  elements: ReadonlyMap<string, readonly string[]>;
  /** Flattened name → reference draws. */
  draws: (name: string) => Float64Array | null;
  /** Flattened name → sd ratio of the comparison (NaN when not compared). */
  sdRatio: (name: string) => number;
}

/**
 * The funnel signature in the reference draws: the spread of a group around its location,
 * log mean_j |group_j − location|, moves with the log of its scale. With the program, the candidate
 * (scale, group) pairs are its centered relations (`theta ~ normal(mu, tau)`); without it, every
 * scalar variable with only positive draws against every other variable with at least two elements,
 * centred on the per-draw group mean. Findings at or above minCorrelation, strongest first.
 */
export function detectFunnels(relations: readonly ScaleRelation[] | null, d: FunnelDraws, minCorrelation: number): FunnelFinding[] {
  const candidates = relations ?? guessRelations(d);
  const out: FunnelFinding[] = [];
  for (const r of candidates) {
    const scale = d.draws(r.scale);
    const group = (d.elements.get(r.group) ?? []).map((n) => d.draws(n)).filter((x): x is Float64Array => x !== null);
    if (!scale || group.length === 0) continue;
    const loc = r.locationVariable && (d.elements.get(r.locationVariable)?.length ?? 0) === 1 ? d.draws(r.locationVariable) : null;
    const rho = funnelCorrelation(scale, group, loc);
    if (!(rho >= minCorrelation)) continue;
    out.push({
      scale: r.scale, group: r.group, location: r.location, distribution: r.distribution === '' ? null : r.distribution,
      correlation: rho, scaleSdRatio: d.sdRatio(r.scale), suggestion: nonCenteredSuggestion(r),
    });
  }
  return out.sort((a, b) => b.correlation - a.correlation);
}

/**
 * corr(log scale, log mean_j |group_j − location|) over draws; the location is the per-draw group
 * mean when not given (which needs two or more elements). Draws where either log is not finite are
 * skipped. NaN when fewer than 3 usable draws remain.
 */
export function funnelCorrelation(scale: Float64Array, group: readonly Float64Array[], location: Float64Array | null): number {
  const J = group.length;
  if (J === 0 || (!location && J < 2)) return NaN;
  const n = Math.min(scale.length, ...group.map((g) => g.length), location ? location.length : Infinity);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < n; t++) {
    let center = 0;
    if (location) center = location[t];
    else {
      for (const g of group) center += g[t];
      center /= J;
    }
    let spread = 0;
    for (const g of group) spread += Math.abs(g[t] - center);
    const x = Math.log(scale[t]);
    const y = Math.log(spread / J);
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  return xs.length < 3 ? NaN : correlation(xs, ys);
}

function guessRelations(d: FunnelDraws): ScaleRelation[] {
  const scales: string[] = [];
  const groups: string[] = [];
  for (const [variable, names] of d.elements) {
    if (names.length >= 2) groups.push(variable);
    if (names.length === 1 && names[0] === variable) {
      const x = d.draws(variable);
      if (x && x.length > 0 && x.every((v) => v > 0)) scales.push(variable);
    }
  }
  const out: ScaleRelation[] = [];
  for (const scale of scales) {
    for (const group of groups) {
      out.push({ group, scale, distribution: '', location: null, locationVariable: null, scaleText: scale, leading: [] });
    }
  }
  return out;
}

/** "theta = mu + tau * theta_raw with theta_raw ~ std_normal()", adapted to the family and as written. */
export function nonCenteredSuggestion(r: ScaleRelation): string {
  const raw = `${r.group}_raw`;
  const scale = /[-+?:|&<>=]/.test(r.scaleText) ? `(${r.scaleText})` : r.scaleText;
  const loc = r.location ?? 'location';
  const shifted = /^0(\.0*)?$/.test(loc) ? '' : `${/[?:|&<>=]/.test(loc) ? `(${loc})` : loc} + `;
  const dist = r.distribution === '' || r.distribution === 'normal'
    ? 'std_normal()'
    : `${r.distribution}(${[...r.leading, '0', '1'].join(', ')})`;
  return `${r.group} = ${shifted}${scale} * ${raw} with ${raw} ~ ${dist}`;
}
