/**
 * zeta(k) - 1 for integers k >= 2, tabulated once at load by Euler-Maclaurin summation
 * (terms n = 2..N-1 plus the tail), accurate to a few ulps. Used by the lgamma series.
 */
function computeZetaMinusOne(k: number): number {
  const N = 20;
  let s = 0;
  for (let n = N - 1; n >= 2; n--) s += Math.pow(n, -k);
  // tail: sum_{n>=N} n^-k = N^{1-k}/(k-1) + N^-k/2 + Bernoulli corrections
  const Nk = Math.pow(N, -k);
  let tail = (N * Nk) / (k - 1) + Nk / 2;
  tail += (k * Nk) / (12 * N);
  tail -= (k * (k + 1) * (k + 2) * Nk) / (720 * N * N * N);
  tail += (k * (k + 1) * (k + 2) * (k + 3) * (k + 4) * Nk) / (30240 * Math.pow(N, 5));
  return s + tail;
}

export const ZETA_MINUS_ONE_TERMS = 64;
/** ZETA_M1[k] = zeta(k) - 1 for k = 2..ZETA_MINUS_ONE_TERMS+1 (indices 0, 1 unused). */
export const ZETA_M1 = new Float64Array(ZETA_MINUS_ONE_TERMS + 2);
for (let k = 2; k < ZETA_M1.length; k++) ZETA_M1[k] = computeZetaMinusOne(k);
