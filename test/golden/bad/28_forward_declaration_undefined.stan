functions {
  real helper(real x);
  real twice(real x) {
    return 2 * helper(x);
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(twice(0.5), 1);
}
