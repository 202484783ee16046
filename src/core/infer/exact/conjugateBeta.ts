// Beta priors (or uniform/flat) on probabilities with bernoulli(y | θ) and binomial(k | n, θ) data:
// each θ element's posterior is beta(a + successes, b + failures).
import { type Component, elementAtom, fail, type HandlerResult, quote, withArticle } from './componentPosterior';
import { betaMarginal, fmt, type Marginal } from './marginalFamilies';
import { exactParam } from './symValue';

export function conjugateBeta(c: Component): HandlerResult {
  const v = c.vars[0];
  const a1 = new Float64Array(v.count); // coefficient of log θ
  const b1 = new Float64Array(v.count); // coefficient of log(1 − θ)
  const notConj = (why: string) => fail(`${why}, so no conjugate (beta) form applies`);
  for (const a of c.atoms) {
    const e = elementAtom(c, a);
    if (e.kind === 'neither') return notConj(e.why);
    if (e.kind === 'prior') {
      const nums = e.params;
      if (a.family === 'beta') {
        a1[e.i] += nums[0] - 1;
        b1[e.i] += nums[1] - 1;
      } else if (!(a.family === 'uniform' && nums[0] <= 0 && nums[1] >= 1)) {
        return notConj(`${v.name} has ${withArticle(a.family)} prior ${quote(c, a)}; a closed form needs a beta (or uniform) prior`);
      }
      continue;
    }
    const { x, ps } = e;
    const theta = exactParam(ps[ps.length - 1]);
    if (typeof x !== 'number' || theta < 0) return notConj(`${v.name} appears in ${quote(c, a)} other than as its probability argument`);
    const i = theta - v.firstId;
    if (a.family === 'bernoulli' && ps.length === 1) {
      a1[i] += x;
      b1[i] += 1 - x;
    } else if (a.family === 'binomial' && ps.length === 2 && typeof ps[0] === 'number') {
      a1[i] += x;
      b1[i] += ps[0] - x;
    } else return notConj(`${v.name} appears in ${quote(c, a)}, which is not a bernoulli or binomial term`);
  }
  const marginals = new Map<number, Marginal>();
  for (let i = 0; i < v.count; i++) marginals.set(v.firstId + i, betaMarginal(a1[i] + 1, b1[i] + 1));
  const m0 = marginals.get(v.firstId)!;
  const what = v.count === 1 ? `its posterior is ${m0.text} with mean ${fmt(m0.mean)} and sd ${fmt(m0.sd)}` : `each of its ${v.count} elements has a beta posterior (prior a + successes, prior b + failures; e.g. ${v.flatNames[0]}: ${m0.text})`;
  return {
    ok: true,
    post: {
      marginals,
      explanation: `${v.name} has a beta (or uniform) prior and appears only as the success probability of bernoulli/binomial terms with data outcomes, so ${what}.`,
      draw(rng, out) {
        for (let i = 0; i < v.count; i++) {
          const m = marginals.get(v.firstId + i)!;
          out[v.firstId + i] = rng.beta(m.params.alpha, m.params.beta);
        }
      },
    },
  };
}
