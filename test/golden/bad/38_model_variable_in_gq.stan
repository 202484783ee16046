data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  real mu2 = mu * 2;
  y ~ normal(mu2, 1);
}
generated quantities {
  real m = mu2;
}
