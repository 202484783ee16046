// One row of the functions-library table, and the little text syntax rows are written in:
//
//   "real normal_lpdf(reals, reals, reals)"     pseudo-types as the Stan Functions Reference uses them
//   "V exp|log|log1p(V)"                        several names sharing one row; V = vectorised real
//   "matrix to_matrix(array[,] real)"           concrete types in Stan syntax
//   "vector csr_matrix_times_vector(int, int, vector, data array[] int, data array[] int, vector)"
//
// Argument pseudo-types:
//   reals   real | array[] real | vector | row_vector (ints promote)
//   ints    int | array[] int
//   vectors vector | array[] vector | row_vector | array[] row_vector
//   V       any of int, real, vector, row_vector, matrix or an array of them (elementwise, real result)
//   Vi      int or an array of int, any dimensions (elementwise, int result)
//   A       any array; any: any value
//   a|b|c   a union of the above or of concrete types
// Return pseudo-types:
//   V / Vi  the common shape of the V/Vi arguments, with real / int elements
//   R / Ri  real / int if every vectorised argument is a scalar, else array[] real / array[] int (_rng)
//   $0      the type of argument 0; $0[] / $0[,] / $0[,,] an array of it; $common the common type of all
import { parseTypeText, REAL, INT, VECTOR, ROW_VECTOR, arrayOf, type StanType, typeToString } from '../types';

export type ArgSpec =
  | { k: 'exact'; t: StanType }
  | { k: 'union'; label: string; opts: StanType[]; vectorised: boolean }
  | { k: 'vec'; elem: 'real' | 'int' }
  | { k: 'anyArray' }
  | { k: 'any' };

export type RetSpec =
  | { k: 'exact'; t: StanType }
  | { k: 'vec'; elem: 'real' | 'int' }
  | { k: 'rng'; elem: 'real' | 'int' }
  | { k: 'arg'; index: number; extraDims: number }
  | { k: 'common' };

export interface SigArg {
  spec: ArgSpec;
  dataOnly: boolean;
}

export interface Signature {
  name: string;
  ret: RetSpec;
  args: SigArg[];
  // True for the signatures of user-defined functions (not rows of the library table).
  user?: boolean;
}

const pseudoUnions: Record<string, { opts: StanType[]; vectorised: boolean }> = {
  reals: { opts: [REAL, arrayOf(REAL, 1), VECTOR, ROW_VECTOR], vectorised: true },
  ints: { opts: [INT, arrayOf(INT, 1)], vectorised: true },
  vectors: {
    opts: [VECTOR, arrayOf(VECTOR, 1), ROW_VECTOR, arrayOf(ROW_VECTOR, 1)],
    vectorised: true,
  },
};

// Splits on `sep` outside brackets/parentheses.
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length > 0) out.push(cur);
  return out.map((s) => s.trim());
}

function mustType(text: string, row: string): StanType {
  const t = parseTypeText(text);
  if (!t) throw new Error(`signature table: unknown type '${text}' in row '${row}'`);
  return t;
}

function parseArgSpec(text: string, row: string): ArgSpec {
  if (text === 'V') return { k: 'vec', elem: 'real' };
  if (text === 'Vi') return { k: 'vec', elem: 'int' };
  if (text === 'A') return { k: 'anyArray' };
  if (text === 'any') return { k: 'any' };
  const parts = splitTop(text, '|');
  if (parts.length === 1 && !(text in pseudoUnions)) return { k: 'exact', t: mustType(text, row) };
  const opts: StanType[] = [];
  let vectorised = false;
  for (const p of parts) {
    const pseudo = pseudoUnions[p];
    if (pseudo) {
      opts.push(...pseudo.opts);
      vectorised = true;
    } else opts.push(mustType(p, row));
  }
  return { k: 'union', label: text, opts, vectorised };
}

function parseRetSpec(text: string, row: string): RetSpec {
  if (text === 'V') return { k: 'vec', elem: 'real' };
  if (text === 'Vi') return { k: 'vec', elem: 'int' };
  if (text === 'R') return { k: 'rng', elem: 'real' };
  if (text === 'Ri') return { k: 'rng', elem: 'int' };
  if (text === '$common') return { k: 'common' };
  const m = /^\$(\d)(?:\[(,*)\])?$/.exec(text);
  if (m) return { k: 'arg', index: Number(m[1]), extraDims: m[2] === undefined ? 0 : m[2].length + 1 };
  return { k: 'exact', t: mustType(text, row) };
}

// Parses one row; a row naming several functions ("V exp|log(V)") gives one Signature per name.
// Table rows are program text written by us, so a malformed row is a programming error: it throws at
// load time and the signature tests catch it.
export function parseRow(row: string): Signature[] {
  const m = /^(.+?)\s+([A-Za-z_][A-Za-z0-9_|]*)\((.*)\)$/.exec(row.trim());
  if (!m) throw new Error(`signature table: malformed row '${row}'`);
  const ret = parseRetSpec(m[1].trim(), row);
  const args: SigArg[] = splitTop(m[3], ',').map((a) => {
    const dataOnly = a.startsWith('data ');
    return { dataOnly, spec: parseArgSpec(dataOnly ? a.slice(5).trim() : a, row) };
  });
  return m[2].split('|').map((name) => ({ name, ret, args }));
}

function argSpecText(s: ArgSpec): string {
  switch (s.k) {
    case 'exact':
      return typeToString(s.t);
    case 'union':
      return s.label;
    case 'vec':
      return s.elem === 'int' ? 'ints...' : 'T';
    case 'anyArray':
      return 'array[...] T';
    case 'any':
      return 'T';
  }
}

function retSpecText(s: RetSpec): string {
  switch (s.k) {
    case 'exact':
      return typeToString(s.t);
    case 'vec':
      return s.elem === 'int' ? 'ints...' : 'T (real elements)';
    case 'rng':
      return s.elem === 'int' ? 'int or array[] int' : 'real or array[] real';
    case 'arg':
      return s.extraDims === 0 ? 'T' : `array[${','.repeat(s.extraDims - 1)}] T`;
    case 'common':
      return 'T';
  }
}

// "normal_lpdf(reals, reals, reals) => real", as listed in "Available signatures".
export function signatureToString(sig: Signature): string {
  const args = sig.args.map((a) => (a.dataOnly ? 'data ' : '') + argSpecText(a.spec));
  return `${sig.name}(${args.join(', ')}) => ${retSpecText(sig.ret)}`;
}
