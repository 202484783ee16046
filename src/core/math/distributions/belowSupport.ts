/** An integer below 0: discrete cdfs accept it (truncation evaluates cdf(L - 1)) and return log 0. */
export function belowSupport(n: number): boolean {
  return Number.isInteger(n) && n < 0;
}
