data {
  int<lower=0> N;
  vector[N] lo;
}
parameters {
  real<lower=lo> mu;
}
model {
  mu ~ normal(0, 1);
}
