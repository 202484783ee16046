// Autoregressive model of order K.
data {
  int<lower=0> K;
  int<lower=0> N;
  array[N] real y;
}
parameters {
  real alpha;
  array[K] real beta;
  real<lower=0> sigma;
}
model {
  alpha ~ normal(0, 10);
  beta ~ normal(0, 1);
  sigma ~ cauchy(0, 2.5);
  for (n in (K + 1):N) {
    real mu = alpha;
    for (k in 1:K) {
      mu += beta[k] * y[n - k];
    }
    y[n] ~ normal(mu, sigma);
  }
}
generated quantities {
  real y_next = alpha;
  for (k in 1:K) {
    y_next += beta[k] * y[N + 1 - k];
  }
  y_next = normal_rng(y_next, sigma);
}
