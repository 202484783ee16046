data {
  int<lower=0> N;
  vector[N] x;
  vector[N] y;
}
parameters {
  real beta;
}
model {
  vector[N] mu = x * y;
  y ~ normal(beta * mu, 1);
}
