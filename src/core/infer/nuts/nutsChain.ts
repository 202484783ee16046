import { Rng } from '../rng';
import { LogDensityTarget } from '../target';
import { AdaptationWindows } from './adaptationWindows';
import { DenseMetric } from './denseMetric';
import { DiagMetric } from './diagMetric';
import { Hamiltonian } from './hamiltonian';
import { initialise } from './initialise';
import { initStepsize } from './initStepsize';
import { MetricEstimator } from './metricEstimator';
import { NutsSampler } from './nutsSampler';
import { NutsChainOptions, NutsProgress } from './nutsOptions';
import { emptyDiagnostics, NutsChainResult, SamplerDiagnostics, truncateDiagnostics } from './nutsResult';
import { PhasePoint } from './phasePoint';
import { StepsizeAdaptation } from './stepsizeAdaptation';

/**
 * One chain of Stan's adaptive NUTS (run_adaptive_sampler with adapt_diag_e_nuts /
 * adapt_dense_e_nuts), advanced one iteration at a time so a caller can interleave chains,
 * yield to its event loop, or stop. Chain k draws all its randomness from new Rng(seed, k).
 */
export class NutsChain {
  private readonly opts: NutsChainOptions;
  private readonly dim: number;
  private readonly sampler: NutsSampler;
  private readonly ham: Hamiltonian;
  private readonly adapt: StepsizeAdaptation;
  private readonly windows: AdaptationWindows;
  private readonly estimator: MetricEstimator;
  private readonly scratch: PhasePoint;
  private readonly draws: Float64Array;
  private readonly diag: SamplerDiagnostics;
  private readonly warmDraws: Float64Array | null;
  private readonly warmDiag: SamplerDiagnostics | null;
  private iteration = 0; // completed iterations
  private status: NutsChainResult['status'] = 'ok';
  private message: string | undefined;
  private started = false;
  private finished = false;
  private init: Float64Array;
  private initTries = 0;
  private divergences = 0;
  private warmupDivergences = 0;
  private saturations = 0;
  private warmupMs = 0;
  private samplingMs = 0;

  constructor(
    target: LogDensityTarget,
    options: NutsChainOptions,
    readonly chain: number,
    cancelFlag: Int32Array | null = null,
    private readonly onProgress?: (p: NutsProgress) => void,
  ) {
    this.opts = options;
    const n = (this.dim = target.dim);
    const metric = options.metric === 'dense' ? new DenseMetric(n, options.inverseMetric) : new DiagMetric(n, options.inverseMetric);
    this.ham = new Hamiltonian(target, metric);
    this.sampler = new NutsSampler(this.ham, new Rng(options.seed, chain), cancelFlag);
    this.sampler.maxDepth = options.maxDepth;
    this.sampler.maxDeltaH = options.maxDeltaH;
    this.sampler.stepsize = options.stepsize;
    this.adapt = new StepsizeAdaptation(options.adaptDelta, options.adaptGamma, options.adaptKappa, options.adaptT0);
    this.adapt.mu = Math.log(10 * options.stepsize);
    this.windows = new AdaptationWindows(options.numWarmup, options.initBuffer, options.termBuffer, options.baseWindow);
    this.estimator = new MetricEstimator(n, options.metric === 'dense');
    this.scratch = new PhasePoint(n);
    this.draws = new Float64Array(options.numSamples * n);
    this.diag = emptyDiagnostics(options.numSamples);
    this.warmDraws = options.saveWarmup ? new Float64Array(options.numWarmup * n) : null;
    this.warmDiag = options.saveWarmup ? emptyDiagnostics(options.numWarmup) : null;
    this.init = new Float64Array(n);
  }

