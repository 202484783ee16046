data {
  int<lower=0> N;
}
transformed data {
  if (N == 0) {
    fatal_error("need at least one observation, got N = ", N);
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
