// Splits each density term into atoms: one per element for vectorised univariate families (scalars
// broadcast), one per vector for the simplex families; any other family stays whole.
import type { Factor } from './readModel';
import { symIds, type Sym } from './symValue';

export interface Atom {
  family: string;
  // Univariate: one Sym per argument (variate first). Vector families: see `vec`.
  args: Sym[];
  // Vector families (dirichlet, categorical, multinomial) and unrecognised shapes: elements per argument.
  vec: Sym[][] | null;
  factor: number; // index into ModelReading.factors
  ids: number[]; // parameter elements it depends on
}

const VECTOR_FAMILIES = new Set(['dirichlet', 'categorical', 'multinomial']);

function ids(syms: Sym[]): number[] {
  return [...new Set(syms.flatMap(symIds))];
}

export function densityAtoms(factors: readonly Factor[]): Atom[] {
  const out: Atom[] = [];
  factors.forEach((f, fi) => {
    const whole = (): void => {
      const vec = f.args.map((a) => a.el);
      out.push({ family: f.family, args: [], vec, factor: fi, ids: ids(vec.flat()) });
    };
    if (f.family === 'dirichlet' && f.args.length === 2) {
      const [y, alpha] = f.args;
      const K = y.shape[y.shape.length - 1] ?? 1;
      const rows = y.el.length / Math.max(K, 1);
      for (let m = 0; m < rows; m++) {
        const yy = y.el.slice(m * K, m * K + K);
        const aa = alpha.el.length === K ? alpha.el : alpha.el.slice(m * K, m * K + K);
        out.push({ family: f.family, args: [], vec: [yy, aa], factor: fi, ids: ids([...yy, ...aa]) });
      }
      return;
    }
    if (VECTOR_FAMILIES.has(f.family) || f.family === '') return whole();
    const n = Math.max(...f.args.map((a) => a.el.length));
    if (!f.args.every((a) => a.el.length === n || (a.shape.length === 0 && a.el.length === 1))) return whole();
    for (let i = 0; i < n; i++) {
      const args = f.args.map((a) => (a.el.length === n ? a.el[i] : a.el[0]));
      out.push({ family: f.family, args, vec: null, factor: fi, ids: ids(args) });
    }
  });
  return out;
}

// For a `target +=` term made only of logs of powers of single parameters (Jacobian-like terms such as
// `target += log(sigma)`): the (id, power) pairs; otherwise null.
export function logPowerTerms(a: Atom): { id: number; p: number }[] | null {
  if (a.family !== '' || !a.vec) return null;
  const out: { id: number; p: number }[] = [];
  for (const s of a.vec.flat()) {
    if (typeof s === 'number') continue;
    if (s.k !== 'logm') return null;
    out.push({ id: s.id, p: s.p });
  }
  return out;
}