  get total(): number {
    return this.opts.numWarmup + this.opts.numSamples;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Runs up to `budgetMs` of iterations (Infinity: to the end); returns true when the chain is done. */
  run(budgetMs = Infinity): boolean {
    const t0 = performance.now();
    if (!this.started) this.start();
    while (!this.finished) {
      this.step();
      if (performance.now() - t0 >= budgetMs) break;
    }
    return this.finished;
  }

  /** Stops the chain before its next iteration (draws so far are kept). */
  cancel(): void {
    if (this.finished) return;
    this.status = 'cancelled';
    this.finish();
  }

  private start(): void {
    this.started = true;
    this.report(); // "started": before the model is first evaluated
    const o = this.opts;
    const given = o.inits?.[this.chain] ?? undefined;
    if (given && given.length !== this.dim) {
      return this.fail(`the initial point has ${given.length} values; the model has ${this.dim} unconstrained coordinates`);
    }
    const r = initialise(this.ham.target, this.sampler.rng, this.sampler.z, o.initRadius, o.initTries, given);
    this.initTries = r.tries;
    this.ham.gradientEvaluations += r.tries;
    this.init = this.sampler.z.q.slice();
    if (!r.ok) return this.fail(r.message ?? 'initialization failed');
    if (this.dim === 0) {
      this.sampler.stepsize = NaN;
    } else if (o.numWarmup > 0) {
      const msg = initStepsize(this.sampler, this.scratch);
      if (msg) return this.fail(msg);
    }
  }

  private step(): void {
    const o = this.opts;
    const s = this.sampler;
    const warm = this.iteration < o.numWarmup;
    const t0 = performance.now();
    if (this.dim > 0) {
      s.transition();
      if (s.cancelled) {
        this.status = 'cancelled';
        this.finish();
        return;
      }
    }
    const k = warm ? this.iteration : this.iteration - o.numWarmup;
    if (warm) {
      if (this.warmDraws && this.warmDiag) this.record(this.warmDraws, this.warmDiag, k);
      if (s.divergent) this.warmupDivergences++;
      if (this.dim > 0 && !this.adaptStep()) return;
    } else {
      this.record(this.draws, this.diag, k);
      if (s.divergent) this.divergences++;
      if (s.treedepth >= o.maxDepth) this.saturations++;
    }
    this.iteration++;
    const dt = performance.now() - t0;
    if (warm) this.warmupMs += dt;
    else this.samplingMs += dt;
    if (this.iteration === o.numWarmup && o.numWarmup > 0 && this.dim > 0) this.sampler.stepsize = this.adapt.final();
    if (this.iteration === this.total) this.finish();
    else if (this.iteration % o.refresh === 0 || this.iteration === o.numWarmup) this.report();
  }

  /** Dual averaging of the step size, then the metric window (Stan's adapt_*_e_nuts::transition). */
  private adaptStep(): boolean {
    const s = this.sampler;
    s.stepsize = this.adapt.learn(s.acceptStat);
    const w = this.windows;
    if (w.inWindow()) this.estimator.add(s.z.q);
    if (w.atWindowEnd()) {
      const inv = this.estimator.estimate();
      if (!inv) {
        this.fail('Numerical overflow in metric adaptation: the sampler met extreme values on the unconstrained space; the posterior may be too wide or improper.');
        return false;
      }
      try {
        this.ham.metric.setInverse(inv);
      } catch (e) {
        this.fail(`metric adaptation failed: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
      this.estimator.restart();
      const msg = initStepsize(s, this.scratch);
      if (msg) {
        this.fail(msg);
        return false;
      }
      this.adapt.mu = Math.log(10 * s.stepsize);
      this.adapt.restart();
    }
    w.advance();
    return true;
  }

  private record(draws: Float64Array, d: SamplerDiagnostics, k: number): void {
    const s = this.sampler;
    draws.set(s.z.q, k * this.dim);
    d.treedepth[k] = s.treedepth;
    d.nLeapfrog[k] = s.nLeapfrog;
    d.divergent[k] = s.divergent ? 1 : 0;
    d.energy[k] = this.dim > 0 ? s.energy : -s.z.lp;
    d.acceptStat[k] = this.dim > 0 ? s.acceptStat : 1;
    d.stepsize[k] = s.stepsize;
    d.lp[k] = s.z.lp;
  }

  private fail(message: string): void {
    this.status = 'failed';
    this.message = message;
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    this.report();
  }

  private report(): void {
    if (!this.onProgress) return;
    const w = this.opts.numWarmup;
    const phase = this.finished ? 'done' : this.iteration < w ? 'warmup' : 'sampling';
    this.onProgress({ chain: this.chain, iteration: this.iteration, total: this.total, phase });
  }

  /** The chain's result; draws are cut to the iterations completed when it was cancelled. */
  result(): NutsChainResult {
    const o = this.opts;
    const nSamp = Math.max(0, Math.min(o.numSamples, this.iteration - o.numWarmup));
    const nWarm = Math.min(o.numWarmup, this.iteration);
    const r: NutsChainResult = {
      chain: this.chain,
      seed: o.seed,
      status: this.status,
      dim: this.dim,
      draws: nSamp === o.numSamples ? this.draws : this.draws.slice(0, nSamp * this.dim),
      numDraws: nSamp,
      sampler: nSamp === o.numSamples ? this.diag : truncateDiagnostics(this.diag, nSamp),
      stepsize: this.sampler.stepsize,
      inverseMetric: this.ham.metric.inverse(),
      metric: o.metric,
      init: this.init,
      initTries: this.initTries,
      divergences: this.divergences,
      warmupDivergences: this.warmupDivergences,
      treedepthSaturations: this.saturations,
      maxDepth: o.maxDepth,
      gradientEvaluations: this.ham.gradientEvaluations,
      timing: { warmupSeconds: this.warmupMs / 1000, samplingSeconds: this.samplingMs / 1000 },
    };
    if (this.message !== undefined) r.message = this.message;
    if (this.warmDraws && this.warmDiag) {
      r.warmup = {
        draws: nWarm === o.numWarmup ? this.warmDraws : this.warmDraws.slice(0, nWarm * this.dim),
        numDraws: nWarm,
        sampler: nWarm === o.numWarmup ? this.warmDiag : truncateDiagnostics(this.warmDiag, nWarm),
      };
    }
    return r;
  }
}
