data {
  int<lower=0> N;
}
transformed data {
  vector[N] v;
  v = 1.5;
}
parameters {
  real mu;
}
model {
  mu ~ normal(0, 1);
}
