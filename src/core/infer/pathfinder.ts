import { importanceResample, paretoKThreshold, psis } from '../diagnose';
import type { FitControl } from './adviOptions';
import { fmt } from './adviContext';
import { FitClock } from './cancellation';
import type { EvaluationCounter } from './elbo';
import { findInitialPoint, InitOptions } from './initialPoint';
import { lbfgs, LbfgsOptions } from './lbfgs';
import { CurvaturePair, LowRankNormal, updateDiagonal } from './lowRankNormal';
import type { ElboTraceEntry } from './progress';
import { exactKhat, psisCorrection } from './psisCorrection';
import { Rng } from './rng';
import type { LogDensityTarget } from './target';
import type { PsisSummary, StopCode, VariationalResult } from './viResult';
import { buildResult } from './viResultBuilder';

export interface PathfinderOptions extends FitControl, InitOptions, LbfgsOptions {
  /** Independent paths (Stan: num_paths 4); 1 gives single-path Pathfinder. */
  numPaths?: number;
  /** Draws per ELBO estimate along the path (Stan: num_elbo_draws 25). */
  numElboDraws?: number;
  /** Draws from each path's best approximation (Stan: num_draws 1000). */
  numDraws?: number;
}

interface PathOutcome {
  best: LowRankNormal | null;
  bestElbo: number;
  bestMcse: number;
  bestIteration: number;
  iterations: number;
  converged: boolean;
  message: string;
  interrupted?: 'cancelled' | 'time-budget';
}

const EPSILON = 2.220446049250313e-16;

/** One Pathfinder path: L-BFGS from x0, a normal approximation at every iterate, the best by ELBO. */
async function runPath(
  target: LogDensityTarget, x0: Float64Array, pathIndex: number, rng: Rng, o: Required<Pick<PathfinderOptions, 'numElboDraws' | 'historySize'>> & PathfinderOptions,
  counter: EvaluationCounter, clock: FitClock, trace: ElboTraceEntry[],
): Promise<PathOutcome> {
  const opt = await lbfgs(target, x0, o, counter, clock);
  const n = target.dim;
  const out: PathOutcome = { best: null, bestElbo: -Infinity, bestMcse: NaN, bestIteration: 0, iterations: Math.max(0, opt.path.length - 1), converged: opt.converged, message: opt.message, interrupted: opt.interrupted };
  if (opt.interrupted === 'cancelled') return out;
  const alpha = new Float64Array(n).fill(1);
  const pairs: CurvaturePair[] = [];
  const theta = new Float64Array(n);
  const u = new Float64Array(n);
  const ratios = new Float64Array(o.numElboDraws);
  for (let l = 1; l < opt.path.length; l++) {
    const a = opt.path[l - 1];
    const b = opt.path[l];
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = b.x[i] - a.x[i];
      y[i] = a.gradient[i] - b.gradient[i]; // Δ∇f with f = −log p
    }
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) { sy += s[i] * y[i]; yy += y[i] * y[i]; }
    if (sy > EPSILON * yy) {
      updateDiagonal(alpha, { s, y });
      pairs.push({ s, y });
      if (pairs.length > o.historySize) pairs.shift();
    }
    const approx = LowRankNormal.build(b.x, b.gradient, pairs, alpha);
    let elbo = -Infinity;
    let mcse = NaN;
    if (approx) {
      let sum = 0;
      let sumSq = 0;
      for (let k = 0; k < o.numElboDraws; k++) {
        const lq = approx.sample(rng, theta, u);
        const lp = target.logDensity(theta);
        counter.value++;
        ratios[k] = lp - lq;
        sum += ratios[k];
      }
      const mean = sum / o.numElboDraws;
      for (let k = 0; k < o.numElboDraws; k++) sumSq += (ratios[k] - mean) ** 2;
      elbo = Number.isFinite(mean) ? mean : -Infinity;
      mcse = Math.sqrt(sumSq / Math.max(1, o.numElboDraws - 1) / o.numElboDraws);
    }
    const step = Math.sqrt(s.reduce((acc, v) => acc + v * v, 0));
    const entry: ElboTraceEntry = { iteration: l, elbo, mcse, stepSize: step, path: pathIndex + 1 };
    trace.push(entry);
    o.onProgress?.({ phase: 'approximation', iteration: l, maxIterations: opt.path.length - 1, entry, message: `path ${pathIndex + 1}` });
    if (approx && elbo > out.bestElbo) {
      out.best = approx;
      out.bestElbo = elbo;
      out.bestMcse = mcse;
      out.bestIteration = l;
    }
  }
  return out;
}

