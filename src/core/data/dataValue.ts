// A loaded data variable: its full shape and its numbers, flattened in the order the JSON nests them
// (array dimensions outermost, then matrix rows, then columns; complex numbers as [re, im] pairs).
export interface DataValue {
  name: string;
  isInt: boolean;
  isComplex: boolean;
  // Full shape: the array dimensions, then the vector length or the matrix rows and columns.
  shape: number[];
  values: Float64Array;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

// Stan's flattened name of the element at a row-major flat index: `y[3]`, `X[2,1]`.
export function flatElementName(name: string, shape: readonly number[], flatIndex: number): string {
  if (shape.length === 0) return name;
  const idx: number[] = new Array(shape.length);
  let rest = flatIndex;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = (rest % shape[d]) + 1;
    rest = Math.floor(rest / shape[d]);
  }
  return `${name}[${idx.join(',')}]`;
}
