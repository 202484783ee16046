// The result's per-name summary: mean, sd and 5/50/95% quantiles; for MCMC also R̂, ESS and MCSE.
import { quantile, summariseChains } from '../diagnose';
import type { NameSummary } from '../result/fitResult';

function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - m) ** 2;
  return { mean: m, sd: n > 1 ? Math.sqrt(v / (n - 1)) : NaN };
}

// Independent draws (variational, exact): moments and quantiles only.
export function summariseIndependent(draws: Record<string, number[]>): Record<string, NameSummary> {
  const out: Record<string, NameSummary> = {};
  for (const [name, x] of Object.entries(draws)) {
    const arr = Float64Array.from(x);
    const [q5, q50, q95] = x.length ? quantile(arr, [0.05, 0.5, 0.95]) : [NaN, NaN, NaN];
    out[name] = { ...meanSd(arr), q5, q50, q95 };
  }
  return out;
}

// Chains concatenated in `draws`, `chains` of equal length: posterior-style convergence summaries too.
export function summariseMcmc(draws: Record<string, number[]>, chains: number): Record<string, NameSummary> {
  const out: Record<string, NameSummary> = {};
  for (const [name, x] of Object.entries(draws)) {
    const n = Math.floor(x.length / chains);
    const split = Array.from({ length: chains }, (_, c) => Float64Array.from(x.slice(c * n, (c + 1) * n)));
    const s = summariseChains(split);
    out[name] = { mean: s.mean, sd: s.sd, q5: s.q5, q50: s.q50, q95: s.q95, rhat: s.rhat, essBulk: s.essBulk, essTail: s.essTail, mcseMean: s.mcseMean };
  }
  return out;
}
