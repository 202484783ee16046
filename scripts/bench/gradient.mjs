// One gradient of the log density: Vigil's generated code against a hand-written JavaScript gradient of
// the same model, printed side by side (median over batches). Run after `npx tsc -p .`:
//   node scripts/bench/gradient.mjs
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { compileModel } = require(path.join(root, 'out/src/core/codegen/loadModel.js'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Time per call in microseconds of each function, batches interleaved (the machine may be shared, so
// the functions see the same load): the median per function, and the median of the per-batch ratios
// of each to the last one.
function timeAll(fs, reps, batches) {
  for (const f of fs) for (let i = 0; i < reps; i++) f(); // warm up
  const per = fs.map(() => []);
  for (let b = 0; b < batches; b++) {
    fs.forEach((f, j) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) f();
      per[j].push(Number(process.hrtime.bigint() - t0) / 1e3 / reps);
    });
  }
  const last = per[per.length - 1];
  const min = (xs) => Math.min(...xs);
  return { times: per.map(median), ratios: per.map((p) => median(p.map((x, b) => x / last[b]))), mins: per.map(min) };
}

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

// ----- eight schools, non-centered -----
const eightSrc = `
data { int<lower=0> J; array[J] real y; array[J] real<lower=0> sigma; }
parameters { real mu; real<lower=0> tau; vector[J] theta_tilde; }
transformed parameters { vector[J] theta = mu + tau * theta_tilde; }
model { mu ~ normal(0, 5); tau ~ cauchy(0, 5); theta_tilde ~ normal(0, 1); y ~ normal(theta, sigma); }`;
const y8 = [28, 8, -3, 7, -1, 1, 18, 12];
const s8 = [15, 10, 16, 11, 9, 11, 10, 18];

// Hand-written: the same density (constants dropped) and gradient, with the log-Jacobian of tau.
const Y8 = Float64Array.from(y8), S8 = Float64Array.from(s8);
function eightHand(th, g) {
  const mu = th[0], lt = th[1], tau = Math.exp(lt);
  let lp = (-mu * mu) / 50 - Math.log1p((tau * tau) / 25) + lt;
  let gmu = -mu / 25;
  let gtau = (-2 * tau) / 25 / (1 + (tau * tau) / 25);
  for (let j = 0; j < 8; j++) {
    const t = th[2 + j];
    const inv = 1 / S8[j];
    const z = (Y8[j] - mu - tau * t) * inv;
    lp += -0.5 * t * t - 0.5 * z * z;
    const dz = z * inv; // d lp / d theta_j
    gmu += dz;
    gtau += dz * t;
    g[2 + j] = -t + dz * tau;
  }
  g[0] = gmu;
  g[1] = gtau * tau + 1;
  return lp;
}

// ----- logistic regression, N = 5000, D = 20 -----
const N = 5000, D = 20;
const rnd = lcg(42);
const X = Array.from({ length: N }, () => Array.from({ length: D }, () => rnd() * 2 - 1));
const beta0 = Array.from({ length: D }, () => rnd() - 0.5);
const yl = X.map((row) => (rnd() < 1 / (1 + Math.exp(-row.reduce((s, x, d) => s + x * beta0[d], 0.3))) ? 1 : 0));
const logisticSrc = `
data { int<lower=0> N; int<lower=0> D; matrix[N, D] X; array[N] int<lower=0, upper=1> y; }
parameters { real alpha; vector[D] beta; }
model { alpha ~ normal(0, 2); beta ~ normal(0, 1); y ~ bernoulli_logit(alpha + X * beta); }`;

const Xc = new Float64Array(N * D); // column-major, as a hand-written Stan-like code would hold it
for (let n = 0; n < N; n++) for (let d = 0; d < D; d++) Xc[d * N + n] = X[n][d];
const Yl = Float64Array.from(yl);
const eta = new Float64Array(N);
function logisticHand(th, g) {
  const alpha = th[0];
  let lp = (-alpha * alpha) / 8;
  g[0] = -alpha / 4;
  for (let d = 0; d < D; d++) {
    lp -= 0.5 * th[1 + d] * th[1 + d];
    g[1 + d] = -th[1 + d];
  }
  eta.fill(alpha);
  for (let d = 0; d < D; d++) {
    const b = th[1 + d], o = d * N;
    for (let n = 0; n < N; n++) eta[n] += Xc[o + n] * b;
  }
  let ga = 0;
  for (let n = 0; n < N; n++) {
    const e = eta[n];
    // log inv_logit(e) if y = 1, log(1 - inv_logit(e)) if y = 0
    const s = Yl[n] === 1 ? e : -e;
    lp -= s > 0 ? Math.log1p(Math.exp(-s)) : -s + Math.log1p(Math.exp(s));
    eta[n] = Yl[n] - 1 / (1 + Math.exp(-e)); // reuse as d lp / d eta
    ga += eta[n];
  }
  g[0] += ga;
  for (let d = 0; d < D; d++) {
    let s = 0;
    const o = d * N;
    for (let n = 0; n < N; n++) s += Xc[o + n] * eta[n];
    g[1 + d] += s;
  }
  return lp;
}

function check(name, model, hand, th) {
  const g1 = new Float64Array(model.dim), g2 = new Float64Array(model.dim);
  model.logDensityGradient(th, g1);
  hand(th, g2);
  let worst = 0;
  for (let i = 0; i < g1.length; i++) worst = Math.max(worst, Math.abs(g1[i] - g2[i]) / Math.max(1, Math.abs(g2[i])));
  if (worst > 1e-8) throw new Error(`${name}: generated and hand-written gradients differ (${worst})`);
}

function bench(name, src, data, hand, reps, batches) {
  const r = compileModel(src, data);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.diagnostics)}`);
  const m = r.model;
  const th = Float64Array.from({ length: m.dim }, (_, i) => Math.sin(i + 1) * 0.5);
  check(name, m, hand, th);
  const g = new Float64Array(m.dim), g2 = new Float64Array(m.dim);
  const { times, ratios, mins } = timeAll([() => m.logDensityGradient(th, g), () => m.logDensity(th), () => hand(th, g2)], reps, batches);
  const fmt = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1)).padStart(9);
  console.log(`${name.padEnd(34)} ${fmt(times[0])} µs ${fmt(times[1])} µs ${fmt(times[2])} µs   ${ratios[0].toFixed(2)}×   (fastest batches: ${fmt(mins[0]).trim()} vs ${fmt(mins[2]).trim()} µs, ${(mins[0] / mins[2]).toFixed(2)}×)`);
}

console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (medians suffer on a loaded machine; the fastest batches show the code's own speed)`);
console.log(`${'model'.padEnd(34)} ${'gradient'.padStart(12)} ${'value only'.padStart(12)} ${'hand grad'.padStart(12)}   gradient / hand (median of interleaved batches)`);
bench('eight schools, non-centered', eightSrc, { J: 8, y: y8, sigma: s8 }, eightHand, 20000, 41);
bench(`logistic regression N=${N} D=${D}`, logisticSrc, { N, D, X, y: yl }, logisticHand, 20, 31);
