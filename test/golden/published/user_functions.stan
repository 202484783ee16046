// User-defined densities, RNGs, _lp functions, data-only arguments and forward declarations.
functions {
  real shifted_exp_lpdf(real y, real lambda, real shift);
  real shifted_exp_lpdf(real y, real lambda, real shift) {
    if (y < shift) {
      return negative_infinity();
    }
    return log(lambda) - lambda * (y - shift);
  }
  real shifted_exp_rng(real lambda, real shift) {
    return shift + exponential_rng(lambda);
  }
  real count_below_lpmf(int k, data vector xs, real p) {
    int n = num_elements(xs);
    return binomial_lpmf(k | n, p);
  }
  real center_lp(vector v, real scale) {
    target += -0.5 * dot_self(v) / square(scale);
    return mean(v);
  }
  vector standardize(data vector x) {
    return (x - mean(x)) / sd(x);
  }
  void check_positive(data real v) {
    if (v <= 0) {
      reject("value must be positive, got ", v);
    }
  }
}
data {
  int<lower=1> N;
  vector[N] y;
  real shift;
  vector[N] x;
  int<lower=0, upper=N> n_below;
}
transformed data {
  vector[N] x_std = standardize(x);
  check_positive(N);
}
parameters {
  real<lower=0> lambda;
  vector[3] v;
  real<lower=0, upper=1> p;
}
model {
  real m = center_lp(v, 2.0);
  lambda ~ gamma(2, 1);
  for (n in 1:N) {
    y[n] ~ shifted_exp(lambda, shift);
  }
  target += shifted_exp_lpdf(y[1] | lambda, shift) * 0;
  n_below ~ count_below(x, p);
}
generated quantities {
  real y_new = shifted_exp_rng(lambda, shift);
  real x_first = x_std[1];
}
