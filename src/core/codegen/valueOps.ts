// Value-only container arithmetic and functions for generated code (plain numbers; vectors and row
// vectors are Float64Array, matrices Mat, arrays JS arrays). Scalar arithmetic is emitted inline.
import { Mat } from './mat';
import { mvKernel } from './matvecFused';
import { StanError } from './stanError';

export function idiv(a: number, b: number): number {
  if (b === 0) throw new StanError('Integer division by zero.');
  return Math.trunc(a / b);
}

export function imod(a: number, b: number): number {
  if (b === 0) throw new StanError('Integer modulus by zero.');
  return a % b;
}

// Apply a scalar function elementwise over any container (Stan's vectorised unary functions).
export function vmap(f: (x: number) => number, x: unknown): unknown {
  if (typeof x === 'number') return f(x);
  if (x instanceof Float64Array || x instanceof Int32Array) return Float64Array.from(x, f);
  if (x instanceof Mat) return new Mat(x.rows, x.cols, Float64Array.from(x.data, f));
  return (x as unknown[]).map((e) => vmap(f, e));
}

// A two-argument function elementwise: a scalar with a container, or two containers of one shape.
export function vmap2(f: (x: number, y: number) => number, a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  const n = sharedLength(a, b);
  const shape = a instanceof Mat ? a : b instanceof Mat ? b : null;
  if (shape || a instanceof Float64Array || a instanceof Int32Array || b instanceof Float64Array || b instanceof Int32Array) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(elementAt(a, i) as number, elementAt(b, i) as number);
    return shape ? new Mat(shape.rows, shape.cols, out) : out;
  }
  return Array.from({ length: n }, (_, i) => vmap2(f, elementAt(a, i), elementAt(b, i)));
}

// Element i of a vectorised argument (a scalar is every element), for vmap2 and its gradient form.
export function elementAt(x: unknown, i: number): unknown {
  return typeof x === 'number' ? x : x instanceof Mat ? x.data[i] : (x as ArrayLike<unknown>)[i];
}

// The common length of two vectorised arguments (a scalar fits any).
export function sharedLength(a: unknown, b: unknown): number {
  const len = (x: unknown) => (typeof x === 'number' ? -1 : x instanceof Mat ? x.data.length : (x as ArrayLike<unknown>).length);
  const na = len(a), nb = len(b);
  if (na >= 0 && nb >= 0 && na !== nb) throw new StanError(`Size mismatch in a vectorised function: ${na} and ${nb} elements.`);
  return Math.max(na, nb);
}

function flat(x: number | Float64Array | Mat): Float64Array | number {
  return x instanceof Mat ? (x.data as Float64Array) : x;
}

// Elementwise a op b with scalar broadcast. op: 0 +, 1 -, 2 *, 3 /.
export function ew(op: number, a: number | Float64Array | Mat, b: number | Float64Array | Mat): Float64Array | Mat {
  const fa = flat(a), fb = flat(b);
  const n = typeof fa === 'number' ? (fb as Float64Array).length : fa.length;
  if (typeof fa !== 'number' && typeof fb !== 'number' && fa.length !== fb.length) {
    throw new StanError(`Size mismatch in elementwise operation: ${fa.length} and ${fb.length} elements.`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = typeof fa === 'number' ? fa : fa[i];
    const y = typeof fb === 'number' ? fb : fb[i];
    out[i] = op === 0 ? x + y : op === 1 ? x - y : op === 2 ? x * y : x / y;
  }
  const shape = a instanceof Mat ? a : b instanceof Mat ? b : null;
  return shape ? new Mat(shape.rows, shape.cols, out) : out;
}

export function neg(a: Float64Array | Mat): Float64Array | Mat {
  return ew(1, 0, a);
}

export function transpose(a: Float64Array | Mat): Float64Array | Mat {
  if (!(a instanceof Mat)) return a; // vector <-> row_vector share storage order
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[i * a.cols + j] = a.data[j * a.rows + i];
  return new Mat(a.cols, a.rows, out);
}

function sameSize(what: string, n: number, m: number): void {
  if (n !== m) throw new StanError(`${what}: size mismatch (${n} and ${m}).`);
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  sameSize('dot_product', a.length, b.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function mv(m: Mat, v: ArrayLike<number>): Float64Array {
  sameSize('matrix * vector', m.cols, v.length);
  return mvKernel(m.data as Float64Array, m.rows, m.cols, v, null, new Float64Array(m.rows));
}

export function vm(v: ArrayLike<number>, m: Mat): Float64Array {
  sameSize('row_vector * matrix', v.length, m.rows);
  const out = new Float64Array(m.cols);
  for (let j = 0; j < m.cols; j++) {
    let s = 0;
    for (let i = 0; i < m.rows; i++) s += v[i] * m.data[j * m.rows + i];
    out[j] = s;
  }
  return out;
}

export function mm(a: Mat, b: Mat): Mat {
  sameSize('matrix * matrix', a.cols, b.rows);
  const out = new Float64Array(a.rows * b.cols);
  for (let j = 0; j < b.cols; j++)
    for (let k = 0; k < a.cols; k++) {
      const bkj = b.data[j * b.rows + k];
      for (let i = 0; i < a.rows; i++) out[j * a.rows + i] += a.data[k * a.rows + i] * bkj;
    }
  return new Mat(a.rows, b.cols, out);
}

export function outer(a: ArrayLike<number>, b: ArrayLike<number>): Mat {
  const out = new Float64Array(a.length * b.length);
  for (let j = 0; j < b.length; j++) for (let i = 0; i < a.length; i++) out[j * a.length + i] = a[i] * b[j];
  return new Mat(a.length, b.length, out);
}

// All scalar elements of any value, in Stan's order (arrays row-major, matrices column-major).
export function elements(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (x instanceof Float64Array || x instanceof Int32Array) for (let i = 0; i < x.length; i++) out.push(x[i]);
  else if (x instanceof Mat) for (let i = 0; i < x.data.length; i++) out.push(x.data[i]);
  else for (const e of x as unknown[]) elements(e, out);
  return out;
}

export function copy<T>(x: T): T {
  if (x instanceof Float64Array) return x.slice() as T;
  if (x instanceof Int32Array) return x.slice() as T;
  if (x instanceof Mat) return new Mat(x.rows, x.cols, x.data.slice()) as T;
  if (Array.isArray(x)) return x.map(copy) as T;
  return x;
}

export function newArray(sizes: number[], make: () => unknown): unknown {
  if (sizes.length === 0) return make();
  const [n, ...rest] = sizes;
  if (!(n >= 0)) throw new StanError(`Array size must be non-negative, found ${n}.`);
  const out: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = newArray(rest, make);
  return out;
}

export function checkSize(n: number, what: string): number {
  if (!(n >= 0) || n !== Math.floor(n)) throw new StanError(`The size of '${what}' must be a non-negative integer, found ${n}.`);
  return n;
}
