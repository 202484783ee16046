// The constants a Stan program's `~` statements drop, found by compiling the program twice: as written,
// and with every `y ~ dist(args);` rewritten to `target += dist_lpdf(y | args);` (which keeps them).
// Their difference is Stan's log_prob with propto = false minus ours, what Stan's ADVI adds to its ELBO.
import { compileModel } from '../../src/core/codegen/loadModel';

const DISCRETE = /^(bernoulli|bernoulli_logit|binomial|binomial_logit|poisson|poisson_log|neg_binomial|neg_binomial_2|neg_binomial_2_log|beta_binomial|categorical|categorical_logit|multinomial|ordered_logistic)$/;

/** Rewrites single-statement `~` sampling statements (no truncation) into `target +=` with constants. */
export function keepConstants(source: string): string {
  return source.replace(/([^;{}\n]+?)\s*~\s*([A-Za-z_]\w*)\s*\(([^;]*)\)\s*;/g, (_m, lhs: string, dist: string, args: string) => {
    const suffix = DISCRETE.test(dist) ? 'lpmf' : 'lpdf';
    const rest = args.trim() === '' ? '' : ` | ${args.trim()}`;
    return `target += ${dist}_${suffix}(${lhs.trim()}${rest});`;
  });
}

/** log p with constants minus our log p, checked constant at two points. */
export function droppedConstant(source: string, data: Record<string, unknown>): number {
  const a = compileModel(source, data);
  const b = compileModel(keepConstants(source), data);
  if (!a.ok || !b.ok) throw new Error('model does not compile');
  const at = (x: number) => {
    const theta = new Float64Array(a.model.dim).map((_, i) => x * Math.sin(i + 1));
    return b.model.logDensity(theta) - a.model.logDensity(theta);
  };
  const c1 = at(0.3);
  const c2 = at(-0.7);
  if (!(Math.abs(c1 - c2) <= 1e-8 * Math.max(1, Math.abs(c1)))) throw new Error(`dropped terms depend on the parameters: ${c1} vs ${c2}`);
  return c1;
}