/**
 * Pathfinder (Zhang, Carpenter, Gelman & Vehtari 2022). Single path (numPaths 1): draws from the
 * best approximation, with the PSIS check offered as for ADVI. Multi-path: each path's draws
 * pooled and importance-resampled with PSIS weights (log p − log q of the path that drew them).
 */
export async function fitPathfinder(target: LogDensityTarget, options: PathfinderOptions = {}): Promise<VariationalResult> {
  const seed = options.seed ?? 1;
  const numPaths = Math.max(1, Math.floor(options.numPaths ?? 4));
  const numDraws = Math.max(2, Math.floor(options.numDraws ?? options.outputDraws ?? 1000));
  const outputDraws = Math.max(2, Math.floor(options.outputDraws ?? 1000));
  const o = { ...options, numElboDraws: Math.max(1, Math.floor(options.numElboDraws ?? 25)), historySize: Math.max(1, Math.floor(options.historySize ?? 6)) };
  const clock = new FitClock(options.signal, options.timeBudgetSeconds);
  const counter: EvaluationCounter = { gradient: 0, value: 0 };
  const trace: ElboTraceEntry[] = [];
  const algorithm = numPaths === 1 ? 'single-path' as const : 'multi-path' as const;
  const base = { method: 'pathfinder' as const, algorithm, seed, trace, counter, outputDraws };
  const n = target.dim;
  const paths: PathOutcome[] = [];
  const drawsPerPath: { draws: Float64Array; logP: Float64Array; logQ: Float64Array }[] = [];
  let initFailure = '';
  for (let p = 0; p < numPaths; p++) {
    options.onProgress?.({ phase: 'lbfgs', iteration: 0, maxIterations: options.maxIterations ?? 1000, message: `path ${p + 1} of ${numPaths}` });
    const init = findInitialPoint(target, new Rng(seed, 10 + 3 * p), options, counter);
    if (!init.ok) { initFailure = init.reason; continue; }
    const rng = new Rng(seed, 11 + 3 * p);
    const path = await runPath(target, init.theta, p, rng, o, counter, clock, trace);
    if (path.interrupted === 'cancelled') {
      return buildResult(target, { ...base, stopCode: 'cancelled', stopReason: `cancelled during path ${p + 1}`, iterations: path.iterations, seconds: clock.elapsedSeconds() });
    }
    paths.push(path);
    if (path.best) drawsPerPath.push(drawApproximation(target, path.best, new Rng(seed, 12 + 3 * p), numDraws, counter));
    if (path.interrupted === 'time-budget') break;
  }
  const iterations = paths.reduce((a, p) => a + p.iterations, 0);
  if (paths.length === 0) {
    return buildResult(target, { ...base, stopCode: 'init-failed', stopReason: `cannot start: ${initFailure}`, iterations: 0, seconds: clock.elapsedSeconds() });
  }
  let bestPath = -1;
  paths.forEach((p, i) => { if (p.best && (bestPath < 0 || p.bestElbo > paths[bestPath].bestElbo)) bestPath = i; });
  if (bestPath < 0) {
    const why = paths.map((p, i) => `path ${i + 1}: ${p.message}, ${p.iterations} iterations`).join('; ');
    return buildResult(target, { ...base, stopCode: 'no-approximation', stopReason: `no normal approximation along the L-BFGS path had a finite ELBO (${why})`, iterations, seconds: clock.elapsedSeconds() });
  }
  const best = paths[bestPath];
  const psisRng = new Rng(seed, 5);
  let draws: { draws: Float64Array; logP: Float64Array; logQ: Float64Array };
  let psisSummary: PsisSummary;
  if (drawsPerPath.length === 1) {
    draws = drawsPerPath[0];
    psisSummary = psisCorrection(draws.draws, n, draws.logP, draws.logQ, psisRng);
  } else {
    ({ draws, psisSummary } = poolAndResample(drawsPerPath, n, outputDraws, psisRng));
  }
  const interrupted = paths.some((p) => p.interrupted === 'time-budget');
  const converged = paths.filter((p) => p.converged).length;
  const stopCode: StopCode = interrupted ? 'time-budget' : converged > 0 ? 'lbfgs-converged' : 'max-iterations';
  const pathWord = numPaths === 1 ? 'single path' : `${paths.length} paths (${converged} converged)`;
  let stopReason = `${pathWord}: best approximation on path ${bestPath + 1} at L-BFGS iteration ${best.bestIteration} of ${best.iterations} (ELBO ${fmt(best.bestElbo, 5)}); ${best.message}`;
  if (drawsPerPath.length > 1) stopReason += `; ${drawsPerPath.length * numDraws} pooled draws importance-resampled to ${outputDraws} (k̂ ${fmt(psisSummary.khat, 2)})`;
  if (interrupted) stopReason = `time budget exhausted; ${stopReason}`;
  return buildResult(target, {
    ...base, stopCode, stopReason, iterations, approximation: best.best!.approximation(), draws,
    elbo: { elbo: best.bestElbo, mcse: best.bestMcse }, psis: psisSummary, seconds: clock.elapsedSeconds(),
  });
}

