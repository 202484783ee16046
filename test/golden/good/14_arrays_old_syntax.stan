data {
  int<lower=1> N;
  real y[N];
  int counts[N, 2];
}
parameters {
  real mu;
}
model {
  y ~ normal(mu, 1);
}
