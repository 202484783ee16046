import { INV_SQRT_2, INV_SQRT_2PI } from './constants';
import { erf, erfc, logErfc } from './erf';
import { invLogit } from './logistic';

/**
 * Standard normal cdf, as Stan's Phi (0 below -37.5, 1 above 8.25). d/dx = exp(-x^2/2)/sqrt(2 pi).
 */
export function Phi(x: number): number {
  if (x !== x) return NaN;
  if (x < -37.5) return 0;
  if (x < 0) return 0.5 * erfc(-INV_SQRT_2 * x); // no cancellation in the lower tail
  if (x > 8.25) return 1;
  return 0.5 * (1 + erf(INV_SQRT_2 * x));
}

/** log Phi(x), accurate in both tails (no underflow to -Infinity before ~-1e154). */
export function logPhi(x: number): number {
  if (x !== x) return NaN;
  if (x < -1) return logErfc(-INV_SQRT_2 * x) - Math.LN2;
  // upper side: log(1 - Phi(-x)) = log1p(-0.5 erfc(x/sqrt2))
  return Math.log1p(-0.5 * erfc(INV_SQRT_2 * x));
}

/** d/dx log Phi(x) = phi(x)/Phi(x) (the inverse Mills ratio), stable in the lower tail. */
export function logPhiDeriv(x: number): number {
  if (x < -1) {
    // phi(x)/Phi(x) = exp(log phi - log Phi)
    return Math.exp(-0.5 * x * x - 0.9189385332046728 - logPhi(x));
  }
  return (INV_SQRT_2PI * Math.exp(-0.5 * x * x)) / Phi(x);
}

/** Standard normal density. */
export function phiDensity(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Stan's Phi_approx(x) = inv_logit(0.07056 x^3 + 1.5976 x). */
export function PhiApprox(x: number): number {
  return invLogit(0.07056 * x * x * x + 1.5976 * x);
}

/** d/dx Phi_approx(x). */
export function PhiApproxDeriv(x: number): number {
  const p = PhiApprox(x);
  return p * (1 - p) * (3 * 0.07056 * x * x + 1.5976);
}

/**
 * inv_Phi(p): the standard normal quantile. d/dp = 1/phi(inv_Phi(p)).
 * A rational starting value (Abramowitz & Stegun 26.2.23, |error| < 4.5e-4) refined by Newton
 * steps on erf(x/sqrt2) = 2p-1 in the centre (relative accuracy near 0) and on log Phi in the tails.
 */
export function invPhi(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  let x = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  if (p < 0.5) x = -x;
  if (p > 0.2 && p < 0.8) {
    const tgt = (p - 0.5) * 2; // exact (Sterbenz) for p in [0.25, 1]
    for (let i = 0; i < 6; i++) {
      const f = erf(x * INV_SQRT_2) - tgt;
      const d = 2 * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
      const step = f / d;
      x -= step;
      if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
    }
    return x;
  }
  // tails: work with the smaller tail probability q and x < 0 by symmetry
  const logq = Math.log(q);
  let z = -Math.abs(x);
  for (let i = 0; i < 8; i++) {
    const f = logPhi(z) - logq;
    const step = f / logPhiDeriv(z);
    z -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(z)) break;
  }
  return p < 0.5 ? z : -z;
}
