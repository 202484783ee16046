functions {
  real relu(real x) {
    if (x > 0) {
      return x;
    }
  }
}
parameters {
  real mu;
}
model {
  mu ~ normal(relu(1.0), 1);
}
