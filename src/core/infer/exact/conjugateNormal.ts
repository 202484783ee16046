// Normal means with known sds: every term touching the group is a normal density whose sd is data and
// whose residual (variate − mean) is affine in the group's parameters — scalar means, vectorised
// means, linear regression (X * beta, alpha + X * beta) and even hierarchies with known scales. The
// joint posterior is then multivariate normal with precision P and mean P⁻¹(...) (flat where no prior).
import { inverseDiagonal, solveUpper } from './denseCholesky';
import { type Component, fail, type HandlerResult, namesIn, quote, varList } from './componentPosterior';
import { fmt, type Marginal, normalMarginal } from './marginalFamilies';
import { QuadraticForm } from './quadraticForm';
import { add, symIds } from './symValue';

const MAX_DIM = 2000;

export function conjugateNormal(c: Component): HandlerResult {
  const ids = c.vars.flatMap((v) => Array.from({ length: v.count }, (_, i) => v.firstId + i));
  if (ids.length > MAX_DIM) return fail(`${varList(c.vars)} have ${ids.length} elements; the exact normal posterior is computed up to ${MAX_DIM}`);
  const q = new QuadraticForm(ids);
  for (const a of c.atoms) {
    if (a.family !== 'normal' || a.vec || a.args.length !== 3) {
      return fail(`${namesIn(c, a.ids)} appear${a.ids.length > 1 ? '' : 's'} in ${quote(c, a)}, a ${a.family || 'non-density'} term; a closed form needs normal terms only`);
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
  const hasPrior = c.vars.map((v) => c.atoms.some((a) => a.args.length === 3 && a.ids.length === 1 && a.ids[0] >= v.firstId && a.ids[0] < v.firstId + v.count));
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
