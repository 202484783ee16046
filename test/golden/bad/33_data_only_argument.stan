functions {
  real shift(data real x, real s) {
    return x + s;
  }
}
parameters {
  real mu;
}
model {
  real a = shift(mu, 1.0);
  mu ~ normal(0, 1);
}
