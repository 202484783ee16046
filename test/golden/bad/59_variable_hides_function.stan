functions {
  real center(real x) {
    return x - 1;
  }
}
parameters {
  real center;
}
model {
  center ~ normal(center(2.0), 1);
}
