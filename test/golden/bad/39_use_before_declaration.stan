data {
  int<lower=0> N;
}
transformed data {
  real a = b + 1;
  real b = 2;
}
parameters {
  real mu;
}
model {
  mu ~ normal(a, 1);
}
