functions {
  vector decay(real t, vector y, real k, real c) {
    return -k * y;
  }
}
data {
  int<lower=1> T;
  array[T] real ts;
}
parameters {
  real<lower=0> k;
}
model {
  array[T] vector[1] y_hat = ode_rk45(decay, [1.0]', 0.0, ts, k);
  array[T] vector[1] z_hat = ode_rk45(k, [1.0]', 0.0, ts, k);
  k ~ normal(0, 1);
}
