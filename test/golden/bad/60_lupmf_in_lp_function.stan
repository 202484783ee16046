functions {
  void counts_lp(array[] int y, real lambda) {
    target += poisson_lupmf(y | lambda);
  }
}
data {
  int<lower=0> N;
  array[N] int y;
}
parameters {
  real<lower=0> lambda;
}
model {
  counts_lp(y, lambda);
}
