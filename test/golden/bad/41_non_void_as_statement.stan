functions {
  void log_value(real x) {
    print("x = ", x);
  }
}
parameters {
  real mu;
}
model {
  log_value(mu);
  square(mu);
  real z = log_value(mu);
  mu ~ normal(0, 1);
}
