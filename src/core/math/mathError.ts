/**
 * The shared error slot of the math library. Kernels never throw and never allocate: when an
 * argument is invalid they fill this slot and return NaN. The caller (generated code) checks
 * `Number.isNaN(result)` and turns the slot into a rejection message with `formatMathError()`.
 * Stan's wording: "normal_lpdf: Scale parameter is -1, but must be positive finite!".
 */
export interface MathErrorSlot {
  /** 0 when no error since the last `clearMathError()`. */
  code: number;
  /** Stan function name, e.g. 'normal_lpdf'. */
  fn: string;
  /** Stan's description of the argument, e.g. 'Scale parameter'. */
  arg: string;
  /** The offending value. */
  value: number;
  /** What it must be, e.g. 'positive finite'. */
  must: string;
}

export const mathError: MathErrorSlot = { code: 0, fn: '', arg: '', value: 0, must: '' };

export const MATH_ERR_DOMAIN = 1;
export const MATH_ERR_SIZE = 2;

export function clearMathError(): void {
  mathError.code = 0;
}

/** Records an invalid argument; always returns NaN so kernels can `return setMathError(...)`. */
export function setMathError(fn: string, arg: string, value: number, must: string, code = MATH_ERR_DOMAIN): number {
  mathError.code = code;
  mathError.fn = fn;
  mathError.arg = arg;
  mathError.value = value;
  mathError.must = must;
  return NaN;
}

export function formatMathError(slot: MathErrorSlot = mathError): string {
  if (slot.code === 0) return '';
  if (slot.code === MATH_ERR_SIZE) return `${slot.fn}: ${slot.arg} ${slot.must}`;
  return `${slot.fn}: ${slot.arg} is ${slot.value}, but must be ${slot.must}!`;
}
