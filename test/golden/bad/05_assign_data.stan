data {
  int<lower=0> N;
  vector[N] y;
}
transformed data {
  y[1] = 0;
}
parameters {
  real mu;
}
model {
  y ~ normal(mu, 1);
}
