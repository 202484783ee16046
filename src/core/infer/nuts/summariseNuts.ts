import { DrawsSummary, summariseDraws } from '../../diagnose';
import { NutsResult } from './nutsResult';

/** The draws of coordinate i as one Float64Array per chain (the diagnostics' input). */
export function coordinateDraws(result: NutsResult, i: number): Float64Array[] {
  return result.chains.map((c) => {
    const out = new Float64Array(c.numDraws);
    for (let k = 0; k < c.numDraws; k++) out[k] = c.draws[k * c.dim + i];
    return out;
  });
}

/**
 * posterior-style summaries (mean, sd, quantiles, R̂, bulk/tail ESS, MCSE) per unconstrained
 * coordinate and for lp__, over the chains that finished. Chains of unequal length (a cancelled
 * run) are cut to the shortest.
 */
export function summariseNuts(result: NutsResult): Record<string, DrawsSummary> {
  const chains = result.chains.filter((c) => c.numDraws > 0);
  if (chains.length === 0) return {};
  const n = Math.min(...chains.map((c) => c.numDraws));
  const sub: NutsResult = { ...result, chains: chains.map((c) => ({ ...c, numDraws: n })) };
  const m = new Map<string, Float64Array[]>();
  result.coordinateNames.forEach((name, i) => m.set(name, coordinateDraws(sub, i)));
  m.set('lp__', chains.map((c) => c.sampler.lp.slice(0, n)));
  return summariseDraws(m);
}
