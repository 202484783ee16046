import { logGammaPQ, gammaPDerivX } from '../special/incGamma';
import { fdStep } from './fd';

/**
 * Shared by the gamma-type cdfs: v = log P(a, x) (or log Q when upper), writes dv/da into
 * out[ia] (central differences) and returns dv/dx in `dvdx[0]`-free form via the return pair
 * stored in gammaCdfScratch.
 */
export const gammaCdfScratch = new Float64Array(2); // [dv/da, dv/dx]

export function logGammaCdf(a: number, x: number, upper: boolean, wantPartials: boolean): number {
  const v = logGammaPQ(a, x, upper);
  if (wantPartials) {
    const h = fdStep(a);
    gammaCdfScratch[0] = (logGammaPQ(a + h, x, upper) - logGammaPQ(a - h, x, upper)) / (2 * h);
    const g = gammaPDerivX(a, x) * Math.exp(-v);
    gammaCdfScratch[1] = upper ? -g : g;
  }
  return v;
}
