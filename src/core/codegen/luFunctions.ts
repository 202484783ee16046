// Stan's general-matrix functions built on the LU decomposition: inverse, inverse_spd, mdivide_left
// (A \ B), mdivide_right (B / A), determinant and log_determinant. Value forms take numbers; gradient
// forms take tape nodes for the arguments whose bit is set in `mask` (argument order) and numbers for
// the others. The gradient forms compute values with numbers, create the output nodes, and register a
// reverse callback that applies the matrix adjoint formulas (no per-element edges):
//   B = inv(A):        adj A -= B' adj(B) B'
//   X = A \ B:         adj B += A'^-1 adj(X),     adj A -= (A'^-1 adj(X)) X'
//   X = B / A:         adj B += adj(X) A'^-1,     adj A -= X' (adj(X) A'^-1)
//   log|det A|, det A: d/dA = inv(A)' (times det A).
import { choleskyInto } from '../math/cholesky';
import { numberOps } from '../math/transforms/scalarOps';
import { type LU, luDeterminant, luFactor, luInverse, luLogAbsDeterminant, luSolveInPlace } from './luDecomposition';
import { Mat } from './mat';
import { checkSymmetric } from './matrixProducts';
import { StanError } from './stanError';
import type { Tape } from './tape';

type Vec = Float64Array | Int32Array;

function square(fn: string, A: unknown): Mat {
  if (!(A instanceof Mat) || A.rows !== A.cols) throw new StanError(`${fn}: expecting a square matrix${A instanceof Mat ? `, got ${A.rows} x ${A.cols}` : ''}.`);
  return A;
}

// Numeric values of an argument: its nodes' values when `nodes`.
function values(T: Tape | null, x: Vec | Mat, nodes: boolean): Float64Array {
  const d = x instanceof Mat ? x.data : x;
  if (!nodes || !T) return d instanceof Float64Array ? d : Float64Array.from(d);
  return Float64Array.from(d, (i) => T.val[i]);
}

function transposed(x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = x[j * rows + i];
  return out;
}

// New nodes holding `vals`, shaped like the result (a vector when `vector`).
function outputNodes(T: Tape, vals: Float64Array, rows: number, cols: number, vector: boolean): { out: Vec | Mat; out0: number } {
  const out0 = T.n;
  const idx = new Int32Array(vals.length);
  for (let k = 0; k < vals.length; k++) idx[k] = T.node(vals[k]);
  return { out: vector ? idx : new Mat(rows, cols, idx), out0 };
}

function adjointsOf(T: Tape, out0: number, n: number): Float64Array {
  return T.adj.slice(out0, out0 + n);
}

// ----- inverse and inverse_spd -----

function checkSpd(fn: string, a: Float64Array, K: number): void {
  checkSymmetric(fn, numberOps, new Mat(K, K, a));
  if (!choleskyInto(new Float64Array(K * K), a, K, 'colMajor')) throw new StanError(`${fn}: the matrix is not positive definite.`);
}

// x <- (x + x') / 2 for a K x K matrix.
function symmetrize(x: Float64Array, K: number): void {
  for (let j = 0; j < K; j++)
    for (let i = j + 1; i < K; i++) {
      const s = 0.5 * (x[j * K + i] + x[i * K + j]);
      x[j * K + i] = s;
      x[i * K + j] = s;
    }
}

function inverseValues(fn: string, a: Float64Array, K: number, spd: boolean): Float64Array {
  if (spd) checkSpd(fn, a, K);
  const inv = luInverse(fn, luFactor(a, K));
  if (spd) symmetrize(inv, K);
  return inv;
}

export function inverse(A: Mat): Mat {
  const M = square('inverse', A);
  return new Mat(M.rows, M.rows, inverseValues('inverse', values(null, M, false), M.rows, false));
}

export function inverseSpd(A: Mat): Mat {
  const M = square('inverse_spd', A);
  return new Mat(M.rows, M.rows, inverseValues('inverse_spd', values(null, M, false), M.rows, true));
}

interface InverseTape {
  A: Int32Array;
  B: Float64Array;
  K: number;
  out0: number;
  sym: boolean;
}

