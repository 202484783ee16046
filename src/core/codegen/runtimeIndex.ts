// Indexing helpers for generated code: 1-based Stan indexes, checked, with errors that name the variable
// and the index. Work on numbers and on tape node indices alike (indexing never differentiates).
import { Mat } from './mat';
import { StanError } from './stanError';

function outOfRange(name: string, i: number, n: number): never {
  throw new StanError(`Index ${i} out of range for '${name}': expecting an index between 1 and ${n}.`);
}

// 1-based index -> 0-based offset, checked against size n.
export function ix(i: number, n: number, name: string): number {
  if (i >= 1 && i <= n && i === Math.floor(i)) return i - 1;
  return outOfRange(name, i, n);
}

export function mget(m: Mat, i: number, j: number, name: string): number {
  if (!(i >= 1 && i <= m.rows)) outOfRange(name, i, m.rows);
  if (!(j >= 1 && j <= m.cols)) outOfRange(name, j, m.cols);
  return m.data[(j - 1) * m.rows + (i - 1)];
}

export function mset(m: Mat, i: number, j: number, v: number, name: string): void {
  if (!(i >= 1 && i <= m.rows)) outOfRange(name, i, m.rows);
  if (!(j >= 1 && j <= m.cols)) outOfRange(name, j, m.cols);
  m.data[(j - 1) * m.rows + (i - 1)] = v;
}

function emptyLike(d: Float64Array | Int32Array, n: number): Float64Array | Int32Array {
  return d instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
}

export function mrow(m: Mat, i: number, name: string): Float64Array | Int32Array {
  if (!(i >= 1 && i <= m.rows)) outOfRange(name, i, m.rows);
  const out = emptyLike(m.data, m.cols);
  for (let j = 0; j < m.cols; j++) out[j] = m.data[j * m.rows + i - 1];
  return out;
}

export function msetRow(m: Mat, i: number, row: ArrayLike<number>, name: string): void {
  if (!(i >= 1 && i <= m.rows)) outOfRange(name, i, m.rows);
  if (row.length !== m.cols) throw new StanError(`Size mismatch assigning a row of '${name}': expected ${m.cols} elements, got ${row.length}.`);
  for (let j = 0; j < m.cols; j++) m.data[j * m.rows + i - 1] = row[j];
}

// One index position of a general (slow-path) indexing: a single 1-based int, a list, a range, or all.
export type IndexSpec = number | { lo: number | null; hi: number | null } | ArrayLike<number> | null;

// The 0-based positions an index selects, or a single 0-based position (number) for a single index.
function select(spec: IndexSpec, n: number, name: string): number | number[] {
  if (typeof spec === 'number') return ix(spec, n, name);
  if (spec === null) return Array.from({ length: n }, (_, i) => i);
  if ('lo' in spec && !('length' in spec)) {
    const lo = spec.lo ?? 1, hi = spec.hi ?? n;
    const out: number[] = [];
    for (let i = lo; i <= hi; i++) out.push(ix(i, n, name));
    return out;
  }
  const list = spec as ArrayLike<number>;
  const out: number[] = [];
  for (let k = 0; k < list.length; k++) out.push(ix(list[k], n, name));
  return out;
}

function sizeOf(x: unknown): number {
  return x instanceof Mat ? x.rows : (x as ArrayLike<unknown>).length;
}

// The 0-based rows and columns that a matrix's indexes select (all columns when only rows are given),
// and whether each was a single index.
function selectInMatrix(m: Mat, specs: IndexSpec[], name: string): { rows: number[]; cols: number[]; oneRow: boolean; oneCol: boolean } {
  const r = select(specs[0], m.rows, name);
  const c = specs.length > 1 ? select(specs[1], m.cols, name) : null;
  return {
    rows: typeof r === 'number' ? [r] : r,
    cols: c === null ? Array.from({ length: m.cols }, (_, j) => j) : typeof c === 'number' ? [c] : c,
    oneRow: typeof r === 'number',
    oneCol: typeof c === 'number',
  };
}

// General indexing x[s1, s2, ...] over arrays, vectors and matrices (arrays first, then the vector/matrix).
export function index(x: unknown, specs: IndexSpec[], name: string): unknown {
  if (specs.length === 0) return x;
  const [s, ...rest] = specs;
  if (x instanceof Mat) {
    const { rows, cols, oneRow, oneCol } = selectInMatrix(x, specs, name);
    const d = emptyLike(x.data, rows.length * cols.length);
    for (let j = 0; j < cols.length; j++) for (let i = 0; i < rows.length; i++) d[j * rows.length + i] = x.data[cols[j] * x.rows + rows[i]];
    if (oneRow && oneCol) return d[0];
    if (oneRow || oneCol) return d; // a row or a column
    return new Mat(rows.length, cols.length, d);
  }
  const sel = select(s, sizeOf(x), name);
  const arr = x as ArrayLike<unknown>;
  if (typeof sel === 'number') return index(arr[sel], rest, name);
  if (x instanceof Float64Array || x instanceof Int32Array) {
    const d = emptyLike(x, sel.length);
    for (let k = 0; k < sel.length; k++) d[k] = x[sel[k]];
    return d;
  }
  return sel.map((i) => index(arr[i], rest, name));
}

function lengthOf(v: unknown): number {
  return v instanceof Mat ? v.rows * v.cols : typeof v === 'number' ? 1 : (v as ArrayLike<unknown>).length;
}

function sizeMismatch(name: string, want: number, got: unknown): never {
  throw new StanError(`Size mismatch assigning to '${name}': the indexes select ${want} elements, the value has ${lengthOf(got)}.`);
}

// x[s1, s2, ...] = value, in place, for slices and multi-indexes (the value has the shape of the selection).
export function assignIndex(x: unknown, specs: IndexSpec[], value: unknown, name: string): void {
  const [s, ...rest] = specs;
  if (x instanceof Mat) {
    const { rows, cols, oneRow, oneCol } = selectInMatrix(x, specs, name);
    const d = x.data;
    if (oneRow && oneCol) {
      d[cols[0] * x.rows + rows[0]] = value as number;
      return;
    }
    const src = value instanceof Mat ? value.data : (value as ArrayLike<number>);
    if (value instanceof Mat && (value.rows !== rows.length || value.cols !== cols.length)) sizeMismatch(name, rows.length * cols.length, value);
    if (src.length !== rows.length * cols.length) sizeMismatch(name, rows.length * cols.length, value);
    for (let j = 0; j < cols.length; j++) for (let i = 0; i < rows.length; i++) d[cols[j] * x.rows + rows[i]] = src[j * rows.length + i];
    return;
  }
  const arr = x as unknown[];
  const sel = select(s, sizeOf(x), name);
  if (typeof sel === 'number') {
    if (rest.length) assignIndex(arr[sel], rest, value, name);
    else arr[sel] = value;
    return;
  }
  const vals = value as ArrayLike<unknown>;
  if (vals.length !== sel.length) sizeMismatch(name, sel.length, value);
  for (let k = 0; k < sel.length; k++) {
    if (rest.length) assignIndex(arr[sel[k]], rest, vals[k], name);
    else arr[sel[k]] = vals[k];
  }
}
