// Conversion between CmdStan-JSON-like values (numbers and nested arrays; a matrix is an array of rows)
// and generated code's storage (Float64Array vectors, column-major Mat, JS arrays), and Stan's
// flattened output names and order (every index column-major: the first index varies fastest).
import { Mat } from './mat';
import type { VarSpec } from './paramSpec';
import { StanError } from './stanError';
import type { DataValue } from '../data/dataValue';

function num(x: unknown, what: string, int: boolean): number {
  let v = x;
  if (typeof v === 'string') v = v === 'Infinity' || v === 'inf' ? Infinity : v === '-Infinity' || v === '-inf' ? -Infinity : v === 'NaN' ? NaN : v;
  if (typeof v !== 'number') throw new StanError(`${what}: expected a number, got ${JSON.stringify(x)}.`);
  if (int && !Number.isInteger(v)) throw new StanError(`${what}: expected an integer, got ${v}.`);
  return v;
}

function list(x: unknown, n: number, what: string): unknown[] {
  const arr = ArrayLike(x);
  if (!arr) throw new StanError(`${what}: expected ${n} elements, got ${JSON.stringify(x)?.slice(0, 40)}.`);
  if (arr.length !== n) throw new StanError(`${what}: expected ${n} elements, got ${arr.length}.`);
  return arr;
}

function ArrayLike(x: unknown): unknown[] | null {
  if (Array.isArray(x)) return x;
  if (x instanceof Float64Array || x instanceof Int32Array) return Array.from(x);
  // A scalar given for a size-1 container is accepted, as CmdStan does.
  return null;
}

// JSON-like value -> storage, validating sizes.
export function fromJson(x: unknown, s: VarSpec): unknown {
  const int = s.base === 'int';
  const el = (v: unknown, what: string): unknown => {
    if (s.base === 'int' || s.base === 'real') return num(v, what, int);
    if (s.base === 'vector' || s.base === 'row_vector') {
      if (v instanceof Float64Array && v.length === s.baseSizes[0]) return v.slice();
      return Float64Array.from(list(v, s.baseSizes[0], what), (e, i) => num(e, `${what}[${i + 1}]`, false));
    }
    if (v instanceof Mat) return new Mat(v.rows, v.cols, v.data.slice());
    const [R, C] = s.baseSizes;
    const rows = list(v, R, what);
    const d = new Float64Array(R * C);
    rows.forEach((r, i) => list(r, C, `${what}[${i + 1}]`).forEach((e, j) => (d[j * R + i] = num(e, `${what}[${i + 1},${j + 1}]`, false))));
    return new Mat(R, C, d);
  };
  const walk = (v: unknown, d: number, what: string): unknown =>
    d === s.arraySizes.length ? el(v, what) : list(v, s.arraySizes[d], what).map((e, i) => walk(e, d + 1, `${what}[${i + 1}]`));
  return walk(x, 0, `'${s.name}'`);
}

// Storage -> JSON-like value.
export function toJson(v: unknown): unknown {
  if (typeof v === 'number') return v;
  if (v instanceof Float64Array || v instanceof Int32Array) return Array.from(v);
  if (v instanceof Mat) return Array.from({ length: v.rows }, (_, i) => Array.from({ length: v.cols }, (_, j) => v.data[j * v.rows + i]));
  return (v as unknown[]).map(toJson);
}

// A data variable from the data loader's validated values (src/core/data/loadData.ts) -> storage. The
// loader has checked sizes, integers and constraints against the same declarations; the shape is
// compared again only because a caller could pass values loaded for another program.
export function readData(D: ReadonlyMap<string, DataValue>, s: VarSpec): unknown {
  const v = D.get(s.name);
  if (!v) throw new StanError(`data variable '${s.name}': missing.`);
  const sizes = allSizes(s);
  if (v.shape.length !== sizes.length || v.shape.some((n, i) => n !== sizes[i])) {
    throw new StanError(`data variable '${s.name}': expected sizes [${sizes.join(', ')}], got [${v.shape.join(', ')}].`);
  }
  const inner = s.base === 'vector' || s.base === 'row_vector' ? s.baseSizes[0] : s.base === 'matrix' ? s.baseSizes[0] * s.baseSizes[1] : 1;
  let next = 0;
  const el = (): unknown => {
    const o = next;
    next += inner;
    if (s.base === 'int' || s.base === 'real') return v.values[o];
    if (s.base === 'vector' || s.base === 'row_vector') return v.values.slice(o, o + inner);
    // row-major in the loader, column-major here
    const [R, C] = s.baseSizes;
    const d = new Float64Array(R * C);
    for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) d[j * R + i] = v.values[o + i * C + j];
    return new Mat(R, C, d);
  };
  const walk = (depth: number): unknown => (depth === s.arraySizes.length ? el() : Array.from({ length: s.arraySizes[depth] }, () => walk(depth + 1)));
  return walk(0);
}

function allSizes(s: VarSpec): number[] {
  return [...s.arraySizes, ...(s.base === 'vector' || s.base === 'row_vector' ? [s.baseSizes[0]] : s.base === 'matrix' ? s.baseSizes : [])];
}

// Index tuples in Stan's output order (first index fastest).
function tuples(sizes: number[]): number[][] {
  const total = sizes.reduce((a, b) => a * b, 1);
  const out: number[][] = [];
  for (let k = 0; k < total; k++) {
    const t: number[] = [];
    let r = k;
    for (const n of sizes) {
      t.push(r % n);
      r = Math.floor(r / n);
    }
    out.push(t);
  }
  return out;
}

export function flatNames(s: VarSpec): string[] {
  const sizes = allSizes(s);
  if (sizes.length === 0) return [s.name];
  return tuples(sizes).map((t) => `${s.name}[${t.map((i) => i + 1).join(',')}]`);
}

export function flatValues(v: unknown, s: VarSpec, out: number[]): void {
  const sizes = allSizes(s);
  const na = s.arraySizes.length;
  for (const t of tuples(sizes)) {
    let x = v;
    for (let d = 0; d < na; d++) x = (x as unknown[])[t[d]];
    if (x instanceof Mat) out.push(x.data[t[na + 1] * x.rows + t[na]]);
    else if (typeof x === 'number') out.push(x);
    else out.push((x as ArrayLike<number>)[t[na]]);
  }
}

// Names of the unconstrained coordinates: the element names where the layout is elementwise,
// otherwise `name[array indexes..., k]` over the variable's own unconstrained coordinates.
export function unconstrainedNames(s: VarSpec): string[] {
  if (s.eusize === s.esize && s.arraySizes.length === 0) {
    const sizes = allSizes(s);
    if (sizes.length === 0) return [s.name];
    // Row-major here: the unconstrained vector stores vectors and arrays in order, matrices column-major.
    return tuples(sizes).map((t) => `${s.name}[${t.map((i) => i + 1).join(',')}]`);
  }
  const out: string[] = [];
  const arr = tuples([...s.arraySizes].reverse()).map((t) => t.reverse());
  for (const a of arr.length ? arr : [[]]) {
    for (let k = 1; k <= s.eusize; k++) out.push(`${s.name}[${[...a.map((i) => i + 1), k].join(',')}]`);
  }
  return out;
}
