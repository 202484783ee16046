// Logistic regression with the likelihood parallelised by reduce_sum over a partial-sum function.
functions {
  real partial_sum_lpmf(array[] int y_slice, int start, int end, matrix X, vector beta, real alpha) {
    return bernoulli_logit_lupmf(y_slice | alpha + X[start:end] * beta);
  }
}
data {
  int<lower=0> N;
  int<lower=1> K;
  matrix[N, K] X;
  array[N] int<lower=0, upper=1> y;
  int<lower=1> grainsize;
}
parameters {
  real alpha;
  vector[K] beta;
}
model {
  alpha ~ normal(0, 2);
  beta ~ normal(0, 1);
  profile("likelihood") {
    target += reduce_sum(partial_sum_lupmf, y, grainsize, X, beta, alpha);
  }
}
