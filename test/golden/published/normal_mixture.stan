// Two-component normal mixture with ordered locations, marginalising the indicator with log_mix.
data {
  int<lower=1> N;
  vector[N] y;
}
parameters {
  real<lower=0, upper=1> lambda;
  ordered[2] mu;
  vector<lower=0>[2] sigma;
}
model {
  sigma ~ lognormal(0, 2);
  mu ~ normal(0, 10);
  lambda ~ beta(2, 2);
  for (n in 1:N) {
    target += log_mix(lambda,
                      normal_lpdf(y[n] | mu[1], sigma[1]),
                      normal_lpdf(y[n] | mu[2], sigma[2]));
  }
}
generated quantities {
  vector[N] p_first;
  for (n in 1:N) {
    real lp1 = log(lambda) + normal_lpdf(y[n] | mu[1], sigma[1]);
    real lp2 = log1m(lambda) + normal_lpdf(y[n] | mu[2], sigma[2]);
    p_first[n] = exp(lp1 - log_sum_exp(lp1, lp2));
  }
}
