data {
  int<lower=0> N;
}
transformed data {
  real a = N > 10 ? 1.0 : 0.0;
  real b = N > 10 ? 1.0 : N > 5 ? 0.5 : 0.0;
  int c = (N > 0 ? N : 1) + 1;
}
parameters {
  real mu;
}
model {
  mu ~ normal(a + b + c, 1);
}
