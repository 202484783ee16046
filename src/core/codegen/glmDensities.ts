// The GLM densities (bernoulli_logit_glm, poisson_log_glm, normal_id_glm) over the math library's
// kernels, which compute the linear predictor x * beta + alpha once and add their partials into arrays.
// In gradient code any argument may hold tape nodes (mask bit i: argument i does); the call becomes one
// node with an edge per parameter-dependent element.
import { bernoulliLogitGlmLpmf } from '../math/distributions/bernoulliLogitGlm';
import type { GlmGrads } from '../math/distributions/glmScratch';
import { normalIdGlmLpdf } from '../math/distributions/normalIdGlm';
import { poissonLogGlmLpmf } from '../math/distributions/poissonLogGlm';
import { Mat } from './mat';
import { type Arg, finish, grads, ok, values } from './matrixDensities';
import type { Tape } from './tape';

type Kind = 'bernoulli_logit_glm' | 'poisson_log_glm' | 'normal_id_glm';

function glm(kind: Kind, T: Tape | null, flags: number, mask: number, args: Arg[]): number {
  const x = args[1];
  // x: an N x K matrix, or a row vector (one observation).
  const N = x instanceof Mat ? x.rows : 1;
  const K = x instanceof Mat ? x.cols : (x as ArrayLike<number>).length;
  const g = grads(T, mask, args);
  const rec: GlmGrads = { y: g[0], x: g[1], alpha: g[2], beta: g[3], sigma: g[4] ?? null };
  const v = (i: number) => values(T, args[i], (mask & (1 << i)) !== 0);
  const G = T ? rec : null;
  let lp: number;
  if (kind === 'normal_id_glm') lp = normalIdGlmLpdf(G, flags, v(0), v(1) as Float64Array, N, K, v(2), v(3) as Float64Array, v(4));
  else if (kind === 'poisson_log_glm') lp = poissonLogGlmLpmf(G, flags, v(0), v(1) as Float64Array, N, K, v(2), v(3) as Float64Array);
  else lp = bernoulliLogitGlmLpmf(G, flags, v(0), v(1) as Float64Array, N, K, v(2), v(3) as Float64Array);
  return finish(T, ok(lp, `${kind}_${kind === 'normal_id_glm' ? 'lpdf' : 'lpmf'}`), mask, args, g);
}

export const bernoulliLogitGlm = (T: Tape | null, f: number, m: number, y: Arg, x: Arg, alpha: Arg, beta: Arg): number => glm('bernoulli_logit_glm', T, f, m, [y, x, alpha, beta]);
export const poissonLogGlm = (T: Tape | null, f: number, m: number, y: Arg, x: Arg, alpha: Arg, beta: Arg): number => glm('poisson_log_glm', T, f, m, [y, x, alpha, beta]);
export const normalIdGlm = (T: Tape | null, f: number, m: number, y: Arg, x: Arg, alpha: Arg, beta: Arg, sigma: Arg): number => glm('normal_id_glm', T, f, m, [y, x, alpha, beta, sigma]);
