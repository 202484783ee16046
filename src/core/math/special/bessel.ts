import { lgamma } from './lgamma';
import { LOG_SQRT_2PI } from './constants';

/**
 * log I_v(z), the modified Bessel function of the first kind (Stan's
 * log_modified_bessel_first_kind(v, z)), for v >= 0, z >= 0. Power series in log space for
 * z <= 40 + v^2/2 (all terms positive, no cancellation), Hankel's asymptotic expansion beyond.
 * d/dz log I_v(z) = I_{v+1}(z)/I_v(z) + v/z.
 */
export function logModifiedBesselFirstKind(v: number, z: number): number {
  if (!(v >= 0) || !(z >= 0)) return NaN;
  if (z === 0) return v === 0 ? 0 : -Infinity;
  if (z === Infinity) return Infinity;
  if (z <= 40 + 0.5 * v * v) {
    // sum_k (z^2/4)^k / (k! Gamma(k+v+1)), scaled by (z/2)^v / Gamma(v+1)
    const q = 0.25 * z * z;
    let term = 1;
    let sum = 1;
    for (let k = 1; k < 2000; k++) {
      term *= q / (k * (k + v));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return v * Math.log(0.5 * z) - lgamma(v + 1) + Math.log(sum);
  }
  // I_v(z) ~ e^z / sqrt(2 pi z) * sum_k (-1)^k a_k(v) / z^k, a_k = prod (4v^2 - (2j-1)^2) / (k! 8^k)
  const mu = 4 * v * v;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 60; k++) {
    const next = (-term * (mu - (2 * k - 1) * (2 * k - 1))) / (k * 8 * z);
    if (Math.abs(next) > Math.abs(term)) break; // asymptotic: stop at the smallest term
    term = next;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return z - LOG_SQRT_2PI - 0.5 * Math.log(z) + Math.log(sum);
}

/** I_v(z) for v >= 0. */
export function modifiedBesselFirstKind(v: number, z: number): number {
  return Math.exp(logModifiedBesselFirstKind(v, z));
}

/** The ratio I_{v+1}(z) / I_v(z), computed in log space (derivative helper). */
export function besselIRatio(v: number, z: number): number {
  return Math.exp(logModifiedBesselFirstKind(v + 1, z) - logModifiedBesselFirstKind(v, z));
}
