// Finds the conjugate structure of a whole model: groups the parameters that share density terms, and
// asks the matching closed-form handler for each group. Exact only if every group is conjugate.
import { conjugateBeta } from './conjugateBeta';
import { conjugateDirichlet } from './conjugateDirichlet';
import { conjugateGamma } from './conjugateGamma';
import { conjugateNig } from './conjugateNig';
import { conjugateNormal } from './conjugateNormal';
import { type Component, type ComponentPosterior, fail, type HandlerResult, quote, varList } from './componentPosterior';
import { densityAtoms, logPowerTerms } from './densityAtoms';
import type { ModelReading } from './readModel';
import { symIds } from './symValue';

export type ConjugateDetection =
  | { ok: true; groups: { component: Component; post: ComponentPosterior }[] }
  | { ok: false; reasons: string[] };

export function detectConjugate(reading: ModelReading): ConjugateDetection {
  const atoms = densityAtoms(reading.factors);
  const nVars = reading.params.length;
  const parent = Array.from({ length: nVars }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const a of atoms) {
    const vars = [...new Set(a.ids.map((id) => reading.owner[id]))];
    for (const v of vars.slice(1)) parent[find(v)] = find(vars[0]);
  }
  const comps = new Map<number, Component>();
  reading.params.forEach((p, i) => {
    const r = find(i);
    if (!comps.has(r)) comps.set(r, { vars: [], atoms: [], reading });
    comps.get(r)!.vars.push(p);
  });
  for (const a of atoms) if (a.ids.length) comps.get(find(reading.owner[a.ids[0]]))!.atoms.push(a);
  const groups: { component: Component; post: ComponentPosterior }[] = [];
  const reasons: string[] = [];
  for (const c of comps.values()) {
    const r = solveComponent(c);
    if (r.ok) groups.push({ component: c, post: r.post });
    else reasons.push(r.reason);
  }
  return reasons.length ? { ok: false, reasons } : { ok: true, groups };
}

function solveComponent(c: Component): HandlerResult {
  const names = varList(c.vars);
  const other = c.vars.find((v) => v.kind === 'other');
  if (other) return fail(`${other.name} has a type or bounds (${other.lower ?? '-inf'}, ${other.upper ?? 'inf'}) that no conjugate form covers`);
  const nonDensity = c.atoms.find((a) => a.family === '' && !logPowerTerms(a));
  if (nonDensity) return fail(`${quote(c, nonDensity)} adds to target an expression of ${names} that is not a density call, so no conjugate form applies`);
  if (c.vars.length === 1) {
    const v = c.vars[0];
    if (c.atoms.length === 0 && (v.kind === 'real' || v.kind === 'positive')) {
      return fail(`${v.name} appears in no density term: its posterior is flat and improper`);
    }
    if (v.kind === 'unit') return conjugateBeta(c);
    if (v.kind === 'simplex') return conjugateDirichlet(c);
    if (v.kind === 'real') return conjugateNormal(c);
    const inSd = c.atoms.some((a) => a.family === 'normal' && a.args.length === 3 && symIds(a.args[2]).length > 0);
    if (inSd) return v.count === 1 ? conjugateNig(c, v) : fail(`${v.name} is a vector of scales; only a scalar variance is handled in closed form`);
    return conjugateGamma(c);
  }
  const positives = c.vars.filter((v) => v.kind === 'positive');
  const reals = c.vars.filter((v) => v.kind === 'real');
  if (reals.length === c.vars.length) return conjugateNormal(c);
  if (positives.length === 1 && positives[0].count === 1 && reals.length === c.vars.length - 1) return conjugateNig(c, positives[0]);
  const shared = c.atoms.find((a) => new Set(a.ids.map((id) => c.reading.owner[id])).size > 1);
  return fail(
    `${names} appear together${shared ? ` in ${quote(c, shared)}` : ''} in a way no closed form covers (a conjugate group has normal means with at most one scalar variance parameter)`,
  );
}
