functions {
  real center_lp(real x) {
    target += -0.5 * square(x);
    return x;
  }
}
parameters {
  real mu;
}
model {
  real m = center_lp(mu);
}
generated quantities {
  real c = center_lp(mu);
}
