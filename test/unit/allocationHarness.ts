// Measures bytes allocated on the JS heap per call of a function (used by allocation.test.ts and
// scripts/bench/allocation.mjs). Calls run in chunks short enough that most contain no scavenge; chunks
// whose used heap shrank (a collection ran) are left out; the same measurement of an empty function is
// subtracted (reading the heap statistics allocates a little itself).
import v8 from 'node:v8';

function heapGrowthPerCall(f: () => unknown, total: number, chunk: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  for (let i = 0; i < chunk * 4; i++) f(); // warm up (compile) before measuring
  let bytes = 0;
  let calls = 0;
  for (let done = 0; done < total; done += chunk) {
    const before = v8.getHeapStatistics().used_heap_size;
    for (let i = 0; i < chunk; i++) f();
    const grown = v8.getHeapStatistics().used_heap_size - before;
    if (grown < 0) continue;
    bytes += grown;
    calls += chunk;
  }
  return calls ? bytes / calls : NaN;
}

export function bytesPerCall(f: () => unknown, total = 100000, chunk = 500): number {
  let sink = 0;
  const empty = () => (sink += 1);
  const base = heapGrowthPerCall(empty, total, chunk);
  return Math.max(0, heapGrowthPerCall(f, total, chunk) - base) + sink * 0;
}

export const allocationModels = [
  {
    name: 'eight schools, non-centered',
    src: `data { int<lower=0> J; array[J] real y; array[J] real<lower=0> sigma; }
parameters { real mu; real<lower=0> tau; vector[J] theta_tilde; }
transformed parameters { vector[J] theta = mu + tau * theta_tilde; }
model { mu ~ normal(0, 5); tau ~ cauchy(0, 5); theta_tilde ~ normal(0, 1); y ~ normal(theta, sigma); }`,
    data: { J: 8, y: [28, 8, -3, 7, -1, 1, 18, 12], sigma: [15, 10, 16, 11, 9, 11, 10, 18] },
  },
  {
    name: 'a loop model (tape)',
    src: `data { int N; array[N] real y; }
parameters { real mu; real<lower=0> sigma; }
model {
  real acc = 0;
  for (n in 1:N) {
    if (y[n] > 0) y[n] ~ normal(mu, sigma);
    else acc += normal_lpdf(y[n] | mu, 2 * sigma);
  }
  target += acc;
  mu ~ normal(0, 1);
  sigma ~ exponential(1);
}`,
    data: { N: 6, y: [0.3, -1.2, 2.2, 0.8, -0.4, 1.5] },
  },
];
