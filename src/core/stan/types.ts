// Stan's unsized types, as the checker sees them: what an expression is, not how big it is.

export const PRIM_NAMES = [
  'int',
  'real',
  'complex',
  'vector',
  'row_vector',
  'matrix',
  'complex_vector',
  'complex_row_vector',
  'complex_matrix',
] as const;
export type PrimName = (typeof PRIM_NAMES)[number];
const primNames: ReadonlySet<string> = new Set(PRIM_NAMES);

export function isPrimName(s: string): s is PrimName {
  return primNames.has(s);
}

export type StanType =
  | { kind: 'prim'; name: PrimName }
  | { kind: 'array'; dims: number; elem: StanType } // elem is never an array itself
  | { kind: 'tuple'; elems: StanType[] }
  | { kind: 'void' }
  | { kind: 'function'; ret: StanType; args: FnArgType[] }
  // The type of an expression that already produced an error: matches everything, reports nothing more.
  | { kind: 'error' };

export interface FnArgType {
  dataOnly: boolean;
  type: StanType;
}

// Autodiff level: whether a value may depend on parameters (and so carry gradients) or is data only.
export type AdLevel = 'data' | 'param';

export const INT: StanType = { kind: 'prim', name: 'int' };
export const REAL: StanType = { kind: 'prim', name: 'real' };
export const COMPLEX: StanType = { kind: 'prim', name: 'complex' };
export const VECTOR: StanType = { kind: 'prim', name: 'vector' };
export const ROW_VECTOR: StanType = { kind: 'prim', name: 'row_vector' };
export const MATRIX: StanType = { kind: 'prim', name: 'matrix' };
export const COMPLEX_VECTOR: StanType = { kind: 'prim', name: 'complex_vector' };
export const COMPLEX_ROW_VECTOR: StanType = { kind: 'prim', name: 'complex_row_vector' };
export const COMPLEX_MATRIX: StanType = { kind: 'prim', name: 'complex_matrix' };
export const VOID: StanType = { kind: 'void' };
export const ERROR: StanType = { kind: 'error' };

export function prim(name: PrimName): StanType {
  return { kind: 'prim', name };
}

// `array[,] real` is arrayOf(REAL, 2); arrays of arrays are flattened into one dims count.
export function arrayOf(elem: StanType, dims: number): StanType {
  if (dims <= 0) return elem;
  if (elem.kind === 'array') return { kind: 'array', dims: elem.dims + dims, elem: elem.elem };
  return { kind: 'array', dims, elem };
}

export function isPrim(t: StanType, ...names: PrimName[]): boolean {
  return t.kind === 'prim' && (names.length === 0 || names.includes(t.name));
}

export const isInt = (t: StanType): boolean => isPrim(t, 'int');
export const isReal = (t: StanType): boolean => isPrim(t, 'real');
export const isError = (t: StanType): boolean => t.kind === 'error';
export const isScalar = (t: StanType): boolean => isPrim(t, 'int', 'real', 'complex');
export const isIntOrReal = (t: StanType): boolean => isPrim(t, 'int', 'real');

// The element type of any container (array element, or real/complex for vectors and matrices).
export function innermost(t: StanType): StanType {
  return t.kind === 'array' ? t.elem : t;
}

export function arrayDims(t: StanType): number {
  return t.kind === 'array' ? t.dims : 0;
}

// True for int, array[...] int: types that can never carry gradients.
export function isIntBased(t: StanType): boolean {
  return isInt(innermost(t));
}

export function isComplexBased(t: StanType): boolean {
  return isPrim(innermost(t), 'complex', 'complex_vector', 'complex_row_vector', 'complex_matrix');
}

// Number of indexes a value of this type accepts, and the resulting type after one single index.
export function indexCapacity(t: StanType): number {
  const inner = innermost(t);
  const extra = isPrim(inner, 'vector', 'row_vector', 'complex_vector', 'complex_row_vector')
    ? 1
    : isPrim(inner, 'matrix', 'complex_matrix')
      ? 2
      : 0;
  return arrayDims(t) + extra;
}

export function typeEquals(a: StanType, b: StanType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'prim':
      return a.name === (b as typeof a).name;
    case 'array': {
      const bb = b as typeof a;
      return a.dims === bb.dims && typeEquals(a.elem, bb.elem);
    }
    case 'tuple': {
      const bb = b as typeof a;
      return a.elems.length === bb.elems.length && a.elems.every((e, i) => typeEquals(e, bb.elems[i]));
    }
    case 'function': {
      const bb = b as typeof a;
      return (
        typeEquals(a.ret, bb.ret) &&
        a.args.length === bb.args.length &&
        a.args.every((x, i) => x.dataOnly === bb.args[i].dataOnly && typeEquals(x.type, bb.args[i].type))
      );
    }
    default:
      return true;
  }
}

