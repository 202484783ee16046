// Zero-inflated Poisson with the mixture written out with log_sum_exp and bernoulli terms.
data {
  int<lower=0> N;
  array[N] int<lower=0> y;
}
parameters {
  real<lower=0, upper=1> theta;
  real<lower=0> lambda;
}
model {
  theta ~ beta(1, 1);
  lambda ~ gamma(2, 0.5);
  for (n in 1:N) {
    if (y[n] == 0) {
      target += log_sum_exp(log(theta), log1m(theta) + poisson_lpmf(y[n] | lambda));
    } else {
      target += log1m(theta) + poisson_lpmf(y[n] | lambda);
    }
  }
}
generated quantities {
  array[N] int y_rep;
  for (n in 1:N) {
    y_rep[n] = bernoulli_rng(theta) ? 0 : poisson_rng(lambda);
  }
}
