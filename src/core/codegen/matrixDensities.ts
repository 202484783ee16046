// Matrix-variate and ordinal densities from the math library (kernels that ADD partials into arrays):
// lkj_corr, wishart, inv_wishart, ordered_logistic. In gradient code any argument may hold tape nodes
// (mask bit i = argument i does); the call becomes one node with an edge per parameter-dependent element.
import { invWishartLpdf } from '../math/distributions/invWishart';
import { lkjCorrLpdf } from '../math/distributions/lkjCorr';
import { orderedLogisticLpmf } from '../math/distributions/orderedLogistic';
import { wishartLpdf } from '../math/distributions/wishart';
import { clearMathError, formatMathError } from '../math/mathError';
import { Mat } from './mat';
import { StanError } from './stanError';
import type { Tape } from './tape';

export type Arg = number | ArrayLike<number> | Mat;

function flat(x: Arg): number | ArrayLike<number> {
  return x instanceof Mat ? x.data : x;
}

export function values(T: Tape | null, x: Arg, node: boolean): number | Float64Array {
  const f = flat(x);
  if (typeof f === 'number') return node && T ? T.val[f] : f;
  return Float64Array.from(f, (v) => (node && T ? T.val[v] : v));
}

export function ok(v: number, fn: string): number {
  if (v !== v) {
    const msg = formatMathError() || `${fn}: the result is not a number.`;
    clearMathError();
    throw new StanError(msg);
  }
  return v;
}

export function grads(T: Tape | null, mask: number, args: Arg[]): (Float64Array | null)[] {
  return args.map((a, i) => {
    if (!T || (mask & (1 << i)) === 0) return null;
    const f = flat(a);
    return new Float64Array(typeof f === 'number' ? 1 : f.length);
  });
}

export function finish(T: Tape | null, v: number, mask: number, args: Arg[], g: (Float64Array | null)[]): number {
  if (!T) return v;
  const k = T.node(v);
  args.forEach((a, i) => {
    const gi = g[i];
    if ((mask & (1 << i)) === 0 || !gi) return;
    const f = flat(a);
    if (typeof f === 'number') T.edge(k, f, gi[0]);
    else for (let j = 0; j < f.length; j++) if (gi[j] !== 0) T.edge(k, f[j], gi[j]);
  });
  return k;
}

// T null: value code (numbers); otherwise gradient code.
export function lkjCorr(T: Tape | null, flags: number, mask: number, Omega: Mat, eta: number): number {
  const args: Arg[] = [Omega, eta];
  const g = grads(T, mask, args);
  const v = ok(lkjCorrLpdf(g[0], g[1], flags, values(T, Omega, (mask & 1) !== 0) as Float64Array, Omega.rows, values(T, eta, (mask & 2) !== 0) as number), 'lkj_corr_lpdf');
  return finish(T, v, mask, args, g);
}

function wishartLike(inv: boolean, T: Tape | null, flags: number, mask: number, W: Mat, nu: number, S: Mat): number {
  const args: Arg[] = [W, nu, S];
  const g = grads(T, mask, args);
  const k = inv ? invWishartLpdf : wishartLpdf;
  const v = ok(
    k(T ? { W: g[0], nu: g[1], S: g[2] } : null, flags, values(T, W, (mask & 1) !== 0) as Float64Array, values(T, nu, (mask & 2) !== 0) as number, values(T, S, (mask & 4) !== 0) as Float64Array, W.rows),
    inv ? 'inv_wishart_lpdf' : 'wishart_lpdf',
  );
  return finish(T, v, mask, args, g);
}
export const wishart = (T: Tape | null, f: number, m: number, W: Mat, nu: number, S: Mat): number => wishartLike(false, T, f, m, W, nu, S);
export const invWishart = (T: Tape | null, f: number, m: number, W: Mat, nu: number, S: Mat): number => wishartLike(true, T, f, m, W, nu, S);

export function orderedLogistic(T: Tape | null, flags: number, mask: number, y: number | ArrayLike<number>, eta: number | ArrayLike<number>, c: ArrayLike<number>): number {
  const args: Arg[] = [y, eta, c];
  const g = grads(T, mask & 6, args);
  const v = ok(orderedLogisticLpmf(g[1], g[2], flags, y, values(T, eta, (mask & 2) !== 0), values(T, c, (mask & 4) !== 0) as Float64Array), 'ordered_logistic_lpmf');
  return finish(T, v, mask & 6, args, g);
}
