import { fdStep } from './fd';

/**
 * The von Mises cdf of x = y - mu reduced to [-pi, pi]:
 * F(x) = 1/2 + x/(2 pi) + (1/pi) sum_{k>=1} (I_k(kappa)/I_0(kappa)) sin(k x)/k,
 * the Bessel ratios by Miller's backward recurrence I_{k-1}/I_k = 2k/kappa + I_{k+1}/I_k.
 * Partials: d/dx is the density; d/dkappa by central differences (stopgap).
 */
export function vonMisesCdfCentered(x: number, kappa: number): number {
  if (x <= -Math.PI) return 0;
  if (x >= Math.PI) return 1;
  if (kappa === 0) return 0.5 + x / (2 * Math.PI);
  const kmax = Math.ceil(kappa + 12 * Math.sqrt(kappa) + 40);
  // ratios r_k = I_k / I_{k-1}, from k = kmax down to 1; then prod_j<=k r_j = I_k / I_0
  let r = 0;
  let s = 0;
  // accumulate sum_k (I_k/I_0) sin(kx)/k needs the forward products, so store ratios on the way down
  // in a small reusable buffer
  const buf = ratioBuffer(kmax + 1);
  for (let k = kmax; k >= 1; k--) {
    r = 1 / ((2 * k) / kappa + r);
    buf[k] = r;
  }
  let p = 1;
  for (let k = 1; k <= kmax; k++) {
    p *= buf[k];
    if (p < 1e-300) break;
    s += (p * Math.sin(k * x)) / k;
  }
  const F = 0.5 + x / (2 * Math.PI) + s / Math.PI;
  return Math.min(1, Math.max(0, F));
}

let ratios = new Float64Array(256);
function ratioBuffer(n: number): Float64Array {
  if (ratios.length < n) ratios = new Float64Array(Math.max(n, 2 * ratios.length));
  return ratios;
}

/** x = y - mu reduced to [-pi, pi]. */
export function reduceAngle(d: number): number {
  const t = 2 * Math.PI;
  let x = d - t * Math.floor((d + Math.PI) / t);
  if (x >= Math.PI) x -= t;
  return x;
}

/** log F (or log(1 - F)) and its kappa-derivative by differences into out[0]. */
export function logVonMisesCdf(x: number, kappa: number, upper: boolean, dKappa: Float64Array | null): number {
  const v = logTail(x, kappa, upper);
  if (dKappa !== null) {
    const h = fdStep(kappa);
    dKappa[0] = kappa > h ? (logTail(x, kappa + h, upper) - logTail(x, kappa - h, upper)) / (2 * h) : (logTail(x, kappa + h, upper) - v) / h;
  }
  return v;
}

function logTail(x: number, kappa: number, upper: boolean): number {
  const F = vonMisesCdfCentered(x, kappa);
  return upper ? Math.log1p(-F) : Math.log(F);
}
