// Count regression with an exposure offset; negative binomial with a switch to Poisson.
data {
  int<lower=1> N;
  int<lower=1> K;
  matrix[N, K] X;
  vector<lower=0>[N] exposure;
  array[N] int<lower=0> y;
  int<lower=0, upper=1> use_negbin;
}
transformed data {
  vector[N] log_exposure = log(exposure);
}
parameters {
  real alpha;
  vector[K] beta;
  real<lower=0> inv_phi;
}
transformed parameters {
  real phi = inv(inv_phi);
}
model {
  vector[N] eta = log_exposure + alpha + X * beta;
  alpha ~ normal(0, 5);
  beta ~ normal(0, 1);
  inv_phi ~ normal(0, 1);
  if (use_negbin == 1) {
    y ~ neg_binomial_2_log(eta, phi);
  } else {
    y ~ poisson_log(eta);
  }
}
generated quantities {
  array[N] int y_rep;
  vector[N] log_lik;
  for (n in 1:N) {
    real eta_n = log_exposure[n] + alpha + X[n] * beta;
    if (use_negbin == 1) {
      y_rep[n] = neg_binomial_2_log_rng(eta_n, phi);
      log_lik[n] = neg_binomial_2_log_lpmf(y[n] | eta_n, phi);
    } else {
      y_rep[n] = poisson_log_rng(eta_n);
      log_lik[n] = poisson_log_lpmf(y[n] | eta_n);
    }
  }
}
