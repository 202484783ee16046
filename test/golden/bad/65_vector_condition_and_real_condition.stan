data {
  int<lower=0> N;
  vector[N] y;
  real threshold;
}
parameters {
  real mu;
}
model {
  if (threshold) {
    mu ~ normal(0, 1);
  }
  while (y) {
    break;
  }
  y ~ normal(mu, 1);
}
