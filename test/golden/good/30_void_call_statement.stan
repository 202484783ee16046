functions {
  void say(real x) {
    print("x = ", x);
  }
}
parameters {
  real mu;
}
model {
  say(mu);
  mu ~ normal(0, 1);
}
