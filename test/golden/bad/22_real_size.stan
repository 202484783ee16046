data {
  int<lower=0> N;
  real scale;
}
parameters {
  vector[scale] beta;
}
model {
  beta ~ normal(0, 1);
}
