data {
  int<lower=0> N;
  vector[N] y;
  matrix[N, N] X;
}
parameters {
  real mu;
}
model {
  y[1, 2] ~ normal(mu, 1);
  X[1, 2, 3] ~ normal(mu, 1);
}
