// The shape a data declaration expects, evaluated against the data read so far, and its Stan spelling
// for messages ("array[8] real", "matrix[2, 3]").
import type { DeclType } from '../stan/ast';
import type { DataValue } from './dataValue';
import { evalDataExpr } from './evalDataExpr';

export interface ExpectedShape {
  // Array dimensions, then the base type's own dimensions.
  shape: number[];
  arrayRank: number;
  isInt: boolean;
  isComplex: boolean;
  // The type as the user would write it, with the evaluated sizes.
  text: string;
}

const square = new Set(['cov_matrix', 'corr_matrix', 'cholesky_factor_corr']);
const vectorLike = new Set([
  'vector', 'row_vector', 'complex_vector', 'complex_row_vector', 'simplex', 'unit_vector',
  'sum_to_zero_vector', 'ordered', 'positive_ordered',
]);

export function expectedShape(t: DeclType, env: ReadonlyMap<string, DataValue>): ExpectedShape | string {
  const sizes: number[] = [];
  for (const e of [...t.arrayDims, ...t.sizes]) {
    const r = evalDataExpr(e, env);
    if (!r.ok) return `cannot compute the size: ${r.message}`;
    const n = r.value;
    if (typeof n !== 'number' || !Number.isInteger(n)) return 'a size must be an integer';
    if (n < 0) return `a size must not be negative (it is ${n})`;
    sizes.push(n);
  }
  const arrayDims = sizes.slice(0, t.arrayDims.length);
  const own = sizes.slice(t.arrayDims.length);
  if (t.base === 'tuple') return 'tuple data is not supported yet';
  let baseShape: number[];
  if (t.base === 'int' || t.base === 'real' || t.base === 'complex') baseShape = [];
  else if (vectorLike.has(t.base)) baseShape = [own[0]];
  else if (square.has(t.base)) baseShape = [own[0], own[0]];
  else if (t.base === 'cholesky_factor_cov') baseShape = [own[0], own[1] ?? own[0]];
  else baseShape = [own[0], own[1]]; // matrix, complex_matrix, stochastic matrices
  const ownText = own.length > 0 ? `[${own.join(', ')}]` : '';
  const text = (arrayDims.length > 0 ? `array[${arrayDims.join(', ')}] ` : '') + t.base + ownText;
  return {
    shape: [...arrayDims, ...baseShape],
    arrayRank: arrayDims.length,
    isInt: t.base === 'int',
    isComplex: t.base.startsWith('complex'),
    text,
  };
}
