// A matrix in generated code: column-major storage (Stan's element order). `data` holds numbers, or
// tape node indices when the matrix depends on parameters in gradient code.
export class Mat {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float64Array | Int32Array,
  ) {}

  get length(): number {
    return this.rows;
  }
}

export type Container = Float64Array | Int32Array;
