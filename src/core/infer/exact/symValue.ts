// Symbolic values for reading a model's structure: every element of a Stan value is either a number
// (data), an affine function of parameter elements (Lin), a power of one parameter element (Mono), or
// something else that depends on parameters (Opaque). That is exactly what conjugacy detection needs:
// a normal mean linear in the parameters, an sd proportional to a power of a variance, a rate equal to
// one parameter element.

export interface Lin {
  k: 'lin';
  c: number;
  t: Map<number, number>; // parameter element id -> coefficient (never empty)
}
export interface Mono {
  k: 'mono';
  id: number;
  p: number; // power, never 0 or 1
  f: number; // factor
}
export interface Opaque {
  k: 'opaque';
  ids: number[]; // the parameter elements it depends on
}
// c + p·log(x_id): the log of a power of one parameter (Jacobian terms like `target += log(sigma)`).
export interface LogMono {
  k: 'logm';
  id: number;
  p: number;
  c: number;
}
export type Sym = number | Lin | Mono | Opaque | LogMono;

// A Stan value: shape (array dims, then vector length / matrix rows and columns) and row-major elements.
export interface SVal {
  shape: number[];
  el: Sym[];
}

export const scalar = (s: Sym): SVal => ({ shape: [], el: [s] });

export function paramRef(id: number): Lin {
  return { k: 'lin', c: 0, t: new Map([[id, 1]]) };
}

export function symIds(s: Sym): number[] {
  if (typeof s === 'number') return [];
  if (s.k === 'lin') return [...s.t.keys()];
  if (s.k === 'mono' || s.k === 'logm') return [s.id];
  return s.ids;
}

function opaque(...xs: Sym[]): Opaque {
  return { k: 'opaque', ids: [...new Set(xs.flatMap(symIds))] };
}

function asLin(s: Sym): Lin | null {
  if (typeof s === 'number') return { k: 'lin', c: s, t: new Map() };
  if (s.k === 'lin') return s;
  return null;
}

function normLin(l: Lin): Sym {
  for (const [id, v] of l.t) if (v === 0) l.t.delete(id);
  return l.t.size === 0 ? l.c : l;
}

// A single parameter element times a factor, if s is that.
export function asMono(s: Sym): Mono | null {
  if (typeof s === 'number') return null;
  if (s.k === 'mono') return s;
  if (s.k === 'lin' && s.c === 0 && s.t.size === 1) {
    const [[id, f]] = [...s.t];
    return { k: 'mono', id, p: 1, f };
  }
  return null;
}

function mono(id: number, p: number, f: number): Sym {
  if (f === 0) return 0;
  if (p === 0) return f;
  if (p === 1) return { k: 'lin', c: 0, t: new Map([[id, f]]) };
  return { k: 'mono', id, p, f };
}

function logMono(id: number, p: number, c: number): Sym {
  return p === 0 ? c : { k: 'logm', id, p, c };
}

// log(f·x^p) for a positive factor f, as a LogMono.
export function logOf(m: Mono): Sym {
  return m.f > 0 ? logMono(m.id, m.p, Math.log(m.f)) : opaque(m);
}

// The parameter element a Sym is exactly (coefficient 1, no offset), or -1.
export function exactParam(s: Sym): number {
  const m = asMono(s);
  return m && m.p === 1 && m.f === 1 ? m.id : -1;
}

export function add(a: Sym, b: Sym, sign = 1): Sym {
  if (typeof a === 'number' && typeof b === 'number') return a + sign * b;
  if (typeof a !== 'number' && a.k === 'logm') {
    if (typeof b === 'number') return { ...a, c: a.c + sign * b };
    if (b.k === 'logm' && b.id === a.id) return logMono(a.id, a.p + sign * b.p, a.c + sign * b.c);
  }
  if (typeof b !== 'number' && b.k === 'logm' && typeof a === 'number') return { ...b, p: sign * b.p, c: a + sign * b.c };
  const la = asLin(a);
  const lb = asLin(b);
  if (la && lb) {
    const t = new Map(la.t);
    for (const [id, v] of lb.t) t.set(id, (t.get(id) ?? 0) + sign * v);
    return normLin({ k: 'lin', c: la.c + sign * lb.c, t });
  }
  return opaque(a, b);
}

export function mul(a: Sym, b: Sym): Sym {
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  if (typeof a === 'number' || typeof b === 'number') {
    const c = (typeof a === 'number' ? a : b) as number;
    const s = (typeof a === 'number' ? b : a) as Exclude<Sym, number>;
    if (c === 0) return 0;
    if (s.k === 'lin') return normLin({ k: 'lin', c: s.c * c, t: new Map([...s.t].map(([id, v]) => [id, v * c])) });
    if (s.k === 'mono') return mono(s.id, s.p, s.f * c);
    if (s.k === 'logm') return logMono(s.id, s.p * c, s.c * c);
    return s;
  }
  const ma = asMono(a);
  const mb = asMono(b);
  if (ma && mb && ma.id === mb.id) return mono(ma.id, ma.p + mb.p, ma.f * mb.f);
  return opaque(a, b);
}

export function pow(a: Sym, e: Sym): Sym {
  if (typeof a === 'number' && typeof e === 'number') return a ** e;
  const m = asMono(a);
  if (m && typeof e === 'number' && (m.f > 0 || Number.isInteger(e))) return mono(m.id, m.p * e, m.f ** e);
  return opaque(a, e);
}

export function div(a: Sym, b: Sym): Sym {
  if (typeof b === 'number') return mul(a, 1 / b);
  return mul(a, pow(b, -1));
}

export function neg(a: Sym): Sym {
  return mul(a, -1);
}

// A function of one argument: numbers are computed; parameters become Opaque unless `symbolic` knows.
export function apply1(f: (x: number) => number, a: Sym, symbolic?: (m: Mono) => Sym): Sym {
  if (typeof a === 'number') return f(a);
  const m = asMono(a);
  if (m && symbolic) return symbolic(m);
  return opaque(a);
}

export function anyParam(v: SVal): boolean {
  return v.el.some((s) => typeof s !== 'number');
}

export function numbers(v: SVal): number[] | null {
  return v.el.every((s) => typeof s === 'number') ? (v.el as number[]) : null;
}

export function opaqueOf(...xs: Sym[]): Opaque {
  return opaque(...xs);
}
