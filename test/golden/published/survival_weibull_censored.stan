// Weibull survival regression with right censoring through the complementary CDF.
data {
  int<lower=0> N_obs;
  int<lower=0> N_cens;
  int<lower=1> K;
  vector<lower=0>[N_obs] t_obs;
  vector<lower=0>[N_cens] t_cens;
  matrix[N_obs, K] X_obs;
  matrix[N_cens, K] X_cens;
}
parameters {
  real<lower=0> shape;
  real intercept;
  vector[K] beta;
}
model {
  shape ~ gamma(2, 0.5);
  intercept ~ normal(0, 5);
  beta ~ normal(0, 1);
  t_obs ~ weibull(shape, exp(-(intercept + X_obs * beta) / shape));
  target += weibull_lccdf(t_cens | shape, exp(-(intercept + X_cens * beta) / shape));
}
generated quantities {
  vector[N_obs + N_cens] log_lik;
  for (n in 1:N_obs) {
    log_lik[n] = weibull_lpdf(t_obs[n] | shape, exp(-(intercept + X_obs[n] * beta) / shape));
  }
  for (n in 1:N_cens) {
    log_lik[N_obs + n] = weibull_lccdf(t_cens[n] | shape,
                                       exp(-(intercept + X_cens[n] * beta) / shape));
  }
}
