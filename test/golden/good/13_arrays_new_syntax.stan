data {
  int<lower=1> N;
  int<lower=1> M;
  array[N] real y;
  array[N, M] int<lower=0> counts;
  array[N] vector[M] xs;
  array[N, 2, 3] real cube;
}
parameters {
  array[M] real<lower=0> lambda;
}
model {
  lambda ~ gamma(2, 1);
  for (n in 1:N) {
    counts[n] ~ poisson(lambda);
  }
}
