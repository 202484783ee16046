import { Rng } from '../rng';
import { LogDensityTarget } from '../target';
import { PhasePoint } from './phasePoint';

export interface InitResult {
  ok: boolean;
  /** Attempts made (1 when the first point worked). */
  tries: number;
  /** Why every attempt failed (only when !ok), naming coordinates where it can. */
  message?: string;
}

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x));

/**
 * Stan's random initialisation: each coordinate uniform(−radius, radius) on the unconstrained
 * scale (radius 2), retried up to maxTries times until the log density and every gradient
 * component are finite. A given point (user inits) is tried once, as is radius 0 (all zeros).
 * On success z holds the point, its log density and gradient.
 */
export function initialise(
  target: LogDensityTarget, rng: Rng, z: PhasePoint, radius = 2, maxTries = 100, given?: ArrayLike<number>,
): InitResult {
  const n = target.dim;
  const names = target.coordinateNames;
  const tries = given || radius === 0 ? 1 : maxTries;
  const badGradient = new Map<number, number>(); // coordinate -> tries where its gradient was not finite
  let densityFailures = 0;
  let thrown = 0;
  const rejections = new Map<string, number>();
  let lastLp = NaN;
  for (let t = 1; t <= tries; t++) {
    for (let i = 0; i < n; i++) z.q[i] = given ? given[i] : radius === 0 ? 0 : radius * (2 * rng.uniform() - 1);
    z.g.fill(0);
    let lp: number;
    try {
      lp = target.logDensityGradient(z.q, z.g);
    } catch (e) {
      thrown++;
      const msg = e instanceof Error ? e.message : String(e);
      rejections.set(msg, (rejections.get(msg) ?? 0) + 1);
      continue;
    }
    lastLp = lp;
    z.lp = lp;
    if (!Number.isFinite(lp)) {
      densityFailures++;
      const why = target.lastRejection?.();
      if (why) rejections.set(why, (rejections.get(why) ?? 0) + 1);
      continue;
    }
    let gradientOk = true;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(z.g[i])) {
        gradientOk = false;
        badGradient.set(i, (badGradient.get(i) ?? 0) + 1);
      }
    }
    if (gradientOk) return { ok: true, tries: t };
  }

  const where = given ? 'at the given initial values' : radius === 0 ? 'at zero' : `between (${-radius}, ${radius})`;
  const parts: string[] = [];
  if (densityFailures > 0) {
    parts.push(`the log density was ${fmt(lastLp)} in ${densityFailures} of ${tries} attempts`);
  }
  if (badGradient.size > 0) {
    const coords = [...badGradient.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([i, c]) => `${names[i] ?? `#${i + 1}`} (${c} of ${tries})`);
    const shown = coords.slice(0, 8).join(', ') + (coords.length > 8 ? `, and ${coords.length - 8} more` : '');
    parts.push(`the gradient was not finite in coordinate${coords.length > 1 ? 's' : ''} ${shown}`);
  }
  if (thrown > 0) parts.push(`evaluating the model failed with an error in ${thrown} of ${tries} attempts`);
  if (rejections.size > 0) {
    const [msg, count] = [...rejections.entries()].sort((a, b) => b[1] - a[1])[0];
    parts.push(`rejected ${count} time${count > 1 ? 's' : ''} with: ${msg}`);
  }
  const last = n > 0 ? ` Last point tried: ${[...z.q.slice(0, 8)].map((x, i) => `${names[i] ?? `#${i + 1}`} = ${fmt(x)}`).join(', ')}${n > 8 ? ', …' : ''}.` : '';
  return {
    ok: false,
    tries,
    message:
      `Initialization ${where} failed after ${tries} attempt${tries > 1 ? 's' : ''}: ${parts.join('; ')}.${last}` +
      ' Try specifying initial values, reducing ranges of constrained values, or reparameterizing the model.',
  };
}
