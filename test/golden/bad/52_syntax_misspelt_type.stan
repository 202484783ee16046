data {
  int<lower=0> N;
  vectr[N] y;
}
parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
