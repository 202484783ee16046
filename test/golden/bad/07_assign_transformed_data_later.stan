data {
  int<lower=0> N;
}
transformed data {
  real scale = 2.5;
}
parameters {
  real mu;
}
model {
  scale = 3.0;
  mu ~ normal(0, scale);
}
