// Normal–inverse-gamma: one positive scalar q (a variance, an sd or a precision) and real parameters x
// (none, a mean, or regression coefficients). Conjugate when every normal term's sd is a fixed multiple
// of the same power of q (so sd² = f² v for one v = q^ρ) with a residual affine in x, and q's prior is
// inv_gamma on v or gamma on 1/v (or flat). Then, on v:
//   log p(x, v) = −α log v − (β + Q(x)/2) / v + const,
// so v | y ~ inv_gamma(α − d/2 − 1, β + Qmin/2) and x | v, y ~ normal(m, v P⁻¹); the marginal of each
// x element is Student t. Includes the change of variables from q to v.
import { inverseDiagonal, solveUpper } from './denseCholesky';
import { type Component, fail, type HandlerResult, quote, withArticle, varList } from './componentPosterior';
import { logPowerTerms } from './densityAtoms';
import { fmt, type Marginal, powerInvGammaMarginal, studentTMarginal } from './marginalFamilies';
import { QuadraticForm } from './quadraticForm';
import type { ParamVar } from './readModel';
import { add, asMono, numbers, type Sym } from './symValue';

export function conjugateNig(c: Component, scaleVar: ParamVar): HandlerResult {
  const qid = scaleVar.firstId;
  const q = scaleVar.name;
  const xs = c.vars.filter((v) => v !== scaleVar);
  const xIds = xs.flatMap((v) => Array.from({ length: v.count }, (_, i) => v.firstId + i));
  if (xIds.length > 2000) return fail(`${varList(xs)} have too many elements for the exact computation`);
  const form = new QuadraticForm(xIds);
  const powerOfQ = (s: Sym): { p: number; f: number } | null => {
    const m = asMono(s);
    return m && m.id === qid && m.f > 0 ? { p: m.p, f: m.f } : null;
  };
  let rho = NaN; // v = q^rho
  let alpha = 0; // coefficient of −log v
  let beta = 0; // coefficient of −1/v
  let prior = 'a flat (improper) prior';
  const priors: string[] = [];
  const notConjugate = (why: string) => fail(`${why}, so no conjugate (normal–inverse-gamma) form applies`);
  // First pass: the sds fix rho.
  for (const a of c.atoms) {
    if (a.family === 'normal' && a.args.length === 3 && a.args[2] !== undefined && typeof a.args[2] !== 'number') {
      const s = powerOfQ(a.args[2]);
      if (!s) return notConjugate(`the sd in ${quote(c, a)} is not a multiple of a power of ${q}`);
      if (Number.isNaN(rho)) rho = 2 * s.p;
      else if (2 * s.p !== rho) return notConjugate(`the sds of the normal terms use different powers of ${q}`);
    }
  }
  if (Number.isNaN(rho)) return fail(`${q} is not the scale of any normal term`);
  // Priors on q first: they are the usual reason a model is not conjugate.
  const ordered = [...c.atoms].sort((a, b) => Number(b.ids.length === 1 && b.ids[0] === qid) - Number(a.ids.length === 1 && a.ids[0] === qid));
  for (const a of ordered) {
    if (c.reading.factors[a.factor].truncated) return fail(`${quote(c, a)} is truncated, so no conjugate form applies`);
    const args = a.args;
    const logs = logPowerTerms(a);
    if (logs && logs.every((l) => l.id === qid)) {
      // p·log q = (p/rho)·log v
      for (const l of logs) alpha -= l.p / rho;
      continue;
    }
    if (a.vec) return notConjugate(`${quote(c, a)} is ${withArticle(a.family)} term`);
    const onlyQ = a.ids.length === 1 && a.ids[0] === qid;
    if (a.family === 'normal') {
      const [y, mu, sd] = args;
      if (typeof sd === 'number') {
        return notConjugate(`${quote(c, a)} has a known sd while other terms are scaled by ${q} (a normal prior on the mean must have sd proportional to sqrt of the variance)`);
      }
      const s = powerOfQ(sd)!;
      if (!form.add(add(y, mu, -1), 1 / (s.f * s.f))) return notConjugate(`the mean in ${quote(c, a)} is not linear in ${varList(xs) || 'the data'}`);
      alpha += 0.5;
      continue;
    }
    if (onlyQ && (a.family === 'inv_gamma' || a.family === 'gamma') && numbers({ shape: [], el: args.slice(1) })) {
      const s = powerOfQ(args[0]);
      const [shape, scale] = args.slice(1) as number[];
      // the variate is f q^p = f v^(p/rho): inv_gamma needs it proportional to v, gamma to 1/v
      const e = s ? s.p / rho : NaN;
      if (a.family === 'inv_gamma' && e === 1) {
        alpha += shape + 1;
        beta += scale / s!.f;
      } else if (a.family === 'gamma' && e === -1) {
        alpha += shape - 1;
        beta += scale * s!.f;
      } else {
        return notConjugate(`${q}'s prior ${quote(c, a)} is ${a.family} on ${e === 1 ? 'the variance' : e === -1 ? 'the precision' : e === 0.5 ? 'the sd' : 'a power of the variance'}; a closed form needs inv_gamma on the variance or gamma on the precision`);
      }
      priors.push(quote(c, a));
      continue;
    }
    if (onlyQ) return notConjugate(`${q} has ${withArticle(a.family || 'non-density')} prior ${quote(c, a)}; a closed form needs inv_gamma on the variance (or gamma on the precision)`);
    return notConjugate(`${quote(c, a)} is ${withArticle(a.family || 'non-density')} term on ${varList(xs)}`);
  }
  if (priors.length) prior = priors.length === 1 ? `the prior ${priors[0]}` : `the priors ${priors.join(', ')}`;
  // density over q -> over v: |dq/dv| ∝ v^(1/rho − 1)
  const alphaV = alpha + 1 - 1 / rho;
  const done = form.complete();
  if (!done) return fail(`the posterior of ${varList(xs)} is improper: the data do not determine every element`);
  const d = xIds.length;
  const A = alphaV - d / 2 - 1;
  const B = beta + done.qmin / 2;
  if (!(A > 0 && B > 0)) return fail(`the posterior of ${q} is improper (inverse-gamma shape ${fmt(A)}, scale ${fmt(B)}): too few observations for the prior`);
  const k = 1 / rho; // q = v^k
  const marginals = new Map<number, Marginal>();
  const qm = powerInvGammaMarginal(A, B, k);
  marginals.set(qid, qm);
  const pinv = inverseDiagonal(done.chol);
  xIds.forEach((id, j) => marginals.set(id, studentTMarginal(2 * A, done.m[j], Math.sqrt((B / A) * pinv[j]))));
  const role = rho === 1 ? 'variance' : rho === 2 ? 'sd' : rho === -1 ? 'precision' : `variance^(1/${fmt(rho)})`;
  const xText = d === 0 ? '' : ` The ${d === 1 ? 'mean' : 'coefficients'} ${varList(xs)} ${d === 1 ? 'has' : 'have'} Student-t marginals with ${fmt(2 * A)} degrees of freedom${d === 1 ? ` (location ${fmt(done.m[0])}, scale ${fmt(Math.sqrt((B / A) * pinv[0]))})` : ''}.`;
  const explanation =
    `${q} is the ${role} of normal terms whose means are linear in ${varList(xs) || 'nothing but data'}, with ${prior}` +
    (d ? ` and normal priors on ${varList(xs)} scaled by the same variance (or flat)` : '') +
    `, so the posterior is normal–inverse-gamma: the variance is inv_gamma(${fmt(A)}, ${fmt(B)}) and ${q} has mean ${fmt(qm.mean)} and sd ${fmt(qm.sd)}.${xText}`;
  const z = new Float64Array(d);
  return {
    ok: true,
    post: {
      marginals,
      explanation,
      draw(rng, out) {
        const v = B / rng.gamma(A);
        out[qid] = v ** k;
        for (let j = 0; j < d; j++) z[j] = rng.normal();
        const x = solveUpper(done.chol, z);
        const sv = Math.sqrt(v);
        xIds.forEach((id, j) => (out[id] = done.m[j] + sv * x[j]));
      },
    },
  };
}
