// gp_exp_quad_cov (cov_exp_quad): K[i,j] = alpha^2 exp(-|x_i - x'_j|^2 / (2 rho^2)) over points that
// are reals or vectors; one set of points (symmetric N x N) or two (N x M). Written over ScalarOps:
// numbers in value code; tape nodes in gradient code, where alpha and rho are lifted and the points are
// nodes only when `xNodes` (parameter points).
import type { ScalarOps } from '../math/transforms/scalarOps';
import { numberOps } from '../math/transforms/scalarOps';
import { Mat } from './mat';
import { StanError } from './stanError';
import { store } from './storage';

type Point = number | ArrayLike<number>;

function checkPositive(ops: ScalarOps, what: string, x: number): void {
  const v = ops.val1(x);
  if (!(v > 0) || v === Infinity) throw new StanError(`gp_exp_quad_cov: ${what} is ${v}, but must be positive finite!`);
}

// |a - b|^2: a number for data points, a node for parameter points.
function squaredDistance(ops: ScalarOps, a: Point, b: Point, xNodes: boolean): number {
  if (typeof a === 'number') {
    if (!xNodes) return (a - (b as number)) ** 2;
    return ops.square(ops.sub(a, b as number));
  }
  const bv = b as ArrayLike<number>;
  if (a.length !== bv.length) throw new StanError(`gp_exp_quad_cov: points of different sizes (${a.length} and ${bv.length}).`);
  if (!xNodes) {
    let s = 0;
    for (let q = 0; q < a.length; q++) s += (a[q] - bv[q]) ** 2;
    return s;
  }
  const d = Array.from(a, (x, q) => ops.sub(x, bv[q]));
  return ops.dot(d, d);
}

export function gpExpQuadCovOps(ops: ScalarOps, x1: ArrayLike<Point>, x2: ArrayLike<Point> | null, alpha: number, rho: number, xNodes = false): Mat {
  checkPositive(ops, 'magnitude', alpha);
  checkPositive(ops, 'length scale', rho);
  const N = x1.length, M = x2 ? x2.length : N;
  const a2 = ops.square(alpha);
  const k = ops.div(ops.c(-0.5), ops.square(rho)); // -1 / (2 rho^2)
  const entry = (p: Point, q: Point): number => {
    const d2 = squaredDistance(ops, p, q, xNodes);
    return ops.mul(a2, ops.exp(xNodes ? ops.mul(k, d2) : ops.mulc(k, d2)));
  };
  const out: number[] = new Array(N * M);
  for (let j = 0; j < M; j++)
    for (let i = 0; i < N; i++) {
      if (x2) out[j * N + i] = entry(x1[i], x2[j]);
      else if (i === j) out[j * N + i] = a2;
      else if (i > j) out[j * N + i] = out[i * N + j] = entry(x1[i], x1[j]);
    }
  return new Mat(N, M, store(ops, out));
}

export const gpExpQuadCov = (x1: ArrayLike<Point>, x2: ArrayLike<Point> | null, alpha: number, rho: number): Mat => gpExpQuadCovOps(numberOps, x1, x2, alpha, rho);
