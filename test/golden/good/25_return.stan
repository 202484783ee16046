functions {
  real clip(real x, real lo, real hi) {
    if (x < lo) return lo;
    if (x > hi) return hi;
    return x;
  }
  void check_positive(real x) {
    if (x <= 0) reject("x must be positive, got ", x);
    return;
  }
}
parameters {
  real mu;
}
model {
  check_positive(1.0);
  mu ~ normal(clip(mu, -1, 1), 1);
}