function inverseReverse(T: Tape, info: unknown): void {
  const { A, B, K, out0, sym } = info as InverseTape;
  const G = adjointsOf(T, out0, K * K);
  if (sym) symmetrize(G, K); // the output is (B + B') / 2
  // W = G B', then adj A -= B' W
  const W = new Float64Array(K * K);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < K; j++) {
      const bjk = B[k * K + j];
      if (bjk !== 0) for (let i = 0; i < K; i++) W[j * K + i] += G[k * K + i] * bjk;
    }
  const adj = T.adj;
  for (let j = 0; j < K; j++)
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += B[i * K + k] * W[j * K + k];
      adj[A[j * K + i]] -= s;
    }
}

function inverseTape(T: Tape, A: Mat, fn: string, sym: boolean): Mat {
  const M = square(fn, A);
  const K = M.rows;
  const B = inverseValues(fn, values(T, M, true), K, sym);
  const { out, out0 } = outputNodes(T, B, K, K, false);
  T.onReverse(inverseReverse, { A: M.data as Int32Array, B, K, out0, sym } satisfies InverseTape, null, 0);
  return out as Mat;
}

export const inverseG = (T: Tape, A: Mat): Mat => inverseTape(T, A, 'inverse', false);
export const inverseSpdG = (T: Tape, A: Mat): Mat => inverseTape(T, A, 'inverse_spd', true);

// ----- determinant and log_determinant -----

export function determinant(A: Mat): number {
  const M = square('determinant', A);
  return luDeterminant(luFactor(M.data, M.rows));
}

export function logDeterminant(A: Mat): number {
  const M = square('log_determinant', A);
  return luLogAbsDeterminant(luFactor(M.data, M.rows));
}

// One node with an edge to every element: d/dA[i,j] = inv(A)[j,i] (times det A for the determinant).
function determinantTape(T: Tape, A: Mat, log: boolean): number {
  const fn = log ? 'log_determinant' : 'determinant';
  const M = square(fn, A);
  const K = M.rows;
  const f = luFactor(values(T, M, true), K);
  const v = log ? luLogAbsDeterminant(f) : luDeterminant(f);
  if (f.singular) throw new StanError(`${fn}: the gradient at a singular matrix is not defined.`);
  const inv = luInverse(fn, f);
  const scale = log ? 1 : v;
  const k = T.node(v);
  T.reserveEdges(K * K);
  for (let j = 0; j < K; j++) for (let i = 0; i < K; i++) T.edge(k, M.data[j * K + i], scale * inv[i * K + j]);
  return k;
}

export const determinantG = (T: Tape, A: Mat): number => determinantTape(T, A, false);
export const logDeterminantG = (T: Tape, A: Mat): number => determinantTape(T, A, true);

// ----- mdivide_left (A \ B) and mdivide_right (B / A) -----

// The right-hand side as a K x m column-major block: a vector is one column (mdivide_left), a row
// vector one row (mdivide_right).
function shapeOf(B: Vec | Mat): { rows: number; cols: number } {
  return B instanceof Mat ? { rows: B.rows, cols: B.cols } : { rows: B.length, cols: 1 };
}

function checkLeft(A: Mat, rows: number): void {
  if (rows !== A.rows) throw new StanError(`mdivide_left: size mismatch (a ${A.rows} x ${A.cols} matrix and ${rows} rows).`);
}

// B / A = (A' \ B')': B is m x K (a row vector is 1 x K).
function rightShape(B: Vec | Mat, A: Mat): number {
  const m = B instanceof Mat ? B.rows : 1;
  const n = B instanceof Mat ? B.cols : B.length;
  if (n !== A.rows) throw new StanError(`mdivide_right: size mismatch (${n} columns and a ${A.rows} x ${A.cols} matrix).`);
  return m;
}

// X = op(A)^-1 R with op(A) = A, or A' when `trans`; R is K x m, column-major.
function solve(fn: string, A: Float64Array, K: number, R: Float64Array, m: number, trans: boolean): { f: LU; X: Float64Array } {
  const f = luFactor(A, K);
  const X = Float64Array.from(R);
  luSolveInPlace(fn, f, X, m, trans);
  return { f, X };
}

