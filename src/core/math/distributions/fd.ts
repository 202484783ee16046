/**
 * Central-difference step for the shape-parameter partials of cdfs built on the incomplete
 * beta/gamma functions (Stan computes these by series; here a documented stopgap giving ~1e-9
 * relative). Callers evaluate f(x+h) and f(x-h) themselves so nothing is allocated.
 */
export function fdStep(x: number): number {
  return 6e-6 * Math.max(Math.abs(x), 1e-3);
}
