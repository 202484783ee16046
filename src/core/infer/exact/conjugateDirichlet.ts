// Dirichlet priors (or flat) on simplexes with categorical(y | θ) and multinomial(n | θ) data: each
// simplex's posterior is dirichlet(α + counts); element k's marginal is beta(α_k, Σα − α_k).
import { type Component, fail, type HandlerResult, quote } from './componentPosterior';
import { betaMarginal, fmt, type Marginal } from './marginalFamilies';
import { exactParam, type Sym } from './symValue';

export function conjugateDirichlet(c: Component): HandlerResult {
  const v = c.vars[0];
  const K = v.shape[v.shape.length - 1];
  const coef = new Float64Array(v.count).fill(0); // coefficient of log θ_k, per element
  const notConj = (why: string) => fail(`${why}, so no conjugate (dirichlet) form applies`);
  // The simplex instance (0-based) a vector of Syms is exactly, or -1.
  const instance = (syms: Sym[]): number => {
    if (syms.length !== K) return -1;
    const first = exactParam(syms[0]);
    if (first < v.firstId || (first - v.firstId) % K !== 0) return -1;
    return syms.every((s, k) => exactParam(s) === first + k) ? (first - v.firstId) / K : -1;
  };
  for (const a of c.atoms) {
    const vec = a.vec;
    if (!vec || vec.length !== 2) return notConj(`${v.name} appears in ${quote(c, a)}, which is not a dirichlet, categorical or multinomial term`);
    const [y, p] = vec;
    if (a.family === 'dirichlet') {
      const m = instance(y);
      if (m < 0 || !p.every((s) => typeof s === 'number')) return notConj(`the prior ${quote(c, a)} is not a dirichlet with data concentration on one whole simplex`);
      p.forEach((al, k) => (coef[m * K + k] += (al as number) - 1));
      continue;
    }
    const m = instance(p);
    if (m < 0 || !y.every((s) => typeof s === 'number')) return notConj(`${quote(c, a)} does not have data outcomes and one whole simplex of ${v.name} as its probabilities`);
    const ys = y as number[];
    if (a.family === 'categorical') {
      for (const k of ys) {
        if (!(Number.isInteger(k) && k >= 1 && k <= K)) return fail(`an outcome of ${quote(c, a)} is ${k}, outside 1..${K}`);
        coef[m * K + k - 1] += 1;
      }
    } else if (a.family === 'multinomial' && ys.length === K) ys.forEach((n, k) => (coef[m * K + k] += n));
    else return notConj(`${v.name} appears in ${quote(c, a)}`);
  }
  const alpha = coef.map((x) => x + 1);
  const marginals = new Map<number, Marginal>();
  for (let m = 0; m < v.count / K; m++) {
    let total = 0;
    for (let k = 0; k < K; k++) total += alpha[m * K + k];
    for (let k = 0; k < K; k++) {
      const ak = alpha[m * K + k];
      if (!(ak > 0)) return fail(`the posterior of ${v.flatNames[m * K + k]} is improper`);
      marginals.set(v.firstId + m * K + k, betaMarginal(ak, total - ak));
    }
  }
  const first = Array.from(alpha.slice(0, K), (x) => fmt(x)).join(', ');
  return {
    ok: true,
    post: {
      marginals,
      explanation: `${v.name} is a simplex with a dirichlet (or flat) prior and appears only as the probabilities of categorical/multinomial terms with data outcomes, so its posterior is dirichlet(prior concentration + counts)${v.count === K ? ` = dirichlet(${first})` : ` for each simplex (first: dirichlet(${first}))`}; each element's marginal is beta.`,
      draw(rng, out) {
        for (let m = 0; m < v.count / K; m++) {
          let s = 0;
          for (let k = 0; k < K; k++) s += out[v.firstId + m * K + k] = rng.gamma(alpha[m * K + k]);
          for (let k = 0; k < K; k++) out[v.firstId + m * K + k] /= s;
        }
      },
    },
  };
}
