// What each conjugate handler produces for its group of parameters.
import type { Rng } from '../rng';
import type { Atom } from './densityAtoms';
import type { Marginal } from './marginalFamilies';
import type { ModelReading, ParamVar } from './readModel';
import { exactParam, type Sym } from './symValue';

export interface ComponentPosterior {
  // Closed-form marginal per parameter element id.
  marginals: Map<number, Marginal>;
  // One joint draw, written at out[id] for every element id of the group.
  draw(rng: Rng, out: Float64Array): void;
  // One paragraph a user can follow.
  explanation: string;
}

export type HandlerResult = { ok: true; post: ComponentPosterior } | { ok: false; reason: string };

export interface Component {
  vars: ParamVar[];
  atoms: Atom[];
  reading: ModelReading;
}

export function fail(reason: string): HandlerResult {
  return { ok: false, reason };
}

export function varList(vars: readonly ParamVar[]): string {
  const names = vars.map((v) => v.name);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// The quoted source of the term an atom came from, e.g. `"y ~ normal(mu, sigma)" (line 12)`.
export function quote(c: Component, a: Atom): string {
  const f = c.reading.factors[a.factor];
  return `"${f.text.replace(/\s+/g, ' ').replace(/;$/, '')}" (line ${f.span.start.line})`;
}

// The names of the variables an atom depends on.
export function namesIn(c: Component, ids: readonly number[]): string {
  const vars = [...new Set(ids.map((id) => c.reading.owner[id]))].map((i) => c.reading.params[i]);
  return varList(vars);
}

// "a normal", "an exponential", "an inv_gamma".
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

// One atom of a handler whose single parameter's elements have independent posteriors (beta, gamma):
// a prior on element i with data parameters, a term for the handler to read (variate x, parameters
// ps), or why the atom fits neither.
export type ElementAtom =
  | { kind: 'prior'; i: number; params: number[] }
  | { kind: 'term'; x: Sym; ps: Sym[] }
  | { kind: 'neither'; why: string };

export function elementAtom(c: Component, a: Atom): ElementAtom {
  const v = c.vars[0];
  if (c.reading.factors[a.factor].truncated) return { kind: 'neither', why: `${quote(c, a)} is truncated` };
  if (a.vec || a.ids.length !== 1) return { kind: 'neither', why: `${quote(c, a)} involves ${v.name} together with other parameters` };
  const [x, ...ps] = a.args;
  const p = exactParam(x);
  if (p < 0) return { kind: 'term', x, ps };
  if (!ps.every((s) => typeof s === 'number')) return { kind: 'neither', why: `the prior ${quote(c, a)} has parameter arguments` };
  return { kind: 'prior', i: p - v.firstId, params: ps as number[] };
}
