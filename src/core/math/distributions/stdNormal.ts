import type { UnivariateFamily } from '../family';
import { include } from '../flags';
import { checkNotNaN } from '../check';
import { LOG_SQRT_2PI } from '../special/constants';
import { logPhi, logPhiDeriv } from '../special/Phi';

export function stdNormalLpdf(out: Float64Array | null, flags: number, y: number): number {
  if (!checkNotNaN('std_normal_lpdf', 'Random variable', y)) return NaN;
  if (!include(flags, 1)) return 0;
  if (out !== null) out[0] = -y;
  return include(flags, 0) ? -0.5 * y * y - LOG_SQRT_2PI : -0.5 * y * y;
}

function lcdfImpl(out: Float64Array | null, y: number, upper: boolean): number {
  if (!checkNotNaN(upper ? 'std_normal_lccdf' : 'std_normal_lcdf', 'Random variable', y)) return NaN;
  const s = upper ? -1 : 1;
  if (out !== null) out[0] = s * logPhiDeriv(s * y);
  return logPhi(s * y);
}

export const stdNormal: UnivariateFamily = {
  name: 'std_normal',
  discrete: false,
  args: ['y'],
  argKinds: ['real'],
  logDensity: (f, y) => stdNormalLpdf(null, f, y),
  logDensityWithPartials: (o, f, y) => stdNormalLpdf(o, f, y),
  lcdf: (y) => lcdfImpl(null, y, false),
  lcdfWithPartials: (o, y) => lcdfImpl(o, y, false),
  lccdf: (y) => lcdfImpl(null, y, true),
  lccdfWithPartials: (o, y) => lcdfImpl(o, y, true),
  rng: (r) => r.normal(),
};
