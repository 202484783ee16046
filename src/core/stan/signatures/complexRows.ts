// Complex-valued overloads of container functions, derived from their real rows: the same row with
// real -> complex, vector -> complex_vector, row_vector -> complex_row_vector, matrix -> complex_matrix.
// Only for functions whose complex overloads really mirror the real ones in Stan.
import { containerRows } from './containerRows';
import { linearAlgebraRows } from './linearAlgebraRows';

const mirrored = new Set([
  'append_row', 'append_col', 'dot_product', 'dot_self', 'columns_dot_product', 'rows_dot_product',
  'columns_dot_self', 'rows_dot_self', 'diag_pre_multiply', 'diag_post_multiply', 'add_diag', 'rep_matrix',
  'trace', 'head', 'tail', 'segment', 'block', 'col', 'row', 'sub_col', 'sub_row', 'reverse', 'diagonal',
  'diag_matrix', 'cumulative_sum', 'symmetrize_from_lower_tri', 'to_array_1d', 'to_array_2d',
  'mdivide_left', 'mdivide_right', 'tcrossprod', 'crossprod', 'quad_form', 'trace_quad_form', 'sum', 'prod',
]);

function complexify(row: string): string {
  return row.replace(/\b(real|vector|row_vector|matrix)\b/g, (w) => (w === 'real' ? 'complex' : `complex_${w}`));
}

export function complexRows(): string[] {
  const out: string[] = [];
  for (const row of [...containerRows, ...linearAlgebraRows]) {
    if (row.includes('complex') || row.includes(' data ') || row.includes('(data ')) continue;
    const m = /^\S+\s+([A-Za-z_|0-9]+)\(/.exec(row);
    if (!m) continue;
    const names = m[1].split('|').filter((n) => mirrored.has(n));
    if (names.length === 0) continue;
    out.push(complexify(row.replace(m[1], names.join('|'))));
  }
  return out;
}
