// Checks a loaded data value against its declared bounds and constrained type, naming the first
// offending element the way Stan flattens names ("'sigma[3]' = -1 violates lower=0").
import type { DeclType } from '../stan/ast';
import { type DataValue, elementCount, flatElementName } from './dataValue';
import { evalDataExpr } from './evalDataExpr';
import { choleskyInto } from '../math/cholesky';

const TOL = 1e-8;

export function checkDataConstraints(t: DeclType, v: DataValue, env: ReadonlyMap<string, DataValue>): string | null {
  if (t.bounds) {
    for (const [which, expr] of [['lower', t.bounds.lower], ['upper', t.bounds.upper]] as const) {
      if (!expr) continue;
      const r = evalDataExpr(expr, env);
      if (!r.ok) return `cannot evaluate ${which} bound: ${r.message}`;
      const bound = r.value;
      for (let i = 0; i < v.values.length; i++) {
        const b = typeof bound === 'number' ? bound : bound.values[i % bound.values.length];
        const x = v.values[i];
        if (Number.isNaN(x)) continue; // Stan lets NaN through bound checks in data
        if (which === 'lower' ? x < b : x > b) {
          return `'${flatElementName(v.name, v.shape, i)}' = ${x} violates ${which}=${b}`;
        }
      }
    }
  }
  return checkStructure(t.base, v);
}

// The constrained types: checked per innermost vector or matrix.
function checkStructure(base: DeclType['base'], v: DataValue): string | null {
  const ownRank = ['simplex', 'unit_vector', 'sum_to_zero_vector', 'ordered', 'positive_ordered'].includes(base) ? 1
    : ['cov_matrix', 'corr_matrix', 'cholesky_factor_cov', 'cholesky_factor_corr', 'column_stochastic_matrix', 'row_stochastic_matrix'].includes(base) ? 2
      : 0;
  if (ownRank === 0) return null;
  const own = v.shape.slice(v.shape.length - ownRank);
  const n = elementCount(own);
  for (let start = 0; start < v.values.length; start += n) {
    const x = v.values.subarray(start, start + n);
    const where = v.shape.length > ownRank ? flatElementName(v.name, v.shape.slice(0, v.shape.length - ownRank), start / n) : v.name;
    const problem = ownRank === 1 ? vectorProblem(base, x) : matrixProblem(base, x, own[0], own[1]);
    if (problem) return `'${where}' is not a valid ${base}: ${problem}`;
  }
  return null;
}

function vectorProblem(base: string, x: Float64Array): string | null {
  const sum = x.reduce((s, a) => s + a, 0);
  switch (base) {
    case 'simplex':
      if (x.some((a) => a < 0)) return 'an element is negative';
      return Math.abs(sum - 1) > TOL ? `its elements sum to ${sum}, not 1` : null;
    case 'unit_vector': {
      const norm2 = x.reduce((s, a) => s + a * a, 0);
      return Math.abs(norm2 - 1) > TOL ? `its squared length is ${norm2}, not 1` : null;
    }
    case 'sum_to_zero_vector':
      return Math.abs(sum) > TOL ? `its elements sum to ${sum}, not 0` : null;
    case 'positive_ordered':
    case 'ordered':
      if (base === 'positive_ordered' && x.some((a) => a <= 0)) return 'an element is not positive';
      for (let i = 1; i < x.length; i++) if (!(x[i] > x[i - 1])) return `element ${i + 1} is not greater than element ${i}`;
      return null;
    default:
      return null;
  }
}

function matrixProblem(base: string, x: Float64Array, rows: number, cols: number): string | null {
  const at = (i: number, j: number) => x[i * cols + j];
  if (base === 'column_stochastic_matrix' || base === 'row_stochastic_matrix') {
    const byCol = base === 'column_stochastic_matrix';
    for (let k = 0; k < (byCol ? cols : rows); k++) {
      let s = 0;
      for (let l = 0; l < (byCol ? rows : cols); l++) {
        const a = byCol ? at(l, k) : at(k, l);
        if (a < 0) return 'an element is negative';
        s += a;
      }
      if (Math.abs(s - 1) > TOL) return `${byCol ? 'column' : 'row'} ${k + 1} sums to ${s}, not 1`;
    }
    return null;
  }
  if (base === 'cholesky_factor_cov' || base === 'cholesky_factor_corr') {
    for (let i = 0; i < rows; i++) {
      for (let j = i + 1; j < cols; j++) if (at(i, j) !== 0) return `element [${i + 1},${j + 1}] above the diagonal is not 0`;
      if (i < cols && !(at(i, i) > 0)) return `diagonal element [${i + 1},${i + 1}] is not positive`;
      if (base === 'cholesky_factor_corr') {
        let norm2 = 0;
        for (let j = 0; j <= i; j++) norm2 += at(i, j) ** 2;
        if (Math.abs(norm2 - 1) > TOL) return `row ${i + 1} does not have unit length`;
      }
    }
    return null;
  }
  // cov_matrix, corr_matrix: symmetric positive definite (and unit diagonal for corr_matrix).
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(at(i, j) - at(j, i)) > TOL * Math.max(1, Math.abs(at(i, j)))) return `it is not symmetric at [${i + 1},${j + 1}]`;
    }
    if (base === 'corr_matrix' && Math.abs(at(i, i) - 1) > TOL) return `diagonal element [${i + 1},${i + 1}] is not 1`;
  }
  // Symmetry was checked above, so row- and column-major storage agree.
  return choleskyInto(new Float64Array(rows * rows), x, rows, 'colMajor') ? null : 'it is not positive definite';
}
