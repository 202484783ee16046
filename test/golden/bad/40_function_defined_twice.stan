functions {
  real half(real x) {
    return x / 2;
  }
  real half(real y) {
    return 0.5 * y;
  }
  real half(vector v) {
    return 0.5 * sum(v);
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(half(1.0), 1);
}
