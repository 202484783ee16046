functions {
  void check_positive(real x) {
    if (x < 0) {
      reject("x must be positive, got ", x);
    }
    return x;
  }
}
parameters {
  real mu;
}
model {
  check_positive(1.0);
  mu ~ normal(0, 1);
}
