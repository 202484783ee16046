// Gamma priors on positive rates, element by element: gamma(a, b) or exponential(b) priors (or flat),
// with poisson(x | e·θ) counts (e a known exposure, often 1) and exponential(y | e·θ) waiting times.
// Each θ element's posterior is gamma(shape a + Σx (+ number of waiting times), rate b + Σe (+ Σ e·y)).
import { type Component, elementAtom, fail, type HandlerResult, quote, withArticle } from './componentPosterior';
import { logPowerTerms } from './densityAtoms';
import { fmt, gammaMarginal, type Marginal } from './marginalFamilies';
import { asMono, type Sym } from './symValue';

export function conjugateGamma(c: Component): HandlerResult {
  const v = c.vars[0];
  const shapeM1 = new Float64Array(v.count); // coefficient of log θ
  const rate = new Float64Array(v.count);
  const hasPrior = new Uint8Array(v.count);
  const counts = new Float64Array(v.count);
  const local = (id: number) => id - v.firstId;
  const notConj = (why: string) => fail(`${why}, so no conjugate (gamma) form applies`);
  const rateOf = (s: Sym): { id: number; e: number } | null => {
    const m = asMono(s);
    return m && m.p === 1 && m.f > 0 ? { id: m.id, e: m.f } : null;
  };
  for (const a of c.atoms) {
    const logs = logPowerTerms(a);
    if (logs) {
      for (const l of logs) shapeM1[local(l.id)] += l.p; // θ^p multiplies the gamma kernel
      continue;
    }
    const e = elementAtom(c, a);
    if (e.kind === 'neither') return notConj(e.why);
    if (e.kind === 'prior') {
      const nums = e.params;
      if (a.family === 'gamma') {
        shapeM1[e.i] += nums[0] - 1;
        rate[e.i] += nums[1];
      } else if (a.family === 'exponential') rate[e.i] += nums[0];
      else return notConj(`${v.name} has ${withArticle(a.family)} prior ${quote(c, a)}; with these likelihood terms a closed form needs a gamma prior`);
      hasPrior[e.i] = 1;
      continue;
    }
    const { x, ps } = e;
    if (typeof x !== 'number') return notConj(`${v.name} enters the variate of ${quote(c, a)}`);
    const r = ps.length === 1 ? rateOf(ps[0]) : null;
    if (a.family === 'poisson' && r) {
      shapeM1[local(r.id)] += x;
      rate[local(r.id)] += r.e;
      counts[local(r.id)] += 1;
    } else if (a.family === 'exponential' && r) {
      shapeM1[local(r.id)] += 1;
      rate[local(r.id)] += r.e * x;
      counts[local(r.id)] += 1;
    } else return notConj(`${v.name} appears in ${quote(c, a)}, which is not a poisson or exponential term with rate proportional to it`);
  }
  const marginals = new Map<number, Marginal>();
  for (let i = 0; i < v.count; i++) {
    const A = shapeM1[i] + 1;
    if (!(A > 0 && rate[i] > 0)) return fail(`the posterior of ${v.flatNames[i]} is improper (gamma shape ${fmt(A)}, rate ${fmt(rate[i])}): it needs a proper prior or observations`);
    marginals.set(v.firstId + i, gammaMarginal(A, rate[i]));
  }
  const m0 = marginals.get(v.firstId)!;
  const prior = hasPrior.every((h) => h) ? 'a gamma prior' : hasPrior.some((h) => h) ? 'a gamma prior on some elements and a flat (improper) prior on others' : 'a flat (improper) prior';
  const what = v.count === 1 ? `its posterior is gamma(${fmt(m0.params.alpha)}, ${fmt(m0.params.beta)}) with mean ${fmt(m0.mean)} and sd ${fmt(m0.sd)}` : `each of its ${v.count} elements has a gamma posterior (shape = prior shape + total count, rate = prior rate + number of observations; e.g. ${v.flatNames[0]}: ${m0.text})`;
  const explanation = `${v.name} has ${prior} and appears only as the rate of poisson (or exponential) terms with data outcomes, so ${what}.`;
  return {
    ok: true,
    post: {
      marginals,
      explanation,
      draw(rng, out) {
        for (let i = 0; i < v.count; i++) {
          const m = marginals.get(v.firstId + i)!;
          out[v.firstId + i] = rng.gamma(m.params.alpha) / m.params.beta;
        }
      },
    },
  };
}
