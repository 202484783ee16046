functions {
  real square(real x) {
    return x * x;
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(square(2.0), 1);
}
