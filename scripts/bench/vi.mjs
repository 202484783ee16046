// Variational fits on the hand-written test targets: wall time, iterations, gradient evaluations,
// log-density-only evaluations (ELBO estimates, output draws), stop
// code, k-hat, and accuracy against the known answer (standardized mean error and sd ratio, worst
// coordinate) for each method and algorithm. Run after `npx tsc -p .`:
//   node scripts/bench/vi.mjs [--seeds N]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { fitVariational } = require(path.join(root, 'out/src/core/infer/fitVariational.js'));
const T = require(path.join(root, 'out/test/support/targets.js'));
const { Rng } = require(path.join(root, 'out/src/core/infer/rng.js'));

const seedsAt = process.argv.indexOf('--seeds');
const nSeeds = seedsAt >= 0 ? Number(process.argv[seedsAt + 1]) : 3;

const rng = new Rng(2024, 0);
const y = Array.from({ length: 100 }, () => 2 + rng.normal());
const nm = T.normalMeanTarget(y);
const counts = [[12, 40, 3], [15, 38, 5], [9, 45, 2], [14, 41, 4], [11, 36, 6], [13, 44, 3]];
const gp = T.gammaPoissonTarget([2, 5, 1], 2, counts);

// Known answers on the unconstrained scale (exact for Gaussians; for Gamma–Poisson the log-gamma
// posterior's mean digamma(a) − log b and sd sqrt(trigamma(a))).
const trigamma = (a) => { let s = 0; while (a < 20) { s += 1 / (a * a); a++; } return s + 1 / a + 1 / (2 * a * a) + 1 / (6 * a ** 3) - 1 / (30 * a ** 5); };
const digamma = (a) => { let s = 0; while (a < 20) { s -= 1 / a; a++; } return s + Math.log(a) - 1 / (2 * a) - 1 / (12 * a * a) + 1 / (120 * a ** 4); };
const targets = [
  { name: 'normal mean (1-d)', target: nm.target, mean: [nm.postMean], sd: [nm.postSd] },
  { name: 'Gaussian r=0.9 (2-d)', target: T.correlatedGaussianTarget(0.9), mean: [1, -1], sd: [1, 1] },
  { name: 'Gamma-Poisson (3-d)', target: gp.target, mean: gp.shape.map((a) => digamma(a) - Math.log(gp.rate)), sd: gp.shape.map((a) => Math.sqrt(trigamma(a))) },
  { name: 'standard normal (50-d)', target: T.standardNormalTarget(50, 1), mean: Array(50).fill(1), sd: Array(50).fill(1) },
  { name: 'banana (2-d)', target: T.bananaTarget(0.03), mean: null, sd: null },
  { name: 'eight schools centered (10-d)', target: T.eightSchoolsCenteredTarget(), mean: null, sd: null },
];
const configs = [
  { label: 'meanfield robust', method: 'meanfield', algorithm: 'robust' },
  { label: 'meanfield stan', method: 'meanfield', algorithm: 'stan' },
  { label: 'fullrank robust', method: 'fullrank', algorithm: 'robust' },
  { label: 'fullrank stan', method: 'fullrank', algorithm: 'stan' },
  { label: 'pathfinder 1 path', method: 'pathfinder', numPaths: 1 },
  { label: 'pathfinder 4 paths', method: 'pathfinder' },
];

function moments(draws, dim) {
  const n = draws.length / dim;
  const m = new Array(dim).fill(0);
  const v = new Array(dim).fill(0);
  for (let s = 0; s < n; s++) for (let i = 0; i < dim; i++) m[i] += draws[s * dim + i] / n;
  for (let s = 0; s < n; s++) for (let i = 0; i < dim; i++) v[i] += (draws[s * dim + i] - m[i]) ** 2 / (n - 1);
  return { m, sd: v.map(Math.sqrt) };
}

const pad = (s, w) => String(s).padEnd(w);
const num = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
console.log(`${pad('target', 30)}${pad('method', 20)}${pad('seconds', 9)}${pad('iters', 8)}${pad('grads', 9)}${pad('logp', 8)}${pad('stop', 27)}${pad('khat', 7)}${pad('max|SME|', 10)}sd ratio range`);
for (const t of targets) {
  for (const c of configs) {
    for (let seed = 1; seed <= nSeeds; seed++) {
      const t0 = performance.now();
      const r = await fitVariational(t.target, { ...c, seed });
      const seconds = (performance.now() - t0) / 1000;
      let sme = '', ratio = '';
      if (r.ok && t.mean) {
        const { m, sd } = moments(r.draws, r.dim);
        sme = num(Math.max(...m.map((v, i) => Math.abs(v - t.mean[i]) / t.sd[i])));
        const ratios = sd.map((v, i) => v / t.sd[i]);
        ratio = `${num(Math.min(...ratios))}–${num(Math.max(...ratios))}`;
      }
      console.log(`${pad(seed === 1 ? t.name : '', 30)}${pad(c.label, 20)}${pad(num(seconds), 9)}${pad(r.iterations, 8)}${pad(r.gradientEvaluations, 9)}${pad(r.logDensityEvaluations, 8)}${pad(r.stopCode, 27)}${pad(num(r.khat, 2), 7)}${pad(sme, 10)}${ratio}`);
    }
  }
}
