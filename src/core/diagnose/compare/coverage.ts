/**
 * Coverage of the reference's central 90% interval [ref q5, ref q95] by the approximation, two ways:
 *
 * - `coverage90` (the mass): the fraction of the approximation's draws that fall inside the reference
 *   interval; 0.90 when the marginals agree, nearer 1 when the approximation is too narrow, lower when
 *   it is too wide or shifted.
 * - `intervalOverlap90`: the length of the intersection of the approximation's own 5–95% interval with
 *   the reference's, as a fraction of the reference interval's length; 1 when the approximation's
 *   interval spans the reference's, lower when it is too narrow or shifted.
 */
export function massInside(draws: ArrayLike<number>, lo: number, hi: number): number {
  const n = draws.length;
  if (n === 0 || !(hi >= lo)) return NaN;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const v = draws[i];
    if (Number.isNaN(v)) return NaN;
    if (v >= lo && v <= hi) inside++;
  }
  return inside / n;
}

/** Length of [qLo, qHi] ∩ [refLo, refHi] over the reference length (NaN for an empty reference interval). */
export function intervalOverlap(qLo: number, qHi: number, refLo: number, refHi: number): number {
  const width = refHi - refLo;
  if (!(width > 0) || !(qHi >= qLo)) return NaN;
  const overlap = Math.min(qHi, refHi) - Math.max(qLo, refLo);
  return Math.max(0, overlap) / width;
}
