functions {
  real scaled(real x, real s) {
    return x * s;
  }
}
data {
  int<lower=0> N;
  vector[N] y;
}
parameters {
  real mu;
}
model {
  mu ~ normal(scaled(y, 2), 1);
}
