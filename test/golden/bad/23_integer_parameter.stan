data {
  int<lower=0> N;
}
parameters {
  int<lower=1> K;
  real mu;
}
model {
  mu ~ normal(0, 1);
}
