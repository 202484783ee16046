// Normal means with known sds: every term touching the group is a normal density whose sd is data and
// whose residual (variate − mean) is affine in the group's parameters — scalar means, vectorised
// means, linear regression (X * beta, alpha + X * beta) and even hierarchies with known scales. The
// joint posterior is then multivariate normal with precision P and mean P⁻¹(...) (flat where no prior).
import { denseCholesky, inverseDiagonal, solveUpper } from './denseCholesky';
import { inverseFromCholesky } from '../../math/triangularSolve';
import { type Component, fail, type HandlerResult, namesIn, quote, withArticle, varList } from './componentPosterior';
import { fmt, type Marginal, normalMarginal } from './marginalFamilies';
import { QuadraticForm } from './quadraticForm';
import { add, exactParam, type Sym, symIds } from './symValue';

const MAX_DIM = 2000;

export function conjugateNormal(c: Component): HandlerResult {
  const ids = c.vars.flatMap((v) => Array.from({ length: v.count }, (_, i) => v.firstId + i));
  if (ids.length > MAX_DIM) return fail(`${varList(c.vars)} have ${ids.length} elements; the exact normal posterior is computed up to ${MAX_DIM}`);
  const q = new QuadraticForm(ids);
  for (const a of c.atoms) {
    if (a.family === 'multi_normal' && a.vec && a.vec.length === 3) {
      const why = addMultiNormal(q, a.vec);
      if (why) return fail(`${quote(c, a)} ${why}, so no conjugate form applies`);
      continue;
    }
    if (a.family !== 'normal' || a.vec || a.args.length !== 3) {
      return fail(`${namesIn(c, a.ids)} appear${a.ids.length > 1 ? '' : 's'} in ${quote(c, a)}, ${withArticle(a.family || 'non-density')} term; a closed form needs normal terms only`);
    }
    if (c.reading.factors[a.factor].truncated) return fail(`${quote(c, a)} is truncated, so no conjugate form applies`);
    const [y, mu, sigma] = a.args;
    if (typeof sigma !== 'number') {
      return fail(`the sd in ${quote(c, a)} depends on the parameter ${namesIn(c, symIds(sigma))} while the mean depends on parameters too, so no conjugate form applies`);
    }
    if (!(sigma > 0)) return fail(`the sd in ${quote(c, a)} is ${sigma}, not positive`);
    if (!q.add(add(y, mu, -1), 1 / (sigma * sigma))) {
      return fail(`the mean in ${quote(c, a)} is not a linear function of ${namesIn(c, a.ids)}, so no conjugate form applies`);
    }
  }
  const done = q.complete();
  if (!done) return fail(`the posterior of ${varList(c.vars)} is improper: with flat priors the data do not determine every element`);
  const sd = inverseDiagonal(done.chol).map(Math.sqrt);
  const marginals = new Map<number, Marginal>();
  ids.forEach((id, j) => marginals.set(id, normalMarginal(done.m[j], sd[j])));
  const z = new Float64Array(ids.length);
  // A prior: the variate is the parameter element itself and the other arguments are data.
  const isPriorOn = (a: (typeof c.atoms)[number], first: number, count: number) => {
    if (a.vec) return a.family === 'multi_normal' && a.vec[0].some((s) => exactParam(s) >= first && exactParam(s) < first + count);
    const id = exactParam(a.args[0]);
    return id >= first && id < first + count && typeof a.args[1] === 'number' && typeof a.args[2] === 'number';
  };
  const hasPrior = c.vars.map((v) => c.atoms.some((a) => isPriorOn(a, v.firstId, v.count)));
  const flat = c.vars.filter((_, i) => !hasPrior[i]);
  let explanation: string;
  const first = c.vars[0];
  const single = ids.length === 1;
  const joint = single
    ? `so its posterior is normal with mean ${fmt(done.m[0])} and sd ${fmt(sd[0])}`
    : `so the joint posterior of its ${ids.length} elements is multivariate normal (means from ${fmt(Math.min(...done.m))} to ${fmt(Math.max(...done.m))}, sds from ${fmt(Math.min(...sd))} to ${fmt(Math.max(...sd))})`;
  if (c.vars.length === 1) {
    explanation = `${first.name} has ${flat.length ? 'a flat (improper) prior' : 'a normal prior'} and appears only in normal terms whose mean is linear in it and whose sd is known (data), ${joint}.`;
  } else {
    explanation = `${varList(c.vars)} appear only in normal terms whose means are linear in them and whose sds are known (data)${flat.length ? ` (${varList(flat)} with a flat prior)` : ''}, ${joint.replace('its', 'their')}.`;
  }
  return {
    ok: true,
    post: {
      marginals,
      explanation,
      draw(rng, out) {
        for (let j = 0; j < z.length; j++) z[j] = rng.normal();
        const x = solveUpper(done.chol, z);
        ids.forEach((id, j) => (out[id] = done.m[j] + x[j]));
      },
    },
  };
}

// multi_normal(y | mu, Sigma) with data Sigma and y − mu affine: adds (y − mu)ᵀ Sigma⁻¹ (y − mu).
function addMultiNormal(q: QuadraticForm, [y, mu, S]: Sym[][]): string | null {
  const K = y.length;
  if (mu.length !== K || S.length !== K * K) return 'is a multi_normal whose sizes are not one vector and one matrix';
  if (!S.every((s) => typeof s === 'number')) return 'has a covariance matrix that depends on parameters';
  const chol = denseCholesky(Float64Array.from(S as number[]), K);
  if (!chol) return 'has a covariance matrix that is not positive definite';
  const W = new Float64Array(K * K);
  inverseFromCholesky(W, chol.L, K, new Float64Array(K));
  return q.addVector(y.map((s, i) => add(s, mu[i], -1)), W) ? null : 'has a mean that is not linear in the parameters';
}
