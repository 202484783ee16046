data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  vector[N] m = N > 2 ? y : mu;
  y ~ normal(m, 1);
}
