data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  if (y) {
    mu ~ normal(0, 1);
  }
  while (y) {
    break;
  }
}