export function mdivideLeft(A: Mat, B: Vec | Mat): Vec | Mat {
  const M = square('mdivide_left', A);
  const { rows, cols } = shapeOf(B);
  checkLeft(M, rows);
  const { X } = solve('mdivide_left', values(null, M, false), M.rows, values(null, B, false), cols, false);
  return B instanceof Mat ? new Mat(rows, cols, X) : X;
}

export function mdivideRight(B: Vec | Mat, A: Mat): Vec | Mat {
  const M = square('mdivide_right', A);
  const m = rightShape(B, M);
  const K = M.rows;
  const { X } = solve('mdivide_right', values(null, M, false), K, transposed(values(null, B, false), m, K), m, true);
  const Xr = transposed(X, K, m);
  return B instanceof Mat ? new Mat(m, K, Xr) : Xr;
}

interface SolveTape {
  fn: string;
  A: ArrayLike<number> | null; // nodes of A, or null for data
  R: ArrayLike<number> | null; // nodes of R (K x m), or null
  f: LU;
  X: Float64Array;
  K: number;
  m: number;
  trans: boolean;
  out0: number;
}

// X = op(A)^-1 R: with Z = op(A)'^-1 adj(X), adj R += Z and adj op(A) -= Z X'.
function solveReverse(T: Tape, info: unknown): void {
  const { fn, A, R, f, X, K, m, trans, out0 } = info as SolveTape;
  const Z = adjointsOf(T, out0, K * m);
  luSolveInPlace(fn, f, Z, m, !trans);
  const adj = T.adj;
  if (R) for (let k = 0; k < K * m; k++) adj[R[k]] += Z[k];
  if (!A) return;
  const [P, Q] = trans ? [X, Z] : [Z, X]; // adj A[i,j] -= sum_c P[i,c] Q[j,c]
  for (let j = 0; j < K; j++)
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += P[c * K + i] * Q[c * K + j];
      adj[A[j * K + i]] -= s;
    }
}

// The solve in gradient code: output nodes (K x m, X's layout) with the reverse callback.
function solveTape(T: Tape, fn: string, A: Mat, adA: boolean, R: ArrayLike<number>, adR: boolean, m: number, trans: boolean): { X: Float64Array; nodes: Int32Array } {
  const K = A.rows;
  const Rvals = adR ? Float64Array.from(R, (i) => T.val[i]) : Float64Array.from(R);
  const { f, X } = solve(fn, values(T, A, adA), K, Rvals, m, trans);
  const { out, out0 } = outputNodes(T, X, K, m, true);
  T.onReverse(solveReverse, { fn, A: adA ? A.data : null, R: adR ? R : null, f, X, K, m, trans, out0 } satisfies SolveTape, null, 0);
  return { X, nodes: out as Int32Array };
}

// mask bit 0: A holds nodes, bit 1: B does.
export function mdivideLeftG(T: Tape, A: Mat, B: Vec | Mat, mask: number): Vec | Mat {
  const M = square('mdivide_left', A);
  const { rows, cols } = shapeOf(B);
  checkLeft(M, rows);
  const { nodes } = solveTape(T, 'mdivide_left', M, (mask & 1) !== 0, B instanceof Mat ? B.data : B, (mask & 2) !== 0, cols, false);
  return B instanceof Mat ? new Mat(rows, cols, nodes) : nodes;
}

// mask bit 0: B holds nodes, bit 1: A does (Stan's argument order). Solved as A' X' = B'.
export function mdivideRightG(T: Tape, B: Vec | Mat, A: Mat, mask: number): Vec | Mat {
  const M = square('mdivide_right', A);
  const m = rightShape(B, M);
  const K = M.rows;
  const Bt = transposed(B instanceof Mat ? B.data : B, m, K);
  const { nodes } = solveTape(T, 'mdivide_right', M, (mask & 2) !== 0, Bt, (mask & 1) !== 0, m, true);
  const Xr = Int32Array.from(transposed(nodes, K, m));
  return B instanceof Mat ? new Mat(m, K, Xr) : Xr;
}
