// The operators, as the library functions they stand for (`a + b` is `add(a, b)`), and the map from
// operator text to function name.

const num = 'int|real';
const realC = 'vector|row_vector|matrix';

export const operatorRows: string[] = [
  // + and -
  'int add|subtract(int, int)',
  'real add|subtract(real, real)',
  'complex add|subtract(complex, complex)',
  ...['vector', 'row_vector', 'matrix', 'complex_vector', 'complex_row_vector', 'complex_matrix'].flatMap(
    (t) => {
      const scalar = t.startsWith('complex') ? 'complex' : 'real';
      return [`${t} add|subtract(${t}, ${t})`, `${t} add|subtract(${t}, ${scalar})`, `${t} add|subtract(${scalar}, ${t})`];
    },
  ),
  'Vi minus(Vi)',
  'V minus(V)',
  'int plus(int)',
  'real plus(real)',
  'complex minus|plus(complex)',
  `$0 plus(${realC}|complex_vector|complex_row_vector|complex_matrix)`,
  '$0 minus(complex_vector|complex_row_vector|complex_matrix)',
  // *
  'int multiply(int, int)',
  'real multiply(real, real)',
  'complex multiply(complex, complex)',
  'vector multiply(vector, real)',
  'vector multiply(real, vector)',
  'row_vector multiply(row_vector, real)',
  'row_vector multiply(real, row_vector)',
  'matrix multiply(matrix, real)',
  'matrix multiply(real, matrix)',
  'real multiply(row_vector, vector)',
  'matrix multiply(vector, row_vector)',
  'vector multiply(matrix, vector)',
  'row_vector multiply(row_vector, matrix)',
  'matrix multiply(matrix, matrix)',
  'complex_vector multiply(complex_vector, complex)',
  'complex_vector multiply(complex, complex_vector)',
  'complex_row_vector multiply(complex_row_vector, complex)',
  'complex_row_vector multiply(complex, complex_row_vector)',
  'complex_matrix multiply(complex_matrix, complex)',
  'complex_matrix multiply(complex, complex_matrix)',
  'complex multiply(complex_row_vector, complex_vector)',
  'complex_vector multiply(complex_matrix, complex_vector)',
  'complex_matrix multiply(complex_matrix, complex_matrix)',
  // /, %, %/%, \
  'int divide(int, int)',
  'real divide(real, real)',
  'complex divide(complex, complex)',
  'vector divide(vector, real)',
  'row_vector divide(row_vector, real)',
  'matrix divide(matrix, real)',
  'row_vector divide(row_vector, matrix)',
  'vector divide(real, vector)',
  'row_vector divide(real, row_vector)',
  'matrix divide(real, matrix)',
  'matrix divide(matrix, matrix)',
  'int modulus(int, int)',
  'int idivide(int, int)',
  'vector mdivide_left(matrix, vector)',
  'matrix mdivide_left(matrix, matrix)',
  // elementwise
  ...['vector', 'row_vector', 'matrix'].flatMap((t) => [
    `${t} elt_multiply|elt_divide(${t}, ${t})`,
    `${t} elt_divide(${t}, real)`,
    `${t} elt_divide(real, ${t})`,
    `${t} elt_multiply(${t}, real)`,
    `${t} elt_multiply(real, ${t})`,
  ]),
  'int elt_multiply|elt_divide(int, int)',
  'real elt_multiply|elt_divide(real, real)',
  ...['complex_vector', 'complex_row_vector', 'complex_matrix'].map((t) => `${t} elt_multiply|elt_divide(${t}, ${t})`),
  // ^ is scalar exponentiation (int ^ int is real); .^ is elementwise
  'real pow_op(real, real)',
  'matrix pow_op(matrix, real)', // accepted with a deprecation warning by stanc3
  'complex pow_op(complex, complex)',
  'V elt_pow(V, V)',
  // logical and comparison
  `int logical_or|logical_and(${num}, ${num})`,
  `int logical_lt|logical_lte|logical_gt|logical_gte(${num}, ${num})`,
  `int logical_eq|logical_neq(${num}, ${num})`,
  'int logical_eq|logical_neq(complex, complex)',
  `int logical_negation(${num})`,
  // postfix '
  'row_vector transpose(vector)',
  'vector transpose(row_vector)',
  'matrix transpose(matrix)',
  'complex_row_vector transpose(complex_vector)',
  'complex_vector transpose(complex_row_vector)',
];

// Operator text -> library function name (binary operators).
export const binaryOperatorFunction: Record<string, string> = {
  '||': 'logical_or',
  '&&': 'logical_and',
  '==': 'logical_eq',
  '!=': 'logical_neq',
  '<': 'logical_lt',
  '<=': 'logical_lte',
  '>': 'logical_gt',
  '>=': 'logical_gte',
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '%': 'modulus',
  '\\': 'mdivide_left',
  '.*': 'elt_multiply',
  './': 'elt_divide',
  '%/%': 'idivide',
  '^': 'pow_op',
  '.^': 'elt_pow',
};

export const unaryOperatorFunction: Record<string, string> = {
  '-': 'minus',
  '+': 'plus',
  '!': 'logical_negation',
};

// Compound assignment operator -> the binary operator it applies.
export const compoundAssignOperator: Record<string, string> = {
  '+=': '+',
  '-=': '-',
  '*=': '*',
  '/=': '/',
  '.*=': '.*',
  './=': './',
};

// Names that exist only to hold operator rows; they are not callable by these names in Stan.
export const operatorOnlyNames = new Set(['pow_op', 'elt_pow', 'idivide', 'plus']);
