functions {
  real scaled(real x, real s) {
    x = x * s;
    return x;
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(scaled(0, 2), 1);
}