// Promotion cost of passing/assigning `from` where `to` is expected: 0 exact, >0 promoted, -1 not allowed.
// Stan promotes int -> real -> complex, and the same elementwise inside arrays of equal dimensions,
// and real containers to complex containers (vector -> complex_vector ...).
export function promotionCost(from: StanType, to: StanType): number {
  if (from.kind === 'error' || to.kind === 'error') return 0;
  if (from.kind === 'array' || to.kind === 'array') {
    if (from.kind !== 'array' || to.kind !== 'array' || from.dims !== to.dims) return -1;
    return promotionCost(from.elem, to.elem);
  }
  if (from.kind === 'tuple' || to.kind === 'tuple') {
    if (from.kind !== 'tuple' || to.kind !== 'tuple' || from.elems.length !== to.elems.length) return -1;
    let total = 0;
    for (let i = 0; i < from.elems.length; i++) {
      const c = promotionCost(from.elems[i], to.elems[i]);
      if (c < 0) return -1;
      total += c;
    }
    return total;
  }
  if (from.kind !== 'prim' || to.kind !== 'prim') return typeEquals(from, to) ? 0 : -1;
  if (from.name === to.name) return 0;
  const steps: Record<string, Partial<Record<PrimName, number>>> = {
    int: { real: 1, complex: 2 },
    real: { complex: 1 },
    vector: { complex_vector: 1 },
    row_vector: { complex_row_vector: 1 },
    matrix: { complex_matrix: 1 },
  };
  return steps[from.name]?.[to.name] ?? -1;
}

export function isAssignable(from: StanType, to: StanType): boolean {
  return promotionCost(from, to) >= 0;
}

// The smallest type both promote to (for `cond ? a : b`, array expressions), or undefined.
export function commonType(a: StanType, b: StanType): StanType | undefined {
  if (a.kind === 'error') return b;
  if (b.kind === 'error') return a;
  if (promotionCost(a, b) >= 0) return b;
  if (promotionCost(b, a) >= 0) return a;
  if (a.kind === 'tuple' && b.kind === 'tuple' && a.elems.length === b.elems.length) {
    const elems: StanType[] = [];
    for (let i = 0; i < a.elems.length; i++) {
      const c = commonType(a.elems[i], b.elems[i]);
      if (!c) return undefined;
      elems.push(c);
    }
    return { kind: 'tuple', elems };
  }
  return undefined;
}

// Replace int by real at the innermost level (the return type of vectorised real functions).
export function promoteIntToReal(t: StanType): StanType {
  if (t.kind === 'array') return arrayOf(promoteIntToReal(t.elem), t.dims);
  return isInt(t) ? REAL : t;
}

// Stan syntax: "real", "array[] real", "array[,] int", "tuple(real, vector)".
export function typeToString(t: StanType): string {
  switch (t.kind) {
    case 'prim':
      return t.name;
    case 'array':
      return `array[${','.repeat(t.dims - 1)}] ${typeToString(t.elem)}`;
    case 'tuple':
      return `tuple(${t.elems.map(typeToString).join(', ')})`;
    case 'void':
      return 'void';
    case 'function':
      return `(${t.args.map((a) => (a.dataOnly ? 'data ' : '') + typeToString(a.type)).join(', ')}) => ${typeToString(t.ret)}`;
    case 'error':
      return '<error>';
  }
}

// Parse the Stan spelling back ("array[,] real", "vector", "data real" is not handled here).
export function parseTypeText(text: string): StanType | undefined {
  const s = text.trim();
  const arr = /^array\[(,*)\]\s*(.+)$/.exec(s);
  if (arr) {
    const elem = parseTypeText(arr[2]);
    return elem && elem.kind !== 'array' ? arrayOf(elem, arr[1].length + 1) : undefined;
  }
  if (s === 'void') return VOID;
  const tup = /^tuple\((.*)\)$/.exec(s);
  if (tup) {
    const parts: string[] = [];
    let depth = 0;
    let cur = '';
    for (const ch of tup[1]) {
      if (ch === '(' || ch === '[') depth++;
      if (ch === ')' || ch === ']') depth--;
      if (ch === ',' && depth === 0) {
        parts.push(cur);
        cur = '';
      } else cur += ch;
    }
    parts.push(cur);
    const elems = parts.map((p) => parseTypeText(p));
    return elems.every((e): e is StanType => e !== undefined) && elems.length >= 2 ? { kind: 'tuple', elems } : undefined;
  }
  if (isPrimName(s)) return prim(s);
  return undefined;
}

export function maxAd(a: AdLevel, b: AdLevel): AdLevel {
  return a === 'param' || b === 'param' ? 'param' : 'data';
}
