functions {
  real zero_inflated_poisson_lpmf(int y, real theta, real lambda) {
    if (y == 0) {
      return log_sum_exp(log(theta), log1m(theta) + poisson_lpmf(0 | lambda));
    }
    return log1m(theta) + poisson_lpmf(y | lambda);
  }
}
data {
  int<lower=0> N;
  array[N] int<lower=0> y;
}
parameters {
  real<lower=0, upper=1> theta;
  real<lower=0> lambda;
}
model {
  for (n in 1:N) {
    y[n] ~ zero_inflated_poisson(theta, lambda);
  }
}