function drawApproximation(target: LogDensityTarget, q: LowRankNormal, rng: Rng, ndraws: number, counter: EvaluationCounter) {
  const n = q.dim;
  const draws = new Float64Array(ndraws * n);
  const logP = new Float64Array(ndraws);
  const logQ = new Float64Array(ndraws);
  const u = new Float64Array(n);
  for (let s = 0; s < ndraws; s++) {
    const theta = draws.subarray(s * n, s * n + n);
    logQ[s] = q.sample(rng, theta, u);
    logP[s] = target.logDensity(theta);
    counter.value++;
  }
  return { draws, logP, logQ };
}

/** Multi-path: pool every path's draws and resample by their PSIS weights (always, as Stan does). */
function poolAndResample(parts: { draws: Float64Array; logP: Float64Array; logQ: Float64Array }[], n: number, outputDraws: number, rng: Rng) {
  const S = parts.reduce((a, p) => a + p.logP.length, 0);
  const pooled = new Float64Array(S * n);
  const logP = new Float64Array(S);
  const logQ = new Float64Array(S);
  let off = 0;
  for (const p of parts) {
    pooled.set(p.draws, off * n);
    logP.set(p.logP, off);
    logQ.set(p.logQ, off);
    off += p.logP.length;
  }
  const ratios = logP.map((lp, i) => (Number.isFinite(lp - logQ[i]) ? lp - logQ[i] : -Infinity));
  const res = psis(ratios);
  const threshold = paretoKThreshold(S);
  const idx = res.weights.every(Number.isFinite) && res.weights.some((w) => w > 0)
    ? importanceResample(res.weights, outputDraws, () => rng.uniform())
    : Int32Array.from({ length: outputDraws }, (_, i) => i % S);
  const draws = new Float64Array(outputDraws * n);
  const outP = new Float64Array(outputDraws);
  const outQ = new Float64Array(outputDraws);
  for (let s = 0; s < outputDraws; s++) {
    draws.set(pooled.subarray(idx[s] * n, idx[s] * n + n), s * n);
    outP[s] = logP[idx[s]];
    outQ[s] = logQ[idx[s]];
  }
  const khat = exactKhat(ratios, res.paretoK);
  const psisSummary: PsisSummary = { khat, threshold, nEff: res.nEff, usable: Number.isFinite(khat) && khat < threshold };
  return { draws: { draws, logP: outP, logQ: outQ }, psisSummary };
}
