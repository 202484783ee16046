import { essBulk, essTail } from '../ess';
import { rhat } from '../rhat';
import type { ReferenceInput } from './compareInput';
import type { ReferenceHealth } from './compareReport';
import { fixed, plural } from './format';
import type { CompareThresholds } from './thresholds';

/** The label messages use for a reference of this kind. */
export function referenceLabel(ref: ReferenceInput): string {
  return ref.label ?? (ref.kind === 'nuts' ? 'NUTS' : ref.kind === 'exact' ? 'exact' : 'reference');
}

type Worst = { value: number; name: string; count: number } | null;

/**
 * The reference's own health, so that an untrustworthy reference is never used silently. Exact
 * references are trusted as they are. For sampled ones, R̂ and bulk/tail ESS come from the sampler's
 * report when it gives them, else from the chains (posterior's rank-normalised split-R̂ and ESS);
 * divergences and tree-depth saturation only from the sampler's report.
 */
export function assessReferenceHealth(ref: ReferenceInput, t: CompareThresholds): ReferenceHealth {
  const label = referenceLabel(ref);
  const names = Object.keys(ref.draws).filter((n) => !n.endsWith('__')); // not lp__, divergent__, ...
  const first = names.length > 0 ? ref.draws[names[0]] : [];
  const chains = first.length;
  const drawsPerChain = chains > 0 ? first[0].length : 0;
  if (ref.kind === 'exact') {
    return {
      kind: ref.kind, label, trustworthy: true, chains, drawsPerChain, maxRhat: null, minEssBulk: null, minEssTail: null,
      divergences: null, treedepthSaturated: null, checkedNames: 0, totalNames: names.length, problems: [],
      summary: ref.exact ? 'exact (closed form)' : `exact (${drawsPerChain * chains} independent draws)`,
    };
  }
  const h = ref.health ?? {};
  let checked = names.length;
  const perName = (given: Readonly<Record<string, number>> | undefined, f: (c: readonly Float64Array[]) => number) => {
    const out: Record<string, number> = {};
    let computed = 0;
    for (const n of names) {
      if (given && n in given) out[n] = given[n];
      else if (computed++ < t.maxHealthNames) out[n] = safe(() => f(ref.draws[n]));
    }
    checked = Math.min(checked, Object.keys(out).length);
    return out;
  };
  const rhats = perName(h.rhat, (c) => rhat(c, false));
  const bulk = perName(h.essBulk, (c) => essBulk(c, false));
  const tail = perName(h.essTail, (c) => essTail(c));
  const maxRhat = worst(rhats, (v) => v, (v) => v > t.referenceRhat);
  const minBulk = worst(bulk, (v) => -v, (v) => v < t.referenceEss);
  const minTail = worst(tail, (v) => -v, (v) => v < t.referenceEss);
  const divergences = h.divergences ?? null;
  const saturated = h.treedepthSaturated ?? null;

  const problems: string[] = [];
  if (maxRhat && maxRhat.count > 0) {
    problems.push(
      `R̂ of ${maxRhat.name} is ${fixed(maxRhat.value, 3)} (above ${t.referenceRhat} for ${plural(maxRhat.count, 'name')}): ` +
        `the ${label} chains have not mixed, so the reference itself is uncertain.`,
    );
  }
  for (const [w, what] of [[minBulk, 'bulk'], [minTail, 'tail']] as const) {
    if (w && w.count > 0) {
      problems.push(
        `${what === 'bulk' ? 'Bulk' : 'Tail'} ESS of ${w.name} is ${Math.round(w.value)} (below ${t.referenceEss} for ${plural(w.count, 'name')}): ` +
          `the ${label} ${what === 'bulk' ? 'means and sds' : 'tail quantiles'} are too noisy to judge the approximation by.`,
      );
    }
  }
  if (divergences !== null && divergences > 0) {
    problems.push(
      `${label} had ${plural(divergences, 'divergent transition')}: it missed part of the posterior (often a funnel), so the reference may be biased.`,
    );
  }
  const parts = [`${label}: ${plural(chains, 'chain')} × ${drawsPerChain} draws`];
  if (checked < names.length) parts.push(`R̂ and ESS checked on the first ${checked} of ${names.length} names`);
  if (maxRhat) parts.push(`max R̂ ${fixed(maxRhat.value, 3)} (${maxRhat.name})`);
  if (minBulk) parts.push(`min bulk ESS ${Math.round(minBulk.value)} (${minBulk.name})`);
  if (minTail) parts.push(`min tail ESS ${Math.round(minTail.value)} (${minTail.name})`);
  if (divergences !== null) parts.push(plural(divergences, 'divergence'));
  if (saturated !== null) parts.push(`${saturated} at max tree depth`);
  const strip = (w: Worst) => (w ? { value: w.value, name: w.name } : null);
  return {
    kind: ref.kind, label, trustworthy: problems.length === 0, chains, drawsPerChain,
    maxRhat: strip(maxRhat), minEssBulk: strip(minBulk), minEssTail: strip(minTail),
    divergences, treedepthSaturated: saturated, checkedNames: checked, totalNames: names.length, problems, summary: parts.join(', '),
  };
}

// Chains of unequal length or too few draws make the diagnostics throw or return NaN: report NaN.
function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return NaN;
  }
}

// The worst finite value by `badness`, and how many values fail `fails`; null when none is finite.
function worst(values: Record<string, number>, badness: (v: number) => number, fails: (v: number) => boolean): Worst {
  let best: Worst = null;
  let count = 0;
  for (const [name, v] of Object.entries(values)) {
    if (!Number.isFinite(v)) continue;
    if (fails(v)) count++;
    if (!best || badness(v) > badness(best.value)) best = { value: v, name, count: 0 };
  }
  if (best) best.count = count;
  return best;
}
