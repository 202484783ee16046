import { logIncBeta } from '../special/incBeta';
import { lbeta } from '../special/combinatorics';
import { fdStep } from './fd';

/** [dv/da, dv/db, dv/dx] of the last logBetaCdf call with partials. */
export const betaCdfScratch = new Float64Array(3);

/** v = log I_x(a, b) (or log(1 - I_x) when upper), partials in betaCdfScratch: a, b by differences. */
export function logBetaCdf(a: number, b: number, x: number, upper: boolean, wantPartials: boolean): number {
  const v = logIncBeta(a, b, x, upper);
  if (wantPartials) {
    const ha = fdStep(a);
    const hb = fdStep(b);
    betaCdfScratch[0] = (logIncBeta(a + ha, b, x, upper) - logIncBeta(a - ha, b, x, upper)) / (2 * ha);
    betaCdfScratch[1] = (logIncBeta(a, b + hb, x, upper) - logIncBeta(a, b - hb, x, upper)) / (2 * hb);
    const logDens = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b);
    const g = x > 0 && x < 1 ? Math.exp(logDens - v) : 0;
    betaCdfScratch[2] = upper ? -g : g;
  }
  return v;
}
